import { expect } from 'vitest';
import type { Meeting } from '../../../common/schemas/meetings.ts';
import type { Client } from '../../test/harness.ts';
import type { HubWorld, Person } from '../hub/test-world.ts';
import { toLocal } from './stockholm.ts';

/** Field paths of a 400, sorted. */
export const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

/** Swedish local time `days` from now at the given hour, as the form sends it. */
export function localAt(days: number, hour = 9): string {
  const day = toLocal(new Date(Date.now() + days * 24 * 60 * 60_000)).slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

/** A hub meeting of the world's child, scheduled by the social worker with the god man and contact person. */
export async function schedule(
  w: HubWorld,
  overrides: Record<string, unknown> = {},
  by: Person = 'social_worker',
): Promise<Meeting> {
  const res = await w.clients[by].post('/api/meetings', {
    kind: 'hub',
    childId: w.child.id,
    title: 'Navetmöte om skolan',
    startsAt: localAt(7, 9),
    endsAt: localAt(7, 10),
    location: 'Socialkontoret, rum 3',
    inviteeUserIds: [w.people.god_man.id, w.people.contact_person.id],
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Meeting>();
}

export async function getMeeting(client: Client, id: string): Promise<Meeting> {
  const res = await client.get(`/api/meetings/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Meeting>();
}

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { addDays } from '../children/dates.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld, type HubWorld } from '../hub/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

function childCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((k) => k.name === 'navet_child');
  if (!c) throw new Error('no child cookie');
  return `navet_child=${c.value}`;
}

async function childPage(w: HubWorld) {
  const link = (await w.clients.social_worker.post(`/api/children/${w.child.id}/child-links`)).json<{
    token: string;
    code: string;
  }>();
  const cookie = childCookie(await t.app.inject({ method: 'POST', url: '/api/child-view/redeem', payload: link }));
  return t.app.inject({ method: 'GET', url: '/api/child-view/me', headers: { cookie } });
}

/** Swedish local time `days` from now, as the meeting form sends it. */
const inDays = (days: number, hour: number) => `${addDays(todayInSweden(), days)}T${String(hour).padStart(2, '0')}:00`;

async function meeting(w: HubWorld, body: Record<string, unknown>): Promise<string> {
  const res = await w.clients.social_worker.post('/api/meetings', {
    kind: 'hub',
    childId: w.child.id,
    startsAt: inDays(3, 9),
    endsAt: inDays(3, 10),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('the child’s next meetings on GET /api/child-view/me', () => {
  it('only meetings the child is invited to: when, where, who by role and first name; never title, agenda or another child', async () => {
    const w = await buildHubWorld(t);
    const invited = await meeting(w, {
      title: 'Avslaget och återvändandet',
      location: 'Socialkontoret, rum 4',
      childParticipation: 'whole',
      inviteeUserIds: [w.people.god_man.id],
      guests: [{ name: 'Tolken Hemlig', organisation: 'Tolkbyrån' }],
    });
    await w.clients.social_worker.post(`/api/meetings/${invited}/agenda`, {
      title: 'Polisens verkställighet',
      ownerUserId: w.people.social_worker.id,
    });
    await meeting(w, {
      title: 'Bara de vuxna',
      childParticipation: 'none',
      startsAt: inDays(2, 9),
      endsAt: inDays(2, 10),
    });
    const part = await meeting(w, {
      title: 'Skolan',
      childParticipation: 'some_items',
      startsAt: inDays(5, 9),
      endsAt: inDays(5, 10),
    });
    const cancelled = await meeting(w, { title: 'Inställt', childParticipation: 'whole' });
    expect(
      (await w.clients.social_worker.post(`/api/meetings/${cancelled}/cancel`, { reason: 'Sjuk' })).statusCode,
    ).toBe(200);
    const other = await buildHubWorld(t);
    await meeting(other, { title: 'Annat barn', childParticipation: 'whole', location: 'Annanstans' });

    const res = await childPage(w);
    expect(res.statusCode).toBe(200);
    expect(res.json().upcomingMeetings).toEqual([
      {
        id: invited,
        kind: 'hub',
        startsAt: expect.stringMatching(/^20\d\d-/),
        endsAt: expect.stringMatching(/^20\d\d-/),
        place: 'Socialkontoret, rum 4',
        whole: true,
        who: [
          { hubRole: 'social_worker', firstName: 'Sara' },
          { hubRole: 'god_man', firstName: 'Göran' },
        ],
      },
      expect.objectContaining({ id: part, whole: false, place: null }),
    ]);
    for (const secret of [
      'Avslaget',
      'Polisens',
      'Bara de vuxna',
      'Annat barn',
      'Annanstans',
      'Hemlig',
      'Tolkbyrån',
      'Inställt',
    ])
      expect(res.body).not.toContain(secret);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld } from '../hub/test-world.ts';
import { paths, schedule } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type P = { id: string; displayName: string; attended: boolean | null; response: string };

describe('PUT /api/meetings/:id/attendance', () => {
  it('401, 404 outside the hub, 403 for an invitee, 409 before the start, 400 with paths', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/attendance`;
    const [first] = m.participants as P[];
    const body = { attendance: [{ participantId: first!.id, attended: true }] };
    expect((await anonymous(t.app).put(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.put(url, body)).statusCode).toBe(404);
    expect((await w.clients.social_worker.put(`/api/meetings/${randomUUID()}/attendance`, body)).statusCode).toBe(404);
    expect((await w.clients.god_man.put(url, body)).statusCode).toBe(403);
    const early = await w.clients.social_worker.put(url, body);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toBe('meeting_not_started');

    expect((await w.clients.social_worker.post(`/api/meetings/${m.id}/start`)).statusCode).toBe(200);
    expect(paths((await w.clients.social_worker.put(url, { attendance: [] })).json())).toEqual(['body.attendance']);
    const unknown = await w.clients.social_worker.put(url, {
      attendance: [
        { participantId: first!.id, attended: true },
        { participantId: randomUUID(), attended: false },
        { participantId: first!.id, attended: false },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown.json())).toEqual(['body.attendance.1.participantId', 'body.attendance.2.participantId']);
    expect(paths((await w.clients.social_worker.put(url, { attendance: [{ attended: 'yes' }] })).json())).toEqual([
      'body.attendance.0.attended',
      'body.attendance.0.participantId',
    ]);
    // Nothing was half-written by the refused requests.
    const still = (await w.clients.social_worker.get(`/api/meetings/${m.id}`)).json().participants as P[];
    expect(still.every((p) => p.attended === null)).toBe(true);
  });

  it('records who came after the start and after the close; an invitee who never answered is then absent, not pending', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/attendance`;
    const people = m.participants as P[];
    await w.clients.social_worker.post(`/api/meetings/${m.id}/start`);
    const res = await w.clients.social_worker.put(url, {
      attendance: people.map((p, i) => ({ participantId: p.id, attended: i === 0 })),
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json().participants as P[];
    expect(after.map((p) => p.attended)).toEqual(people.map((_, i) => i === 0));

    await w.clients.social_worker.post(`/api/meetings/${m.id}/close`);
    const later = await w.clients.social_worker.put(url, {
      attendance: [{ participantId: people[1]!.id, attended: true }],
    });
    expect(later.statusCode).toBe(200);
    const final = (await w.clients.god_man.get(`/api/meetings/${m.id}`)).json().participants as P[];
    expect(final.find((p) => p.id === people[1]!.id)?.attended).toBe(true);
    // The one left out keeps what was recorded.
    expect(final.find((p) => p.id === people[2]!.id)?.attended).toBe(false);
  });

  it('409 on a cancelled meeting', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    await w.clients.social_worker.post(`/api/meetings/${m.id}/cancel`, { reason: 'Sjuk' });
    const res = await w.clients.social_worker.put(`/api/meetings/${m.id}/attendance`, {
      attendance: [{ participantId: (m.participants as P[])[0]!.id, attended: true }],
    });
    expect(res.statusCode).toBe(409);
  });
});

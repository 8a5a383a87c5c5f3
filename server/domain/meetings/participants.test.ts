import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../notify/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld } from '../hub/test-world.ts';
import { paths, schedule } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('POST /api/meetings/:id/participants', () => {
  it('401, 404, 403 for others than the organiser, 400 with paths', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/participants`;
    const body = { userIds: [w.people.school_mentor.id] };
    expect((await anonymous(t.app).post(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, body)).statusCode).toBe(404);
    expect((await w.clients.god_man.post(url, body)).statusCode).toBe(403);
    const bad = await w.clients.social_worker.post(url, {
      userIds: [w.people.god_man.id, w.people.outsider.id],
      guests: [{ name: '' }],
    });
    expect(paths(bad.json())).toEqual(['body.guests.0.name']);
    const taken = await w.clients.social_worker.post(url, { userIds: [w.people.god_man.id, w.people.outsider.id] });
    expect(paths(taken.json())).toEqual(['body.userIds.0', 'body.userIds.1']);
    expect(paths((await w.clients.social_worker.post(url, {})).json())).toEqual(['body.userIds']);
  });

  it('invites the school mentor and a guest; the mentor is notified', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const res = await w.clients.social_worker.post(`/api/meetings/${m.id}/participants`, {
      userIds: [w.people.school_mentor.id],
      guests: [{ name: 'Lina Lärare', organisation: 'Hedbergska skolan' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().participants.map((p: { displayName: string }) => p.displayName)).toEqual([
      'Sara Lind',
      'Göran Ek',
      'Karin Berg',
      'Mats Holm',
      'Lina Lärare',
    ]);
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, w.people.school_mentor.id));
    expect(notes.map((n) => n.kind)).toEqual(['meeting.invited']);
  });
});

describe('DELETE /api/meetings/:id/participants/:participantId', () => {
  it('401, 404 (outside, unknown participant), 403, 409 for the organiser; removes an invitee', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const organiser = m.participants.find((p) => p.organiser)!;
    const karin = m.participants.find((p) => p.displayName === 'Karin Berg')!;
    const url = (id: string) => `/api/meetings/${m.id}/participants/${id}`;
    expect((await anonymous(t.app).delete(url(karin.id))).statusCode).toBe(401);
    expect((await w.clients.outsider.delete(url(karin.id))).statusCode).toBe(404);
    expect((await w.clients.social_worker.delete(url(randomUUID()))).statusCode).toBe(404);
    expect((await w.clients.social_worker.delete(`/api/meetings/${m.id}/participants/x`)).statusCode).toBe(400);
    expect((await w.clients.god_man.delete(url(karin.id))).statusCode).toBe(403);
    expect((await w.clients.social_worker.delete(url(organiser.id))).statusCode).toBe(409);
    const res = await w.clients.social_worker.delete(url(karin.id));
    expect(res.json().participants.map((p: { displayName: string }) => p.displayName)).toEqual([
      'Sara Lind',
      'Göran Ek',
    ]);
  });
});

describe('PUT /api/meetings/:id/response', () => {
  it('401, 404, 403 for someone not invited, 400 for an unknown answer; the god man accepts', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/response`;
    expect((await anonymous(t.app).put(url, { response: 'accepted' })).statusCode).toBe(401);
    expect((await w.clients.outsider.put(url, { response: 'accepted' })).statusCode).toBe(404);
    expect((await w.clients.school_mentor.put(url, { response: 'accepted' })).statusCode).toBe(403);
    expect((await w.clients.manager.put(url, { response: 'accepted' })).statusCode).toBe(403);
    expect(paths((await w.clients.god_man.put(url, { response: 'pending' })).json())).toEqual(['body.response']);
    const res = await w.clients.god_man.put(url, { response: 'accepted' });
    expect(res.json().myResponse).toBe('accepted');
    const gm = res.json().participants.find((p: { displayName: string }) => p.displayName === 'Göran Ek');
    expect(gm).toMatchObject({ response: 'accepted' });
    expect(gm.respondedAt).not.toBeNull();
    // Once cancelled, answers are no longer taken.
    await w.clients.social_worker.post(`/api/meetings/${m.id}/cancel`, { reason: 'Flyttat' });
    expect((await w.clients.contact_person.put(url, { response: 'declined' })).statusCode).toBe(409);
  });
});

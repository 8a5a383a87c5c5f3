import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld } from '../hub/test-world.ts';
import { getMeeting, paths, schedule } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('agenda items', () => {
  it('POST: 401, 404, 403 for a manager, 400 for an owner outside the hub', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/agenda`;
    const body = { title: 'Skolan', ownerUserId: w.people.god_man.id };
    expect((await anonymous(t.app).post(url, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, body)).statusCode).toBe(404);
    expect((await w.clients.manager.post(url, body)).statusCode).toBe(403);
    expect((await w.clients.volunteer.post(url, body)).statusCode).toBe(403);
    for (const ownerUserId of [w.people.outsider.id, w.people.volunteer.id, randomUUID()]) {
      const res = await w.clients.social_worker.post(url, { title: 'x', ownerUserId });
      expect(paths(res.json())).toEqual(['body.ownerUserId']);
    }
    expect(paths((await w.clients.social_worker.post(url, { title: '' })).json())).toEqual([
      'body.ownerUserId',
      'body.title',
    ]);
  });

  it('items added at the same moment each get their own position (on PostgreSQL they really run at once)', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/agenda`;
    const results = await Promise.all(
      ['Skolan', 'Boendet', 'Hälsan', 'Fritiden', 'Asylärendet'].map((title) =>
        w.clients.social_worker.post(url, { title, ownerUserId: w.people.god_man.id }),
      ),
    );
    for (const res of results) expect(res.statusCode, res.body).toBe(201);
    const agenda = (await getMeeting(w.clients.social_worker, m.id)).agenda;
    expect(agenda.map((a) => a.position).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('adds items in order with owners and the child’s part; PATCH and DELETE change them', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/agenda`;
    await w.clients.social_worker.post(url, { title: 'Skolan', ownerUserId: w.people.school_mentor.id });
    const res = await w.clients.god_man.post(url, {
      title: 'Amirs egna frågor',
      ownerUserId: w.people.god_man.id,
      childPresent: true,
    });
    expect(res.statusCode).toBe(201);
    const agenda = res.json().agenda;
    expect(
      agenda.map((a: { title: string; position: number; childPresent: boolean }) => [
        a.title,
        a.position,
        a.childPresent,
      ]),
    ).toEqual([
      ['Skolan', 0, false],
      ['Amirs egna frågor', 1, true],
    ]);
    const item = `${url}/${agenda[0].id}`;
    expect((await anonymous(t.app).patch(item, { title: 'x' })).statusCode).toBe(401);
    expect((await w.clients.outsider.patch(item, { title: 'x' })).statusCode).toBe(404);
    expect((await w.clients.manager.patch(item, { title: 'x' })).statusCode).toBe(403);
    expect((await w.clients.social_worker.patch(`${url}/${randomUUID()}`, { title: 'x' })).statusCode).toBe(404);
    expect(paths((await w.clients.social_worker.patch(item, { position: -1 })).json())).toEqual(['body.position']);
    const patched = await w.clients.social_worker.patch(item, { title: 'Skolan och läxhjälp', position: 5 });
    expect(patched.json().agenda.map((a: { title: string }) => a.title)).toEqual([
      'Amirs egna frågor',
      'Skolan och läxhjälp',
    ]);
    expect((await anonymous(t.app).delete(item)).statusCode).toBe(401);
    expect((await w.clients.manager.delete(item)).statusCode).toBe(403);
    const removed = await w.clients.contact_person.delete(item);
    expect(removed.json().agenda).toHaveLength(1);
  });
});

describe('PUT /api/meetings/:id/minutes', () => {
  it('401, 404, 403, 400', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}/minutes`;
    expect((await anonymous(t.app).put(url, { text: 'x', version: 1 })).statusCode).toBe(401);
    expect((await w.clients.outsider.put(url, { text: 'x', version: 1 })).statusCode).toBe(404);
    expect((await w.clients.manager.put(url, { text: 'x', version: 1 })).statusCode).toBe(403);
    expect(paths((await w.clients.god_man.put(url, { text: 5 })).json())).toEqual(['body.text', 'body.version']);
  });

  it('two participants typing at once: the second gets 409 with the first’s text, then merges; nothing is lost', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    await w.clients.social_worker.post(`/api/meetings/${m.id}/start`);
    const url = `/api/meetings/${m.id}/minutes`;
    const sara = await w.clients.social_worker.put(url, { text: 'Sara: skolan går bra.', version: 1 });
    expect(sara.json()).toMatchObject({ version: 2, updatedBy: { displayName: 'Sara Lind' } });
    const goran = await w.clients.god_man.put(url, { text: 'Göran: advokaten ringer.', version: 1 });
    expect(goran.statusCode).toBe(409);
    expect(goran.json()).toMatchObject({
      error: 'minutes_conflict',
      current: { text: 'Sara: skolan går bra.', version: 2 },
    });
    const merged = await w.clients.god_man.put(url, {
      text: 'Sara: skolan går bra.\nGöran: advokaten ringer.',
      version: goran.json().current.version,
    });
    expect(merged.statusCode).toBe(200);
    expect((await getMeeting(w.clients.contact_person, m.id)).minutes).toMatchObject({
      text: 'Sara: skolan går bra.\nGöran: advokaten ringer.',
      version: 3,
      updatedBy: { displayName: 'Göran Ek' },
    });
  });

  it('after closing, the minutes stand: editing is 409 and changes nothing; an amendment is logged', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    await w.clients.social_worker.put(`/api/meetings/${m.id}/minutes`, { text: 'Protokoll.', version: 1 });
    const early = await w.clients.god_man.post(`/api/meetings/${m.id}/amendments`, { text: 'Tillägg' });
    expect(early.json().error).toBe('meeting_not_closed');
    await w.clients.social_worker.post(`/api/meetings/${m.id}/close`);
    const edit = await w.clients.god_man.put(`/api/meetings/${m.id}/minutes`, {
      text: 'Ändrat i efterhand',
      version: 2,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toBe('meeting_closed');
    const amendUrl = `/api/meetings/${m.id}/amendments`;
    expect((await anonymous(t.app).post(amendUrl, { text: 'x' })).statusCode).toBe(401);
    expect((await w.clients.outsider.post(amendUrl, { text: 'x' })).statusCode).toBe(404);
    expect((await w.clients.manager.post(amendUrl, { text: 'x' })).statusCode).toBe(403);
    expect(paths((await w.clients.god_man.post(amendUrl, { text: ' ' })).json())).toEqual(['body.text']);
    const amended = await w.clients.god_man.post(amendUrl, { text: 'Rättelse: mötet slutade 10.15.' });
    expect(amended.statusCode).toBe(201);
    const after = await getMeeting(w.clients.social_worker, m.id);
    expect(after.minutes.text).toBe('Protokoll.');
    expect(after.amendments).toMatchObject([
      { text: 'Rättelse: mötet slutade 10.15.', author: { displayName: 'Göran Ek' } },
    ]);
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, m.id), eq(auditLog.action, 'meeting.amended')));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.actorUserId).toBe(w.people.god_man.id);
  });
});

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { children } from '../children/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld } from '../hub/test-world.ts';
import { notifications } from '../../notify/tables.ts';
import { localAt, paths, schedule } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('POST /api/meetings', () => {
  it('401, 404 for a child outside the hub, 403 for roles that do not schedule', async () => {
    const w = await buildHubWorld(t);
    const body = { kind: 'hub', childId: w.child.id, title: 'x', startsAt: localAt(3), endsAt: localAt(3, 10) };
    expect((await anonymous(t.app).post('/api/meetings', body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post('/api/meetings', body)).statusCode).toBe(404);
    expect((await w.clients.social_worker.post('/api/meetings', { ...body, childId: randomUUID() })).statusCode).toBe(
      404,
    );
    for (const who of ['school_mentor', 'volunteer', 'manager'] as const)
      expect((await w.clients[who].post('/api/meetings', body)).statusCode, who).toBe(403);
    // The forum and the strategic meeting are for coordinators and managers.
    const forum = { ...body, kind: 'operational_forum', childId: null };
    expect((await w.clients.social_worker.post('/api/meetings', forum)).statusCode).toBe(403);
  });

  it('400 with field paths: ending before starting, a missing child, a time that does not exist, bad invitees', async () => {
    const w = await buildHubWorld(t);
    const base = { kind: 'hub', childId: w.child.id, title: 'Möte' };
    const backwards = await w.clients.social_worker.post('/api/meetings', {
      ...base,
      startsAt: localAt(3, 10),
      endsAt: localAt(3, 9),
    });
    expect(backwards.statusCode).toBe(400);
    expect(paths(backwards.json())).toEqual(['body.endsAt']);

    const shape = await w.clients.social_worker.post('/api/meetings', {
      kind: 'party',
      title: '',
      startsAt: '3 december',
      endsAt: '2026-02-30T09:00',
      videoLink: 'http://insecure.example',
    });
    expect(paths(shape.json())).toEqual(['body.endsAt', 'body.kind', 'body.startsAt', 'body.title', 'body.videoLink']);

    const noChild = await w.clients.social_worker.post('/api/meetings', {
      kind: 'sip',
      title: 'SIP',
      startsAt: localAt(3),
      endsAt: localAt(3, 10),
    });
    expect(paths(noChild.json())).toEqual(['body.childId']);

    // 02:30 on the last Sunday of March 2027 is skipped when the clocks go forward.
    const gap = await w.clients.social_worker.post('/api/meetings', {
      ...base,
      startsAt: '2027-03-28T02:30',
      endsAt: '2027-03-28T04:00',
    });
    expect(paths(gap.json())).toEqual(['body.startsAt']);

    const invitees = await w.clients.social_worker.post('/api/meetings', {
      ...base,
      startsAt: localAt(3),
      endsAt: localAt(3, 10),
      // The volunteer is civil society (invited as a guest by name); the outsider is not in the hub.
      inviteeUserIds: [w.people.god_man.id, w.people.volunteer.id, w.people.outsider.id, w.people.god_man.id],
    });
    expect(paths(invitees.json())).toEqual(['body.inviteeUserIds.1', 'body.inviteeUserIds.2', 'body.inviteeUserIds.3']);
    expect((await w.clients.social_worker.get(`/api/children/${w.child.id}/meetings`)).json().items).toEqual([]);
  });

  it('schedules a hub meeting: the organiser accepts, invitees are pending and notified, all audited', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w, {
      guests: [{ name: 'Tolk Ali', organisation: 'Tolkförmedlingen' }],
      childParticipation: 'some_items',
      childWishes: { attendees: 'Inte polisen', raise: 'Fotboll', avoid: null },
    });
    expect(m).toMatchObject({
      kind: 'hub',
      status: 'planned',
      child: { id: w.child.id, displayName: 'Amir' },
      startsLocal: localAt(7, 9),
      endsLocal: localAt(7, 10),
      organiser: { userId: w.people.social_worker.id, displayName: 'Sara Lind' },
      childParticipation: 'some_items',
      childWishes: { attendees: 'Inte polisen', raise: 'Fotboll', avoid: null },
      myResponse: 'accepted',
      abilities: { manage: true, respond: true, write: true, amend: false },
      minutes: { text: '', version: 1 },
    });
    expect(m.participants.map((p) => [p.displayName, p.response, p.guest, p.hubRole])).toEqual([
      ['Sara Lind', 'accepted', false, 'social_worker'],
      ['Göran Ek', 'pending', false, 'god_man'],
      ['Karin Berg', 'pending', false, 'contact_person'],
      ['Tolk Ali', 'pending', true, null],
    ]);
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.sourceId, m.id));
    expect(notes.map((n) => [n.userId, n.kind, n.link]).sort()).toEqual(
      [
        [w.people.god_man.id, 'meeting.invited', `/meetings/${m.id}`],
        [w.people.contact_person.id, 'meeting.invited', `/meetings/${m.id}`],
      ].sort(),
    );
    // Notices carry keys and times, never the title or the child's name.
    expect(JSON.stringify(notes.map((n) => n.params))).not.toMatch(/skolan|Amir/);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, m.id), eq(auditLog.action, 'meeting.created')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.childId).toBe(w.child.id);
  });
});

describe('GET /api/meetings/:id and GET /api/children/:id/meetings', () => {
  it('401, 404 outside (and for unknown ids), 403 for civil society; read by the hub and managers', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.social_worker.get(`/api/meetings/${randomUUID()}`)).statusCode).toBe(404);
    expect((await w.clients.social_worker.get('/api/meetings/not-a-uuid')).statusCode).toBe(400);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
    const seen = (await w.clients.manager.get(url)).json();
    expect(seen.abilities).toEqual({ manage: false, respond: false, write: false, amend: false, attendance: false });
    const mentor = (await w.clients.school_mentor.get(url)).json();
    expect(mentor.abilities).toMatchObject({ manage: false, write: true });

    const list = `/api/children/${w.child.id}/meetings`;
    expect((await anonymous(t.app).get(list)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(list)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(list)).statusCode).toBe(403);
    expect(paths((await w.clients.god_man.get(`${list}?when=soon`)).json())).toEqual(['query.when']);
    const upcoming = (await w.clients.god_man.get(`${list}?when=upcoming`)).json();
    expect(upcoming).toMatchObject({ items: [{ id: m.id, myResponse: 'pending' }], abilities: { schedule: true } });
    expect((await w.clients.god_man.get(`${list}?when=past`)).json().items).toEqual([]);
  });

  it('a meeting of a child leaves the view of a member whose membership ends', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w, { inviteeUserIds: [w.people.school_mentor.id] });
    expect((await w.clients.school_mentor.get(`/api/meetings/${m.id}`)).statusCode).toBe(200);
    await w.clients.social_worker.post(`/api/children/${w.child.id}/hub/members/${w.members.school_mentor}/end`, {});
    expect((await w.clients.school_mentor.get(`/api/meetings/${m.id}`)).statusCode).toBe(404);
  });
});

describe('PATCH /api/meetings/:id', () => {
  it('401, 404, 403 for others than the organiser and the social worker, 400 with paths', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}`;
    expect((await anonymous(t.app).patch(url, { version: 1 })).statusCode).toBe(401);
    expect((await w.clients.outsider.patch(url, { version: 1 })).statusCode).toBe(404);
    expect((await w.clients.school_mentor.patch(url, { version: 1, title: 'x' })).statusCode).toBe(403);
    expect((await w.clients.god_man.patch(url, { version: 1, title: 'x' })).statusCode).toBe(403);
    const bad = await w.clients.social_worker.patch(url, { version: 1, endsAt: localAt(7, 8) });
    expect(paths(bad.json())).toEqual(['body.endsAt']);
    expect(paths((await w.clients.social_worker.patch(url, { title: 'x' })).json())).toEqual(['body.version']);
  });

  it('moves the meeting: the calendar sequence goes up and invitees are told; a stale version gets 409', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const url = `/api/meetings/${m.id}`;
    const moved = await w.clients.social_worker.patch(url, {
      version: m.version,
      startsAt: localAt(8, 13),
      endsAt: localAt(8, 14),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ startsLocal: localAt(8, 13), version: m.version + 1 });
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'meeting.changed'));
    expect(row).toBeDefined();
    const stale = await w.clients.social_worker.patch(url, { version: m.version, title: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version_conflict', current: { title: m.title } });
  });
});

describe('start, close and cancel', () => {
  it('401, 404, 403; cancel needs a reason; a cancelled meeting takes no more changes', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    for (const action of ['start', 'close', 'cancel']) {
      const url = `/api/meetings/${m.id}/${action}`;
      expect((await anonymous(t.app).post(url, { reason: 'x' })).statusCode).toBe(401);
      expect((await w.clients.outsider.post(url, { reason: 'x' })).statusCode).toBe(404);
      expect((await w.clients.contact_person.post(url, { reason: 'x' })).statusCode).toBe(403);
    }
    const noReason = await w.clients.social_worker.post(`/api/meetings/${m.id}/cancel`, {});
    expect(paths(noReason.json())).toEqual(['body.reason']);
    const cancelled = await w.clients.social_worker.post(`/api/meetings/${m.id}/cancel`, { reason: 'Sjuk' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Sjuk' });
    const after = await w.clients.social_worker.patch(`/api/meetings/${m.id}`, { version: 99, title: 'x' });
    expect(after.statusCode).toBe(409);
    expect(after.json().error).toBe('meeting_cancelled');
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.sourceId, m.id), eq(notifications.kind, 'meeting.cancelled')));
    expect(told.map((n) => n.urgency)).toEqual(['immediate', 'immediate']);
  });

  it('held and closed: the status moves on and the meeting shows in the past', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    const started = await w.clients.social_worker.post(`/api/meetings/${m.id}/start`);
    expect(started.json().status).toBe('in_progress');
    const closed = await w.clients.social_worker.post(`/api/meetings/${m.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', abilities: { write: false, amend: true } });
    const past = (await w.clients.god_man.get(`/api/children/${w.child.id}/meetings?when=past`)).json();
    expect(past.items.map((i: { id: string }) => i.id)).toEqual([m.id]);
  });
});

describe('a closed case', () => {
  it('keeps its meetings readable and refuses every change with 409', async () => {
    const w = await buildHubWorld(t);
    const m = await schedule(w);
    await t.database.db.update(children).set({ caseStatus: 'closed' }).where(eq(children.id, w.child.id));
    const read = await w.clients.god_man.get(`/api/meetings/${m.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({
      manage: false,
      respond: false,
      write: false,
      amend: false,
      attendance: false,
    });
    const writes = [
      w.clients.social_worker.patch(`/api/meetings/${m.id}`, { version: m.version, title: 'x' }),
      w.clients.god_man.put(`/api/meetings/${m.id}/minutes`, { text: 'x', version: 1 }),
      w.clients.god_man.put(`/api/meetings/${m.id}/response`, { response: 'accepted' }),
      w.clients.social_worker.post('/api/meetings', {
        kind: 'hub',
        childId: w.child.id,
        title: 'x',
        startsAt: localAt(3),
        endsAt: localAt(3, 10),
      }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toBe('child_closed');
    }
  });
});

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { meetingParticipants, meetings } from '../meetings/tables.ts';
import { localAt } from '../meetings/test-world.ts';
import { notifications } from '../../notify/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildPlanWorld, newPlan, paths, readPlan, readyPlan, type PlanWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const meeting = {
  title: 'SIP-möte för Amir',
  startsAt: localAt(7, 13),
  endsAt: localAt(7, 15),
  location: 'Socialkontoret',
};

async function callHub(w: PlanWorld, planId: string, version: number) {
  const res = await w.clients.social_worker.put(`/api/plans/${planId}/participants`, {
    version,
    participants: [
      { userId: w.people.god_man.id },
      { userId: w.people.contact_person.id },
      { userId: w.people.school_mentor.id },
      { name: 'Lena Tolk', organisationName: 'Tolkförmedlingen' },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('POST /api/plans/:id/invitations', () => {
  it('401, 404, 403, 400 with field paths; nothing goes out without the child’s valid consent', async () => {
    const w = await buildPlanWorld(t);
    const plan = await newPlan(w);
    const url = `/api/plans/${plan.id}/invitations`;
    expect((await anonymous(t.app).post(url, meeting)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, meeting)).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(`/api/plans/${randomUUID()}/invitations`, meeting)).statusCode).toBe(
      404,
    );
    expect((await w.clients.school_mentor.post(url, meeting)).statusCode).toBe(403);
    const shape = await w.clients.social_worker.post(url, { title: '', startsAt: 'tomorrow', endsAt: meeting.endsAt });
    expect(paths(shape.json())).toEqual(['body.startsAt', 'body.title']);
    const none = await w.clients.social_worker.post(url, meeting);
    expect(none.statusCode).toBe(400);
    expect(paths(none.json())).toEqual(['plan.consentId', 'plan.participants']);
    await callHub(w, plan.id, plan.version);
    expect(paths((await w.clients.social_worker.post(url, meeting)).json())).toEqual(['plan.consentId']);
    expect(await t.database.db.select().from(meetings).where(eq(meetings.childId, w.child.id))).toEqual([]);
    expect((await readPlan(w.clients.social_worker, plan.id)).status).toBe('draft');
  });

  it('schedules the SIP meeting through the meetings machinery: principals summoned, others invited, linked to the plan', async () => {
    const w = await buildPlanWorld(t);
    const ready = await readyPlan(w);
    await callHub(w, ready.id, ready.version);
    const res = await w.clients.social_worker.post(`/api/plans/${ready.id}/invitations`, meeting);
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.invitationsSentAt).not.toBeNull();
    expect(plan.meetings).toHaveLength(1);
    expect(plan.meetings[0]).toMatchObject({ title: 'SIP-möte för Amir', status: 'planned' });
    expect(plan.participants.every((p: { invitedAt: string | null }) => p.invitedAt !== null)).toBe(true);

    const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, plan.meetings[0].id));
    expect(m).toMatchObject({ kind: 'sip', childId: w.child.id });
    const invited = await t.database.db
      .select()
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, m!.id));
    expect(invited.map((p) => p.userId ?? p.guestName).sort()).toEqual(
      [
        w.people.social_worker.id,
        w.people.god_man.id,
        w.people.contact_person.id,
        w.people.school_mentor.id,
        'Lena Tolk',
      ].sort(),
    );
    const told = await t.database.db.select().from(notifications).where(eq(notifications.childId, w.child.id));
    const kinds = Object.fromEntries(told.map((n) => [n.userId, n.kind]));
    // The god man's and the school's organisations are municipal (principals); the HVB is a private provider.
    expect(kinds).toEqual({
      [w.people.god_man.id]: 'plan.summons',
      [w.people.school_mentor.id]: 'plan.summons',
      [w.people.contact_person.id]: 'plan.invitation',
    });
    // The meeting is readable by the invited through the meetings API.
    expect((await w.clients.school_mentor.get(`/api/meetings/${m!.id}`)).statusCode).toBe(200);
    const logged = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.invitations_sent'), eq(auditLog.entityId, ready.id)));
    expect(logged[0]!.detail).toMatchObject({ meetingId: m!.id, summoned: 2, invited: 2 });
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { meetings } from '../meetings/tables.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { planVersions } from './tables.ts';
import { buildPlanWorld, inDays, paths, readPlan, readyPlan, type PlanWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const adoptBody = (w: PlanWorld, version: number, meetingWaiver?: unknown) => ({
  version,
  followUpOn: inDays(90),
  followUpUserId: w.people.social_worker.id,
  childApproval: { approved: true, note: null },
  ...(meetingWaiver === undefined ? {} : { meetingWaiver }),
});

/** Calls the god man and books the SIP meeting a week ahead; the plan links to it. */
async function bookMeeting(w: PlanWorld, planId: string): Promise<string> {
  const p = await readPlan(w.clients.social_worker, planId);
  const set = await w.clients.social_worker.put(`/api/plans/${planId}/participants`, {
    version: p.version,
    participants: [{ userId: w.people.god_man.id }],
  });
  expect(set.statusCode, set.body).toBe(200);
  const day = inDays(7);
  const res = await w.clients.social_worker.post(`/api/plans/${planId}/invitations`, {
    title: 'SIP-möte',
    startsAt: `${day}T13:00`,
    endsAt: `${day}T14:00`,
    location: null,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().meetings[0].id as string;
}

describe('POST /api/plans/:id/adopt: the SIP meeting', () => {
  it('400 plan.meetingHeld with no meeting held and no waiver; 400 body.meetingWaiver.reason for an empty reason; nothing written', async () => {
    const w = await buildPlanWorld(t);
    const plan = await readyPlan(w);
    const url = `/api/plans/${plan.id}/adopt`;
    expect(plan.missing).toEqual(['meetingHeld']);

    const none = await w.clients.social_worker.post(url, adoptBody(w, plan.version));
    expect(none.statusCode).toBe(400);
    expect(paths(none.json())).toEqual(['plan.meetingHeld']);

    const empty = await w.clients.social_worker.post(url, adoptBody(w, plan.version, { reason: '   ' }));
    expect(empty.statusCode).toBe(400);
    expect(paths(empty.json())).toEqual(['body.meetingWaiver.reason']);

    // A booked meeting that has not taken place is not a held one.
    await bookMeeting(w, plan.id);
    const fresh = await readPlan(w.clients.social_worker, plan.id);
    expect(fresh.missing).toEqual(['meetingHeld']);
    const booked = await w.clients.social_worker.post(url, adoptBody(w, fresh.version));
    expect(paths(booked.json())).toEqual(['plan.meetingHeld']);
    expect(await t.database.db.select().from(planVersions).where(eq(planVersions.planId, plan.id))).toEqual([]);
    expect((await readPlan(w.clients.social_worker, plan.id)).status).toBe('draft');
  });

  it('adopts once the meeting is held, with no waiver recorded', async () => {
    const w = await buildPlanWorld(t);
    const plan = await readyPlan(w);
    const meetingId = await bookMeeting(w, plan.id);
    await t.database.db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, meetingId));
    const fresh = await readPlan(w.clients.social_worker, plan.id);
    expect(fresh.missing).toEqual([]);
    // A waiver sent anyway is not recorded: the meeting was held.
    const res = await w.clients.social_worker.post(
      `/api/plans/${plan.id}/adopt`,
      adoptBody(w, fresh.version, { reason: 'Onödig' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const v = await w.clients.social_worker.get(`/api/plans/${plan.id}/versions/1`);
    expect(v.json()).toMatchObject({ number: 1, meetingWaiverReason: null });
  });

  it('adopts without a meeting when waived with a reason: the reason is kept with the version, the audit says only that it was waived', async () => {
    const w = await buildPlanWorld(t);
    const plan = await readyPlan(w);
    const reason = 'Amir ville inte ha ett möte till; planen gjordes med honom och god man.';
    const res = await w.clients.social_worker.post(
      `/api/plans/${plan.id}/adopt`,
      adoptBody(w, plan.version, { reason }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', adoptedVersion: 1 });
    const v = await w.clients.god_man.get(`/api/plans/${plan.id}/versions/1`);
    expect(v.json()).toMatchObject({ meetingWaiverReason: reason });
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, plan.id), eq(auditLog.action, 'plan.adopted')));
    expect(row!.detail).toMatchObject({ meetingWaived: true });
    expect(JSON.stringify(row!.detail)).not.toContain('Amir ville');
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Today } from '../../../common/schemas/tasks.ts';
import { auditLog } from '../../audit/tables.ts';
import type { Db } from '../../db/connect.ts';
import { notifications } from '../../notify/tables.ts';
import { TEST_PASSWORD, buildChild, buildOrganisation, buildUser, buildWorld } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { childDeadlines } from '../events/tables.ts';
import { hubQuestions } from '../hub/tables.ts';
import { sampledReviews } from '../logreview/tables.ts';
import { buildHubWorld, consentForHub, type HubWorld } from '../hub/test-world.ts';
import { localAt, schedule } from '../meetings/test-world.ts';
import { plans } from '../plans/tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const day = (n: number) => addDays(todayInSweden(), n);

async function today(c: Client): Promise<Today> {
  const res = await c.get('/api/me/today');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Today>();
}

/** A plan in force whose follow-up the given user holds. */
async function planFollowedUpBy(w: HubWorld, childId: string, userId: string, followUpOn: string) {
  const [p] = await t.database.db
    .insert(plans)
    .values({
      tenantId: w.tenant.id,
      childId,
      kind: 'isip',
      status: 'active',
      initiatorId: w.people.social_worker.id,
      followUpOn,
      followUpUserId: userId,
      adoptedVersion: 1,
    })
    .returning();
  return p!;
}

/** A question the social worker holds for the child, due `dueOn` (set in the table: the API refuses a past date). */
async function question(w: HubWorld, childId: string, memberId: string, text: string, dueOn: string) {
  const res = await w.clients.social_worker.post(`/api/children/${childId}/questions`, {
    text,
    ownerMemberId: memberId,
    dueOn: day(3),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  await t.database.db.update(hubQuestions).set({ dueOn }).where(eq(hubQuestions.id, id));
  return id;
}

/**
 * Counts the statements a request runs inside its transactions. The drizzle sessions of a transaction take
 * their logger from the root session's options when they are made, so a logger set there sees each one.
 */
async function statementsOf(db: Db, run: () => Promise<unknown>): Promise<number> {
  const options = (db as unknown as { session: { options: { logger?: unknown } } }).session.options;
  const before = options.logger;
  let n = 0;
  options.logger = { logQuery: () => void n++ };
  try {
    await run();
  } finally {
    options.logger = before;
  }
  return n;
}

describe('GET /api/me/today', () => {
  it('401 without a session; a volunteer gets only their notices and meetings', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get('/api/me/today')).statusCode).toBe(401);
    await t.database.db
      .insert(childDeadlines)
      .values({ tenantId: w.tenant.id, childId: w.child.id, kind: 'appeal', dueOn: day(3) });
    await t.database.db.insert(notifications).values({
      tenantId: w.tenant.id,
      userId: w.people.volunteer.id,
      kind: 'meeting.invited',
      link: '/tasks',
      urgency: 'normal',
    });
    const v = await today(w.clients.volunteer);
    expect(v.notices.map((n) => n.kind)).toEqual(['meeting.invited']);
    expect([v.deadlines, v.due, v.plans, v.meetings]).toEqual([[], [], [], []]);
  });

  it('the day: urgent notices first, deadlines, overdue and due items, this week’s meetings, follow-ups; nothing outside scope', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w);
    const db = t.database.db;
    const sw = w.people.social_worker;
    // A child of the same municipality whose hub the social worker is not in.
    const other = await buildChild(db, {
      tenantId: w.tenant.id,
      name: 'Utanför',
      hub: [{ user: w.people.outsider, hubRole: 'social_worker' }],
    });

    await db.insert(childDeadlines).values([
      { tenantId: w.tenant.id, childId: w.child.id, kind: 'appeal', dueOn: day(10) },
      { tenantId: w.tenant.id, childId: w.child.id, kind: 'departure', dueOn: day(-2) },
      { tenantId: w.tenant.id, childId: w.child.id, kind: 'turns_18', dueOn: day(200) },
      { tenantId: w.tenant.id, childId: other.id, kind: 'appeal', dueOn: day(5) },
    ]);
    const soon = await schedule(w, { startsAt: localAt(2, 9), endsAt: localAt(2, 10), title: 'Navetmöte i veckan' });
    await schedule(w, { startsAt: localAt(20, 9), endsAt: localAt(20, 10), title: 'Navetmöte om tre veckor' });
    for (const [text, dueOn] of [
      ['Boka tolk', day(3)],
      ['Ringa skolan', day(30)],
    ])
      expect(
        (
          await w.clients.social_worker.post(`/api/meetings/${soon.id}/decisions`, {
            text,
            ownerUserId: sw.id,
            dueOn,
          })
        ).statusCode,
      ).toBe(201);
    await question(w, w.child.id, w.members.social_worker, 'Vet han vad avslaget betyder?', day(-1));
    const duePlan = await planFollowedUpBy(w, w.child.id, sw.id, day(5));
    await planFollowedUpBy(w, other.id, sw.id, day(5)); // held by the social worker, but the child is outside scope
    await db.insert(notifications).values([
      { tenantId: w.tenant.id, userId: sw.id, kind: 'decision.overdue', link: '/tasks', urgency: 'normal' },
      {
        tenantId: w.tenant.id,
        userId: sw.id,
        kind: 'event.recorded',
        childId: w.child.id,
        link: `/children/${w.child.id}`,
        urgency: 'immediate',
        createdAt: new Date(Date.now() - 3_600_000),
      },
      {
        tenantId: w.tenant.id,
        userId: sw.id,
        kind: 'meeting.changed',
        link: '/tasks',
        urgency: 'normal',
        readAt: new Date(),
      },
    ]);

    const d = await today(w.clients.social_worker);
    // The urgent notice comes first though it is older; a read normal one is left out.
    expect(d.notices.map((n) => [n.kind, n.urgency])).toEqual([
      ['event.recorded', 'immediate'],
      ['decision.overdue', 'normal'],
    ]);
    expect(d.unreadCount).toBe(2);
    expect(d.deadlines.map((x) => [x.deadlineKind, x.overdue, x.child?.displayName, x.link])).toEqual([
      ['departure', true, 'Amir', `/children/${w.child.id}`],
      ['appeal', false, 'Amir', `/children/${w.child.id}`],
    ]);
    expect(d.due.map((x) => [x.kind, x.text, x.overdue])).toEqual([
      ['question', 'Vet han vad avslaget betyder?', true],
      ['decision', 'Boka tolk', false],
    ]);
    expect(d.meetings.map((m) => [m.title, m.organiser, m.child?.displayName])).toEqual([
      ['Navetmöte i veckan', true, 'Amir'],
    ]);
    expect(d.plans).toEqual([
      {
        id: duePlan.id,
        kind: 'isip',
        followUpOn: day(5),
        overdue: false,
        child: { id: w.child.id, displayName: 'Amir' },
      },
    ]);
    expect(JSON.stringify(d)).not.toContain(other.id);

    // The god man holds none of it but the case deadlines and the invitation (not yet answered).
    const gm = await today(w.clients.god_man);
    expect(gm.deadlines.map((x) => x.deadlineKind)).toEqual(['departure', 'appeal']);
    expect(gm.meetings.map((m) => [m.title, m.myResponse, m.organiser])).toEqual([
      ['Navetmöte i veckan', 'pending', false],
    ]);
    expect([gm.due, gm.plans]).toEqual([[], []]);

    // Audited like the list of my children: one row per child named.
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, sw.id), eq(auditLog.action, 'today.read')));
    expect(rows.map((r) => r.childId)).toEqual([w.child.id]);

    // Leaving the hub takes the child's items away on the next request.
    const ended = await w.clients.social_worker.post(
      `/api/children/${w.child.id}/hub/members/${w.members.god_man}/end`,
      { confirm: true },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    const after = await today(w.clients.god_man);
    expect([after.deadlines, after.meetings]).toEqual([[], []]);
  });

  it('a manager sees the log reviews of their organisation to close, overdue first; other roles and organisations none', async () => {
    const w = await buildWorld(t.app, t.database.db, ['manager', 'social_worker']);
    const scheduled = await w.clients.manager.post('/api/audit/review-schedules', { everyMonths: 1 });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const id = scheduled.json<{ id: string }>().id;
    const mine = await today(w.clients.manager);
    expect(mine.reviews).toEqual([expect.objectContaining({ id, overdue: false, decided: 0 })]);
    await t.database.db
      .update(sampledReviews)
      .set({ dueOn: day(-2) })
      .where(eq(sampledReviews.id, id));
    expect((await today(w.clients.manager)).reviews).toEqual([expect.objectContaining({ id, overdue: true })]);
    expect((await today(w.clients.social_worker)).reviews).toEqual([]);
    const otherOrg = await buildOrganisation(t.database.db, w.tenant.id);
    const otherManager = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: otherOrg.id,
      role: 'manager',
    });
    expect((await today(await login(t.app, otherManager.email, TEST_PASSWORD))).reviews).toEqual([]);
  });

  it('runs the same handful of statements for one child or several', async () => {
    const w = await buildHubWorld(t);
    const sw = w.people.social_worker;
    const seed = async (childId: string, memberId: string) => {
      await t.database.db
        .insert(childDeadlines)
        .values({ tenantId: w.tenant.id, childId, kind: 'appeal', dueOn: day(4) });
      await question(w, childId, memberId, 'Hur mår du?', day(-1));
      await planFollowedUpBy(w, childId, sw.id, day(2));
    };
    await seed(w.child.id, w.members.social_worker);
    const one = await statementsOf(t.database.db, () => today(w.clients.social_worker));
    for (const name of ['Sara', 'Omid', 'Lina']) {
      const c = await buildChild(t.database.db, {
        tenantId: w.tenant.id,
        name,
        hub: [{ user: sw, hubRole: 'social_worker' }],
      });
      await seed(c.id, c.members[0]!.id);
    }
    const d = await today(w.clients.social_worker);
    expect(d.deadlines).toHaveLength(4);
    expect(d.due).toHaveLength(4);
    expect(d.plans).toHaveLength(4);
    const four = await statementsOf(t.database.db, () => today(w.clients.social_worker));
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThanOrEqual(15);
    expect(four).toBe(one);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { children, hubMembers } from '../children/tables.ts';
import { figuresUrl, followupWorld } from './test-fixtures.ts';

/** Each indicator on a hand-built municipality, with the value worked out by hand. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** Stockholm wall-clock time in March 2026 (CET, +01:00). */
const at = (day: number, hh: number, mm = 0) =>
  new Date(
    `2026-03-${String(day).padStart(2, '0')}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+01:00`,
  );

async function figure(
  w: Awaited<ReturnType<typeof followupWorld>>,
  indicator: string,
  from = '2026-03',
  to = '2026-03',
) {
  const client = await w.as(w.people.manager);
  const res = await client.get(figuresUrl('municipality', w.tenant.id, indicator, from, to));
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{
    figures: {
      points: {
        period: string;
        children: string;
        base: string;
        hits: string;
        value: number | null;
        p90: number | null;
      }[];
    }[];
  }>();
  return body.figures[0]!.points;
}

describe('indicators', () => {
  it('rejection → social worker acknowledged: median and p90 in working hours, only the social worker counts', async () => {
    const w = await followupWorld(t.app, t.database.db);
    // Monday 2 March 09:00; acknowledged after 1, 2, 3, 4 working hours and on Tuesday at 10:00 (8 + 2 = 10).
    const acks = [at(2, 10), at(2, 11), at(2, 12), at(2, 13), at(3, 10)];
    for (const [i, ack] of acks.entries()) {
      const c = await w.child();
      const e = await w.rejection(c.id, at(2, 9));
      await w.notice(w.people.social_worker.id, c.id, e.id, ack);
      // The contact person's quick acknowledgement is not the social worker's.
      if (i === 4) await w.notice(w.people.contact_person.id, c.id, e.id, at(2, 9, 30));
    }
    const [march, total] = await figure(w, 'rejection_acknowledged');
    expect(march).toMatchObject({ period: '2026-03', children: '5', base: '5', hits: '4', value: 3 });
    expect(march!.p90).toBeCloseTo(7.6, 3); // 4 + 0.6 × (10 − 4)
    expect(total!.period).toBe('total');
  });

  it('first hub meeting within 14 days of arrival; a cancelled meeting does not count', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 10; i++) {
      const c = await w.child({ arrivalDate: '2026-03-05' });
      if (i < 5) await w.meeting(c.id, at(10, 9), { kind: 'first_hub' });
      else {
        await w.meeting(c.id, at(12, 9), { kind: 'first_hub', status: 'cancelled' });
        await w.meeting(c.id, new Date('2026-04-01T09:00:00+02:00'), { kind: 'first_hub' });
      }
    }
    const [march] = await figure(w, 'first_hub_meeting');
    expect(march).toMatchObject({ children: '10', base: '10', hits: '5', value: 0.5 });
  });

  it('children with a rejection who have an active SIP or I-SIP', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 11; i++) {
      const c = await w.child();
      await w.rejection(c.id, at(4, 9));
      await w.rejection(c.id, at(6, 9)); // a second rejection of the same child counts once
      if (i < 6) await w.plan(c.id, i % 2 ? 'active' : 'follow_up');
      else if (i === 6) await w.plan(c.id, 'draft');
    }
    const [march] = await figure(w, 'rejection_with_plan');
    expect(march).toMatchObject({ children: '11', base: '11', hits: '6' });
    expect(march!.value).toBeCloseTo(6 / 11, 3);
  });

  it('decisions done by their due date; dropped ones are not counted', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const outcomes: [string, Date | null][] = [
      ...Array.from({ length: 5 }, (): [string, Date] => ['done', at(14, 12)]),
      ...Array.from({ length: 3 }, (): [string, Date] => ['done', at(20, 12)]),
      ['open', null],
      ['open', null],
      ['dropped', at(10, 12)],
    ];
    for (const [status, closedAt] of outcomes) await w.decision((await w.child()).id, '2026-03-15', status, closedAt);
    const [march] = await figure(w, 'decisions_on_time');
    expect(march).toMatchObject({ children: '10', base: '10', hits: '5', value: 0.5 });
  });

  it('children missing a core hub role at the end of the period', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 5; i++) await w.child();
    for (let i = 0; i < 5; i++) await w.child({ core: ['social_worker', 'contact_person'] });
    const [march] = await figure(w, 'missing_core_role');
    expect(march).toMatchObject({ children: '10', base: '10', hits: '5', value: 0.5 });
  });

  it("the child's participation in hub and SIP meetings held", async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 12; i++) {
      const c = await w.child();
      await w.meeting(c.id, at(9, 10), {
        kind: i % 3 ? 'hub' : 'sip',
        childParticipation: i < 6 ? (i % 2 ? 'whole' : 'some_items') : 'none',
      });
      await w.meeting(c.id, at(25, 10), { status: 'planned', childParticipation: 'whole' }); // not held
    }
    const [march] = await figure(w, 'child_participation');
    expect(march).toMatchObject({ children: '12', base: '12', hits: '6', value: 0.5 });
  });

  it('hubs whose organisations are named together in a consent for the hub valid at the end of the period', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const third = await buildOrganisation(t.database.db, w.tenant.id);
    const [org, other] = [w.org.id, w.other.id];
    const two = () => w.child({ orgs: { contact_person: other } });
    for (let i = 0; i < 4; i++) await w.consent((await two()).id, [org, other]);
    await w.consent((await two()).id, [org, other], { purposes: ['plan'] }); // not for the hub
    await w.consent((await two()).id, [org, third.id]); // names another organisation
    await w.consent((await two()).id, [org, other], {
      withdrawnOn: '2026-03-20',
      withdrawnAt: at(20, 10),
    }); // covered at February's end, not at March's
    await w.consent((await two()).id, [org, other], { validTo: '2026-03-31' }); // valid on March's last day
    await w.consent((await two()).id, [org, other], { validFrom: '2026-04-01' }); // not yet valid
    await two(); // no consent
    // Valid from March, but recorded in April: Navet could not share on it in March.
    await w.consent((await two()).id, [org, other], {
      validFrom: '2026-03-01',
      recordedAt: new Date('2026-04-02T10:00:00+02:00'),
    });
    await w.consent((await w.child()).id, [org]); // one organisation: nothing to cover, not counted
    // Three organisations: every two of them named together, in three consents; then one pair missing.
    const three = () => w.child({ orgs: { contact_person: other, god_man: third.id } });
    const covered = await three();
    for (const pair of [
      [org, other],
      [org, third.id],
      [other, third.id],
    ])
      await w.consent(covered.id, pair);
    const partly = await three();
    for (const pair of [
      [org, other],
      [org, third.id],
    ])
      await w.consent(partly.id, pair);
    const [february, march] = await figure(w, 'consent_covers_hub', '2026-02', '2026-03');
    expect(february).toMatchObject({ period: '2026-02', children: '13', base: '13', hits: '7' });
    expect(march).toMatchObject({ period: '2026-03', children: '13', base: '13', hits: '6' });
    expect(march!.value).toBeCloseTo(6 / 13, 3);
  });

  it('children with an open question for the child past its due date at the end of the period, once per child', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const done = (closedAt: Date) => ({ status: 'done', closedAt });
    for (let i = 0; i < 5; i++) {
      const c = await w.child();
      await w.question(c, '2026-03-20');
      if (i === 0) await w.question(c, '2026-03-10'); // a second overdue one: the child counts once
    }
    await w.question(await w.child(), '2026-03-20', done(at(25, 12))); // answered in March: no open question
    await w.question(await w.child(), '2026-03-20', done(new Date('2026-04-02T12:00:00+02:00'))); // still open then
    for (let i = 0; i < 5; i++) {
      const c = await w.child();
      await w.question(c, '2026-04-15');
      if (i === 0) await w.question(c, '2026-03-05', { status: 'dropped', closedAt: at(10, 12) });
    }
    await w.question(await w.child(), '2026-03-31'); // due on the last day: not yet past it
    // Raised in April: not open at March's end.
    await w.question(await w.child(), '2026-04-10', { createdAt: new Date('2026-04-03T10:00:00+02:00') });
    const [march] = await figure(w, 'child_questions_overdue');
    expect(march).toMatchObject({ period: '2026-03', children: '12', base: '12', hits: '6', value: 0.5 });
  });

  it('children with an open besked contradiction at the end of the period', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const april = (day: number) => new Date(`2026-04-0${day}T10:00:00+02:00`);
    for (let i = 0; i < 5; i++) await w.contradiction(await w.child(), at(10, 9), null);
    await w.contradiction(await w.child(), at(10, 9), at(20, 9)); // the hub agreed its line in March
    await w.contradiction(await w.child(), at(10, 9), april(5)); // agreed in April: open at March's end
    await w.contradiction(await w.child(), april(2), null); // marked in April
    for (let i = 0; i < 3; i++) await w.child();
    // A case closed in mid-March is not in March's end state, open contradiction or not.
    const closed = await w.child();
    await w.contradiction(closed, at(10, 9), null);
    await t.database.db
      .update(children)
      .set({ closedAt: at(15, 12) })
      .where(eq(children.id, closed.id));
    const [march] = await figure(w, 'besked_contradictions_open');
    expect(march).toMatchObject({ period: '2026-03', children: '11', base: '11', hits: '6' });
    expect(march!.value).toBeCloseTo(6 / 11, 3);
  });

  it('children with a topic of their matrix that nobody then in the hub was responsible for at the end of the period', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const db = t.database.db;
    type Child = Awaited<ReturnType<typeof w.child>>;
    const place = (c: Child, i: number, fields: { endedAt?: Date; startsOn?: string }) =>
      db.update(hubMembers).set(fields).where(eq(hubMembers.id, c.members[i]!.id));
    // The municipality's own topics: one archived on 10 March (in February's matrix, not in March's), one added
    // on 5 March, and one archived in January that is in neither.
    const licence = await w.ownTopic(new Date('2026-01-15T10:00:00+01:00'), at(10, 12));
    const work = await w.ownTopic(at(5, 12));
    await w.ownTopic(new Date('2025-11-03T10:00:00+01:00'), new Date('2026-01-20T10:00:00+01:00'));
    const own = [licence, work];
    // Another municipality's own topic is in none of these matrices.
    await (await followupWorld(t.app, db)).ownTopic(new Date('2026-01-15T10:00:00+01:00'));
    for (let i = 0; i < 5; i++) await w.topics(await w.child(), { own }); // every topic held, throughout
    for (let i = 0; i < 4; i++) await w.child(); // nothing assigned
    await w.topics(await w.child(), { own: [work] }); // the archived topic was never held: February only
    await w.topics(await w.child(), { own: [licence] }); // the topic added in March is not held: March only
    // Held by the contact person, whose place ends on 15 March; the fallback, still in the hub, covers nothing.
    const leaves = await w.child();
    await w.topics(leaves, { own, responsible: leaves.members[2]!.id, fallback: leaves.members[0]!.id });
    await place(leaves, 2, { endedAt: at(15, 12) });
    // A place that ends at the first instant of April is open all of March.
    const stays = await w.child();
    await w.topics(stays, { own, responsible: stays.members[2]!.id });
    await place(stays, 2, { endedAt: new Date('2026-04-01T00:00:00+02:00') });
    // Held by a member who joined the hub on 10 March (February only), and on 1 April (both months).
    for (const startsOn of ['2026-03-10', '2026-04-01']) {
      const c = await w.child();
      await w.topics(c, { own, responsible: c.members[2]!.id });
      await place(c, 2, { startsOn });
    }
    await w.topics(await w.child(), { own, cleared: ['health'] }); // one topic's responsible cleared
    // Nothing assigned, but the case closed in mid-March: in February's end state, not in March's.
    const closed = await w.child();
    await db
      .update(children)
      .set({ closedAt: at(15, 12) })
      .where(eq(children.id, closed.id));
    const [february, march] = await figure(w, 'topics_without_responsible', '2026-02', '2026-03');
    expect(february).toMatchObject({ period: '2026-02', children: '17', base: '17', hits: '9' });
    expect(february!.value).toBeCloseTo(9 / 17, 3);
    expect(march).toMatchObject({ period: '2026-03', children: '16', base: '16', hits: '8', value: 0.5 });
  });

  it('children with a topic nobody is responsible for: fewer than five of them, or of all, are not shown', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 6; i++) await w.topics(await w.child());
    for (let i = 0; i < 3; i++) await w.child();
    const [march] = await figure(w, 'topics_without_responsible');
    expect(march).toMatchObject({ period: '2026-03', children: '9', base: '9', hits: '<5', value: null });

    const few = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 4; i++) await few.child();
    const [small] = await figure(few, 'topics_without_responsible');
    expect(small).toMatchObject({ period: '2026-03', children: '<5', base: '<5', hits: '<5', value: null });
  });

  it("plan follow-ups held by the day the version's adoption set; replaced or ended before it, not counted", async () => {
    const w = await followupWorld(t.app, t.database.db);
    type Args = Parameters<typeof w.adoptedPlan>;
    const plan = async (versions: Args[1], followUps: Args[2] = [], endedOn: Args[3] = null) =>
      w.adoptedPlan((await w.child()).id, versions, followUps, endedOn);
    const v1 = { adoptedOn: '2026-01-10', followUpOn: '2026-03-10' };
    // Held on the day (recorded the day after), and one held early: on time.
    for (let i = 0; i < 5; i++) await plan([v1], [{ version: 1, heldOn: '2026-03-10', recordedOn: '2026-03-11' }]);
    await plan([v1], [{ version: 1, heldOn: '2026-03-09' }]);
    // Held late, twice, and never held: not on time.
    await plan([v1], [{ version: 1, heldOn: '2026-03-12' }]);
    await plan([v1], [{ version: 1, heldOn: '2026-03-11' }]);
    await plan([v1]);
    // Ended or replaced by a new version before the day: it never fell due. After the day, it was missed.
    await plan([v1], [], '2026-02-20');
    await plan([v1, { adoptedOn: '2026-03-05', followUpOn: '2026-06-10' }]);
    await plan([v1, { adoptedOn: '2026-03-15', followUpOn: '2026-06-15' }]);
    await plan([v1], [], '2026-03-20');
    // Due in February and held then; its second follow-up in March had a day Navet no longer knows.
    await plan(
      [{ adoptedOn: '2026-01-10', followUpOn: '2026-02-10' }],
      [
        { version: 1, heldOn: '2026-02-10' },
        { version: 1, heldOn: '2026-03-20' },
      ],
    );
    const [february, march] = await figure(w, 'plan_follow_up_on_time', '2026-02', '2026-03');
    expect(february).toMatchObject({ period: '2026-02', children: '<5' });
    expect(march).toMatchObject({ period: '2026-03', children: '11', base: '11', hits: '6' });
    expect(march!.value).toBeCloseTo(6 / 11, 3);
  });
});

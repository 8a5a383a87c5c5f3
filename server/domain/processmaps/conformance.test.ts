import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { addDays } from '../children/dates.ts';
import { children } from '../children/tables.ts';
import { addMonths } from '../events/deadlines.ts';
import { childEvents } from '../events/tables.ts';
import { meetings } from '../meetings/tables.ts';
import { plans, planVersions } from '../plans/tables.ts';
import { buildChild, buildUser, type TestUser } from '../../test/factories.ts';
import { anonymous, startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { buildCollabWorld, paths, twoMunicipalities, type CollabWorld } from '../collaboration/test-world.ts';

/*
 * The overlay computed on hand-built children with known answers. Dates are fixed where the answer depends
 * on weekdays (placement on Monday 5 January 2026) and relative to today where it depends on "now".
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const PLACED = '2026-01-05';
/** Days from placement to the first hub meeting of the twelve timed children. */
const TOOK = [1, 2, 3, 4, 5, 6, 7, 15, 16, 17, 18, 19];

type Figures = {
  elementId: string;
  reached: string;
  onTime: string | null;
  late: string | null;
  medianDays: number | null;
  p90Days: number | null;
  overdue: string | null;
  status: string;
};

async function world() {
  const w = await buildCollabWorld(t);
  const { id } = await twoMunicipalities(w);
  const c = w.a.clients.coordinator;
  const map = (
    await c.post(`/api/collaborations/${id}/process-maps`, {
      title: 'Asylprocessen',
      level: 'operational',
      start: 'starter',
    })
  ).json<{ id: string }>();
  const url = `/api/collaborations/${id}/process-maps/${map.id}`;
  const adopted = await c.post(`${url}/versions/1/adopt`, {
    body: 'forum',
    decidedBy: 'Samverkansforum',
    decidedOn: '2026-11-20',
    text: 'Forumet antar kartan.',
  });
  expect(adopted.statusCode).toBe(200);
  return { w, id, c, url };
}

/** A child of `side`'s municipality, in the hub of `member`, placed on `placed` (null: not placed). */
async function child(w: CollabWorld, side: 'a' | 'b', member: TestUser, placed: string | null, open = true) {
  const db = t.database.db;
  const kid = await buildChild(db, {
    tenantId: w[side].tenant.id,
    name: `Barn ${Math.random().toString(36).slice(2, 8)}`,
    hub: [{ user: member, hubRole: 'social_worker' }],
    ...(open ? {} : { caseStatus: 'closed' as const }),
  });
  if (placed)
    await db
      .update(children)
      .set({ arrivalDate: placed, placementOrganisationId: w[side].orgs.social, placementKind: 'hvb' })
      .where(eq(children.id, kid.id));
  return kid;
}

async function meeting(w: CollabWorld, side: 'a' | 'b', childId: string, on: string, status = 'closed') {
  await t.database.db.insert(meetings).values({
    tenantId: w[side].tenant.id,
    kind: 'first_hub',
    childId,
    title: 'Första nätverksmötet',
    startsAt: new Date(`${on}T09:00:00Z`),
    endsAt: new Date(`${on}T10:00:00Z`),
    organiserId: w[side].users.coordinator.id,
    status,
    childWishes: { attendees: null, raise: null, avoid: null },
  });
}

async function rejection(w: CollabWorld, childId: string, on: string) {
  await t.database.db.insert(childEvents).values({
    tenantId: w.a.tenant.id,
    childId,
    type: 'asylum_rejected',
    occurredOn: on,
    source: 'migrationsverket',
    ownerOrganisationId: w.a.orgs.social,
    category: 'asylum_case',
  });
}

/** A date of birth for turning 18 on `on`, and the birthday Navet counts from it (29 February would give 28). */
function turning18(on: string) {
  const dob = addMonths(on, -18 * 12);
  return { dob, birthday: addMonths(dob, 18 * 12) };
}

/** A child of A's municipality in `member`'s hub, born on `dob` (null: not known). */
async function born(w: CollabWorld, member: TestUser, dob: string | null, open = true) {
  return buildChild(t.database.db, {
    tenantId: w.a.tenant.id,
    name: `Barn ${Math.random().toString(36).slice(2, 8)}`,
    hub: [{ user: member, hubRole: 'social_worker' }],
    dateOfBirth: dob,
    ...(open ? {} : { caseStatus: 'closed' as const }),
  });
}

/** A SIP or I-SIP of one of A's children, its first version adopted on `on` (Swedish time). */
async function adoptedPlan(w: CollabWorld, childId: string, kind: 'sip' | 'isip', on: string) {
  const db = t.database.db;
  const by = w.a.users.coordinator.id;
  const [plan] = await db
    .insert(plans)
    .values({ tenantId: w.a.tenant.id, childId, kind, status: 'active', initiatorId: by, adoptedVersion: 1 })
    .returning();
  await db.insert(planVersions).values({
    planId: plan!.id,
    number: 1,
    tenantId: w.a.tenant.id,
    childId,
    content: { needs: [], notes: [], measures: [] } as never,
    adoptedAt: new Date(`${on}T10:00:00Z`),
    adoptedBy: by,
    childApproved: true,
    followUpOn: addDays(on, 90),
    followUpUserId: by,
  });
}

/** A BPMN file imported as a new map of the collaboration: its first version's links. */
async function reimported(c: Client, collaborationId: string, xml: string) {
  const imported = await c.post(`/api/collaborations/${collaborationId}/process-maps`, {
    title: 'Återimporterad',
    level: 'operational',
    start: 'import',
    xml,
  });
  expect(imported.statusCode, imported.body).toBe(201);
  const map = imported.json<{ id: string }>().id;
  return (await c.get(`/api/collaborations/${collaborationId}/process-maps/${map}/versions/1`)).json<{
    links: unknown[];
  }>();
}

describe('the map held against reality', () => {
  it('links: bad input at the field, roles, and the links travel through save, export and import', async () => {
    const { w, id, c, url } = await world();
    const link = (body: object) => c.put(`${url}/versions/1/links`, body);
    const placement = { elementId: 'Task_Placement', kind: 'child', ref: 'placement' };
    expect(paths((await link({ ...placement, kind: 'event', ref: 'asylum_lost' })).json())).toEqual(['body.ref']);
    const negative = { elementId: 'Task_FirstHub', kind: 'meeting', ref: 'first_hub' };
    expect(paths((await link({ ...negative, fromElementId: 'Task_Placement', expectedDays: -1 })).json())).toEqual([
      'body.expectedDays',
    ]);
    expect(paths((await link({ ...negative, fromElementId: 'Task_Placement' })).json())).toEqual(['body.expectedDays']);
    // "Before" needs an element and a time; without one of them that one's own field says so. Negative stays one.
    const plan = { elementId: 'Task_Health', kind: 'plan', ref: 'sip_adopted' };
    expect(paths((await link({ ...plan, before: true })).json())).toEqual(['body.before']);
    expect(paths((await link({ ...plan, before: true, fromElementId: 'End_Eighteen' })).json())).toEqual([
      'body.expectedDays',
    ]);
    expect(paths((await link({ ...plan, before: true, expectedDays: 90 })).json())).toEqual(['body.fromElementId']);
    const ahead = { ...plan, before: true, fromElementId: 'End_Eighteen' };
    expect(paths((await link({ ...ahead, expectedDays: -90 })).json())).toEqual(['body.expectedDays']);
    expect(paths((await link({ ...ahead, expectedDays: 90, before: 'yes' })).json())).toEqual(['body.before']);
    // From an element not yet linked, a gateway, an element the version does not have: 400 at the field.
    const early = await link({ ...negative, fromElementId: 'Task_Placement', expectedDays: 14 });
    expect([early.statusCode, paths(early.json())]).toEqual([400, ['body.fromElementId']]);
    expect(paths((await link({ ...placement, elementId: 'Gateway_Decision' })).json())).toEqual(['body.elementId']);
    expect(paths((await link({ ...placement, elementId: 'Task_Nowhere' })).json())).toEqual(['body.elementId']);
    expect((await c.put(`${url}/versions/9/links`, placement)).statusCode).toBe(404);

    expect((await anonymous(t.app).put(`${url}/versions/1/links`, placement)).statusCode).toBe(401);
    expect((await w.b.clients.mentor.put(`${url}/versions/1/links`, placement)).statusCode).toBe(403);
    const other = await buildCollabWorld(t);
    expect((await other.a.clients.coordinator.put(`${url}/versions/1/links`, placement)).statusCode).toBe(404);
    expect((await other.a.clients.coordinator.get(`${url}/conformance`)).statusCode).toBe(404);

    expect((await link(placement)).statusCode).toBe(200);
    const both = await link({ ...negative, fromElementId: 'Task_Placement', expectedDays: 14, workingDays: true });
    expect(both.json()).toEqual({
      links: [
        {
          elementId: 'Task_FirstHub',
          kind: 'meeting',
          ref: 'first_hub',
          fromElementId: 'Task_Placement',
          expectedDays: 14,
          workingDays: true,
          before: false,
        },
        {
          elementId: 'Task_Placement',
          kind: 'child',
          ref: 'placement',
          fromElementId: null,
          expectedDays: null,
          workingDays: false,
          before: false,
        },
      ],
    });
    const v1 = (await c.get(`${url}/versions/1`)).json<{ xml: string; links: unknown[] }>();
    expect(v1.links).toEqual(both.json<{ links: unknown[] }>().links);

    // Export writes them in Navet's namespace; importing the file brings them back.
    const file = (await c.get(`${url}/versions/1/bpmn`)).body;
    expect(file).toContain('navet:link="meeting:first_hub"');
    expect(file).toContain('navet:expectedFrom="Task_Placement"');
    const back = await reimported(c, id, file);
    expect(back.links).toEqual(v1.links);

    // A save keeps the links of the elements it keeps; removing the anchor drops the time that ran from it.
    const saved = await c.post(`${url}/versions`, {
      baseNumber: 1,
      xml: v1.xml.replace(/<bpmn:task id="Task_Placement"[^]*?<\/bpmn:task>/, ''),
    });
    expect(saved.statusCode).toBe(201);
    const v2 = (await c.get(`${url}/versions/2`)).json<{
      links: { elementId: string; fromElementId: string | null }[];
    }>();
    expect(v2.links).toEqual([
      expect.objectContaining({ elementId: 'Task_FirstHub', fromElementId: null, expectedDays: null }),
    ]);

    expect((await c.delete(`${url}/versions/1/links/Task_Placement`)).json()).toEqual({
      links: [expect.objectContaining({ elementId: 'Task_FirstHub', fromElementId: null, expectedDays: null })],
    });
    expect((await c.delete(`${url}/versions/1/links/Task_Placement`)).statusCode).toBe(404);
    expect((await w.a.clients.mentor.delete(`${url}/versions/1/links/Task_FirstHub`)).statusCode).toBe(403);
  });

  it('the overlay on hand-built children: reached, on time, median, p90, overdue now, and "<5"', async () => {
    const { w, id, c, url } = await world();
    const db = t.database.db;
    const swA = await buildUser(db, {
      tenantId: w.a.tenant.id,
      organisationId: w.a.orgs.social,
      role: 'social_worker',
    });
    const swB = await buildUser(db, {
      tenantId: w.b.tenant.id,
      organisationId: w.b.orgs.social,
      role: 'social_worker',
    });
    const today = todayInSweden();
    // Twelve timed children, ten in A and two in B (B is a municipality of the collaboration too).
    const timed = [];
    for (const [i, d] of TOOK.entries()) {
      const side = i < 10 ? 'a' : 'b';
      const kid = await child(w, side, side === 'a' ? swA : swB, PLACED);
      await meeting(w, side, kid.id, addDays(PLACED, d));
      timed.push({ id: kid.id, took: d, side });
    }
    // Six placed 20 days ago and still waiting: overdue. One has only a cancelled meeting, one a planned one.
    const waiting = [];
    for (let i = 0; i < 6; i++) waiting.push(await child(w, 'a', swA, addDays(today, -20)));
    await meeting(w, 'a', waiting[0]!.id, addDays(today, -17), 'cancelled');
    await meeting(w, 'a', waiting[1]!.id, addDays(today, 3), 'planned');
    // Not overdue: placed five days ago; a closed case; not placed at all.
    await child(w, 'a', swA, addDays(today, -5));
    await child(w, 'a', swA, addDays(today, -30), false);
    await child(w, 'a', swA, null);
    // Outside the collaboration: never counted.
    const other = await buildCollabWorld(t);
    const outsider = await child(other, 'a', other.a.users.manager, PLACED);
    await meeting(other, 'a', outsider.id, addDays(PLACED, 2));
    // Three rejections, 10, 20 and 40 days after placement: too few to show.
    for (const [i, d] of [10, 20, 40].entries()) await rejection(w, timed[i]!.id, addDays(PLACED, d));

    const link = (body: object) => c.put(`${url}/versions/1/links`, body);
    const from = { fromElementId: 'Task_Placement' };
    await link({ elementId: 'Task_Placement', kind: 'child', ref: 'placement' });
    await link({ elementId: 'Task_FirstHub', kind: 'meeting', ref: 'first_hub', ...from, expectedDays: 14 });
    await link({
      elementId: 'Task_MoveIn',
      kind: 'meeting',
      ref: 'first_hub',
      ...from,
      expectedDays: 10,
      workingDays: true,
    });
    await link({ elementId: 'Task_Rejection', kind: 'event', ref: 'asylum_rejected', ...from, expectedDays: 30 });

    const res = await w.b.clients.mentor.get(`${url}/conformance`);
    expect(res.statusCode).toBe(200);
    const o = res.json<{ adoptedNumber: number; canOpenChildren: boolean; elements: Figures[] }>();
    expect(o).toMatchObject({ adoptedNumber: 1, canOpenChildren: false });
    expect((await w.a.clients.manager.get(`${url}/conformance`)).json()).toMatchObject({ canOpenChildren: true });
    const fig = (e: string) => o.elements.find((x) => x.elementId === e);
    expect(fig('Task_Placement')).toMatchObject({ reached: '20', onTime: null, overdue: null, medianDays: null });
    // Calendar days [1 … 7, 15 … 19] against 14: 7 on time, 5 late; median 6.5, p90 17.9; six overdue.
    expect(fig('Task_FirstHub')).toMatchObject({
      reached: '12',
      onTime: '7',
      late: '5',
      medianDays: 6.5,
      p90Days: 17.9,
      overdue: '6',
      status: 'poor',
    });
    // The same meetings in weekdays from Monday 5 January: [1,2,3,4,4,4,5,11,12,13,14,14] against 10.
    expect(fig('Task_MoveIn')).toMatchObject({ onTime: '7', late: '5', medianDays: 4.5, p90Days: 13.9 });
    // Three children: every figure "<5", no median, no colour.
    expect(fig('Task_Rejection')).toMatchObject({
      reached: '<5',
      onTime: '<5',
      late: '<5',
      medianDays: null,
      p90Days: null,
      status: 'unknown',
    });
    expect(JSON.stringify(o)).not.toMatch(/Barn |[0-9a-f]{8}-[0-9a-f]{4}-/);

    // Behind a figure: only the reader's own children (A's manager manages A's social services in their hubs).
    const behind = (q: string) => `${url}/conformance/children?${q}`;
    const late = await w.a.clients.manager.get(behind('elementId=Task_FirstHub&figure=late'));
    expect(late.statusCode).toBe(200);
    const lateIds = timed.filter((x) => x.took > 14 && x.side === 'a').map((x) => x.id);
    expect(
      late
        .json<{ items: { id: string }[] }>()
        .items.map((x) => x.id)
        .sort(),
    ).toEqual(lateIds.sort());
    const overdue = await w.a.clients.manager.get(behind('elementId=Task_FirstHub&figure=overdue'));
    expect(
      overdue
        .json<{ items: { id: string }[] }>()
        .items.map((x) => x.id)
        .sort(),
    ).toEqual(waiting.map((x) => x.id).sort());
    // Nobody else: a coordinator and a school mentor without children, another municipality, no session.
    for (const client of [c, w.b.clients.mentor, other.a.clients.manager])
      expect((await client.get(behind('elementId=Task_FirstHub&figure=late'))).statusCode).toBe(404);
    expect((await anonymous(t.app).get(behind('elementId=Task_FirstHub&figure=late'))).statusCode).toBe(401);
    expect((await w.a.clients.volunteer.get(behind('elementId=Task_FirstHub&figure=late'))).statusCode).toBe(403);
    expect((await w.a.clients.manager.get(behind('elementId=Task_Nowhere&figure=late'))).statusCode).toBe(404);
    expect(paths((await w.a.clients.manager.get(behind('elementId=Task_FirstHub&figure=all'))).json())).toEqual([
      'query.figure',
    ]);
    const logged = await w.a.clients.manager.get(`/api/audit/children/${lateIds[0]}`);
    expect(JSON.stringify(logged.json())).toContain('process_map.children_read');
    void id;
  });

  it('a time before a later milestone: the SIP at least 90 days before the 18th birthday, birthdays ahead too', async () => {
    const { w, c, id, url } = await world();
    const sw = await buildUser(t.database.db, {
      tenantId: w.a.tenant.id,
      organisationId: w.a.orgs.social,
      role: 'social_worker',
    });
    const today = todayInSweden();
    // Ten who turned 18 on Monday 2 June 2025, the SIP adopted this many days before (−10: after the birthday).
    const TOOK_BEFORE = [200, 150, 120, 100, 90, 89, 60, 30, 0, -10];
    const timed = [];
    for (const d of TOOK_BEFORE) {
      const { dob, birthday } = turning18('2025-06-02');
      const kid = await born(w, sw, dob);
      await adoptedPlan(w, kid.id, 'sip', addDays(birthday, -d));
      timed.push({ id: kid.id, took: d });
    }
    // Turning 18 in 100 days, the SIP adopted five days ago: 105 days before a birthday still ahead, on time.
    const early = turning18(addDays(today, 100));
    const earlyKid = await born(w, sw, early.dob);
    await adoptedPlan(w, earlyKid.id, 'sip', addDays(early.birthday, -105));
    // No SIP, the case open: overdue once the birthday is less than 90 days off, or past.
    const overdue = [];
    for (const d of [30, 60, 80, -10, -40]) overdue.push(await born(w, sw, turning18(addDays(today, d)).dob));
    // Not overdue: the birthday 120 and 200 days off; a closed case turning 18 today; no date of birth.
    const notYet = [];
    for (const d of [120, 200]) notYet.push(await born(w, sw, turning18(addDays(today, d)).dob));
    const closedToday = await born(w, sw, turning18(today).dob, false);
    const unknown = await born(w, sw, null);
    // Two closed cases with an I-SIP before Friday 14 March 2025: from Friday 28 February ten weekdays, from
    // Monday 3 March nine (eleven calendar days).
    const isipOnTime = await born(w, sw, turning18('2025-03-14').dob, false);
    await adoptedPlan(w, isipOnTime.id, 'isip', '2025-02-28');
    const isipLate = await born(w, sw, turning18('2025-03-14').dob, false);
    await adoptedPlan(w, isipLate.id, 'isip', '2025-03-03');

    const link = (body: object) => c.put(`${url}/versions/1/links`, body);
    const ahead = { fromElementId: 'End_Eighteen', before: true };
    expect((await link({ elementId: 'End_Eighteen', kind: 'child', ref: 'turns_18' })).statusCode).toBe(200);
    // The starter map has no plan step: two of its tasks stand in for the SIP and the I-SIP.
    const sip = await link({ elementId: 'Task_Health', kind: 'plan', ref: 'sip_adopted', ...ahead, expectedDays: 90 });
    expect(sip.json<{ links: unknown[] }>().links).toContainEqual({
      elementId: 'Task_Health',
      kind: 'plan',
      ref: 'sip_adopted',
      fromElementId: 'End_Eighteen',
      expectedDays: 90,
      workingDays: false,
      before: true,
    });
    await link({
      elementId: 'Task_School',
      kind: 'plan',
      ref: 'isip_adopted',
      ...ahead,
      expectedDays: 10,
      workingDays: true,
    });

    const o = (await c.get(`${url}/conformance`)).json<{ elements: (Figures & { before: boolean })[] }>();
    const fig = (e: string) => o.elements.find((x) => x.elementId === e);
    // Reached on the day and not before: the ten, two past birthdays, the closed case today, the two I-SIPs.
    expect(fig('End_Eighteen')).toMatchObject({ reached: '15', onTime: null, overdue: null, before: false });
    // Took [200, 150, 120, 105, 100, 90 | 89, 60, 30, 0, −10] against at least 90: six on time, five late (one
    // after the birthday); median 90, p90 150; five overdue, three of them with the birthday still ahead.
    expect(fig('Task_Health')).toMatchObject({
      before: true,
      expectedDays: 90,
      reached: '11',
      onTime: '6',
      late: '5',
      medianDays: 90,
      p90Days: 150,
      overdue: '5',
      status: 'poor',
    });
    // Two children: every figure "<5", no median, no colour.
    expect(fig('Task_School')).toMatchObject({
      before: true,
      reached: '<5',
      onTime: '<5',
      late: '<5',
      medianDays: null,
      p90Days: null,
      status: 'unknown',
    });

    // The children behind each figure are those the figure counted.
    const behind = async (elementId: string, figure: string) =>
      (await w.a.clients.manager.get(`${url}/conformance/children?elementId=${elementId}&figure=${figure}`))
        .json<{ items: { id: string }[] }>()
        .items.map((x) => x.id)
        .sort();
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
    expect(await behind('Task_Health', 'overdue')).toEqual(ids(overdue));
    expect(await behind('Task_Health', 'late')).toEqual(ids(timed.filter((x) => x.took < 90)));
    expect(await behind('Task_Health', 'on_time')).toEqual(ids([...timed.filter((x) => x.took >= 90), earlyKid]));
    const reached18 = await behind('End_Eighteen', 'reached');
    expect(reached18).toEqual(ids([...timed, overdue[3]!, overdue[4]!, closedToday, isipOnTime, isipLate]));
    for (const k of [earlyKid, ...notYet, unknown]) expect(reached18).not.toContain(k.id);
    expect(await behind('Task_School', 'on_time')).toEqual([isipOnTime.id]);
    expect(await behind('Task_School', 'late')).toEqual([isipLate.id]);

    // Export and import carry the direction; removing the birthday's link makes the plan a plain link again.
    const file = (await c.get(`${url}/versions/1/bpmn`)).body;
    expect(file).toMatch(/id="Task_Health"[^>]*navet:before="true"/);
    const back = await reimported(c, id, file);
    expect(back.links).toEqual((await c.get(`${url}/versions/1`)).json<{ links: unknown[] }>().links);
    expect((await c.delete(`${url}/versions/1/links/End_Eighteen`)).json<{ links: unknown[] }>().links).toContainEqual(
      expect.objectContaining({ elementId: 'Task_Health', fromElementId: null, expectedDays: null, before: false }),
    );
  });
}, 120_000);

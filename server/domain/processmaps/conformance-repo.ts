import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Figure, Link } from '../../../common/schemas/processmaps-conformance.ts';
import type { Db } from '../../db/connect.ts';
import { rowsOf } from '../../notify/recipients.ts';
import { children } from '../children/tables.ts';
import { childEvents } from '../events/tables.ts';
import { checklistOutcomes } from '../hub/tables.ts';
import { meetings } from '../meetings/tables.ts';
import { planFollowUps, plans, planVersions } from '../plans/tables.ts';
import { processMapLinks, processMapVersions } from './tables.ts';

/*
 * The links of a map version, and the conformance overlay: per linked element,
 * over the children of the collaboration's municipalities, when each child
 * reached it and how long it took from the element its expected time runs from.
 * Counts are exact here; masking below five is the presenter's (conformance-mask.ts).
 */

const linkColumns = {
  elementId: processMapLinks.elementId,
  kind: processMapLinks.kind,
  ref: processMapLinks.ref,
  fromElementId: processMapLinks.fromElementId,
  expectedDays: processMapLinks.expectedDays,
  workingDays: processMapLinks.workingDays,
  before: processMapLinks.before,
};

export async function linksOf(tx: Db, versionId: string): Promise<Link[]> {
  return tx
    .select(linkColumns)
    .from(processMapLinks)
    .where(eq(processMapLinks.versionId, versionId))
    .orderBy(asc(processMapLinks.elementId));
}

export async function upsertLink(tx: Db, versionId: string, link: Link, userId: string) {
  await tx
    .insert(processMapLinks)
    .values({ versionId, ...link, linkedBy: userId })
    .onConflictDoUpdate({
      target: [processMapLinks.versionId, processMapLinks.elementId],
      set: { ...link, linkedBy: userId, linkedAt: sql`now()` },
    });
}

/** Removes a link and every expected time that ran from it; false when there was none. */
export async function deleteLink(tx: Db, versionId: string, elementId: string): Promise<boolean> {
  const gone = await tx
    .delete(processMapLinks)
    .where(and(eq(processMapLinks.versionId, versionId), eq(processMapLinks.elementId, elementId)))
    .returning({ elementId: processMapLinks.elementId });
  if (gone.length === 0) return false;
  await tx
    .update(processMapLinks)
    .set({ fromElementId: null, expectedDays: null, before: false })
    .where(and(eq(processMapLinks.versionId, versionId), eq(processMapLinks.fromElementId, elementId)));
  return true;
}

export async function insertLinks(tx: Db, versionId: string, links: Link[], userId: string) {
  if (links.length === 0) return;
  await tx.insert(processMapLinks).values(links.map((l) => ({ versionId, ...l, linkedBy: userId })));
}

/** The map's adopted version (the latest adopted, if several were), or undefined. */
export async function adoptedVersion(tx: Db, mapId: string) {
  const [row] = await tx
    .select({ id: processMapVersions.id, number: processMapVersions.number })
    .from(processMapVersions)
    .where(and(eq(processMapVersions.mapId, mapId), isNotNull(processMapVersions.adoptedOn)))
    .orderBy(desc(processMapVersions.number))
    .limit(1);
  return row;
}

const local = (ts: SQL) => sql`(${ts} at time zone 'Europe/Stockholm')::date`;

/**
 * The date of what a link names for a child (in Swedish time), or null. `k` is the child, `l` the link. Only the
 * 18th birthday can lie ahead: it is reached on the day, and before that it is only the anchor of a time before it.
 */
const datedOn = sql`case l.kind
  when 'child' then case l.ref
    when 'arrival' then k.arrival_date
    -- The child record holds the first placement with the arrival; a later one is an event.
    when 'placement' then least(case when k.placement_organisation_id is not null then k.arrival_date end,
      (select min(${childEvents.occurredOn}) from ${childEvents}
        where ${childEvents.childId} = k.id and ${childEvents.type} = 'placement_changed'))
    -- The day the child turns 18 (29 February gives 28 February, as the deadline sweep counts).
    when 'turns_18' then (k.date_of_birth + interval '18 years')::date
    end
  when 'event' then (select min(${childEvents.occurredOn}) from ${childEvents}
    where ${childEvents.childId} = k.id and ${childEvents.type} = l.ref)
  when 'meeting' then (select min(${local(sql`${meetings.startsAt}`)}) from ${meetings}
    where ${meetings.childId} = k.id and ${meetings.kind} = l.ref
      and ${meetings.status} <> 'cancelled' and ${meetings.startsAt} <= now())
  when 'plan' then case l.ref
    when 'follow_up_held' then (select min(${planFollowUps.heldOn}) from ${planFollowUps}
      join ${plans} on ${plans.id} = ${planFollowUps.planId} where ${plans.childId} = k.id)
    else (select min(${local(sql`${planVersions.adoptedAt}`)}) from ${planVersions}
      join ${plans} on ${plans.id} = ${planVersions.planId}
      where ${planVersions.childId} = k.id and ${plans.kind} = split_part(l.ref, '_', 1))
    end
  when 'checklist' then (select ${local(sql`${checklistOutcomes.recordedAt}`)} from ${checklistOutcomes}
    where ${checklistOutcomes.childId} = k.id and ${checklistOutcomes.item} = l.ref and ${checklistOutcomes.done})
  end`;

/** Days from a to b, or weekdays in (a, b] when `working` (negative when b is before a). */
const span = (a: SQL | string, b: SQL | string, working: string) => {
  const raw = (v: SQL | string) => (typeof v === 'string' ? sql.raw(v) : v);
  const [from, to] = [raw(a), raw(b)];
  return sql`case when ${sql.raw(working)} then
      (select count(*)::int from generate_series(least(${from}, ${to})::timestamp + interval '1 day',
        greatest(${from}, ${to})::timestamp, interval '1 day') g where extract(isodow from g) < 6)
      * sign(${to} - ${from})::int
    else ${to} - ${from} end`;
};

/**
 * One row per linked element and child of the collaboration's municipalities: when the child reached it (`at`),
 * the anchor's date (`from_at`), the days between them (`took`), and whether that was on time (`on_time`, null
 * when untimed) or, for an open case not there yet, is overdue now (`overdue`). Both the overlay's counts and the
 * children behind a figure read these, so a list always agrees with its figure.
 *
 * After (the default): took runs from the anchor to the element; on time within `days`; overdue when more than
 * `days` have passed since the anchor. Before: took runs from the element to the anchor (positive when earlier);
 * on time when at least `days` before it; overdue once today is past the anchor's date less `days`, by the
 * anchor's date even when it is still ahead (an 18th birthday).
 */
function facts(versionId: string, tenantIds: string[], today: string): SQL {
  const day = sql`${today}::date`;
  return sql`
    with l as (select * from ${processMapLinks} where ${processMapLinks.versionId} = ${versionId}),
    k as (select * from ${children} where ${inArray(children.tenantId, tenantIds)}),
    t0 as (select l.element_id, k.id as child_id, k.case_status, ${datedOn} as dated from l cross join k),
    -- Nothing ahead of today is reached (of what Navet records, only an 18th birthday can be).
    t as (select t0.*, case when dated <= ${day} then dated end as at from t0),
    d as (
      select l.element_id, t.child_id, t.case_status, t.at,
        case when l.before then a.dated else a.at end as from_at,
        l.expected_days as days, l.working_days as working, l.before as ahead
      from l join t on t.element_id = l.element_id
      left join t a on a.element_id = l.from_element_id and a.child_id = t.child_id
        and l.expected_days is not null
    ),
    s as (
      select d.*,
        case when at is not null and from_at is not null then
          case when ahead then ${span('at', 'from_at', 'working')} else ${span('from_at', 'at', 'working')} end
        end as took,
        case when at is null and from_at is not null and case_status = 'active' then
          case when ahead then ${span(day, 'from_at', 'working')} else ${span('from_at', day, 'working')} end
        end as waiting
      from d
    )
    select element_id, child_id, at, from_at, took,
      case when ahead then took >= days else took <= days end as on_time,
      coalesce(case when ahead then waiting < days else waiting > days end, false) as overdue
    from s`;
}

export interface RawFigures {
  elementId: string;
  reached: number;
  /** Children with a date for the anchor: those whose time runs (for a time after, the anchor's reached). */
  anchored: number;
  timed: number;
  onTime: number;
  p50: number | null;
  p90: number | null;
  overdue: number;
}

/** The overlay's figures for every link of the version, in one statement. */
export async function overlay(tx: Db, versionId: string, tenantIds: string[], today: string): Promise<RawFigures[]> {
  const result = await tx.execute(sql`
    with f as (${facts(versionId, tenantIds, today)})
    select element_id, count(at)::int as reached, count(from_at)::int as anchored, count(took)::int as timed,
      count(*) filter (where on_time)::int as on_time,
      percentile_cont(0.5) within group (order by took) as p50,
      percentile_cont(0.9) within group (order by took) as p90,
      count(*) filter (where overdue)::int as overdue
    from f group by element_id`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    elementId: String(r.element_id),
    reached: Number(r.reached),
    anchored: Number(r.anchored),
    timed: Number(r.timed),
    onTime: Number(r.on_time),
    p50: num(r.p50),
    p90: num(r.p90),
    overdue: Number(r.overdue),
  }));
}

const figureHolds: Record<Figure, SQL> = {
  reached: sql`at is not null`,
  on_time: sql`on_time`,
  late: sql`not on_time`,
  overdue: sql`overdue`,
};

/**
 * The children the reader may see (`visible`, the children domain's rule) among the collaboration's, each
 * with whether it is behind the figure; in one statement. No row at all: nothing here is the reader's.
 */
export async function childrenBehind(
  tx: Db,
  q: { versionId: string; tenantIds: string[]; today: string; elementId: string; figure: Figure },
  visible: SQL,
) {
  const behind = sql`select child_id from (${facts(q.versionId, q.tenantIds, q.today)}) f
    where element_id = ${q.elementId} and ${figureHolds[q.figure]}`;
  return tx
    .select({
      id: children.id,
      displayName: children.displayName,
      behind: sql<boolean>`${children.id} in (${behind})`,
    })
    .from(children)
    .where(and(visible, inArray(children.tenantId, q.tenantIds)))
    .orderBy(children.displayName);
}

/** Whether the reader sees any child of the collaboration's municipalities (the lists behind the figures open). */
export async function seesAnyChild(tx: Db, tenantIds: string[], visible: SQL): Promise<boolean> {
  const [row] = await tx
    .select({ id: children.id })
    .from(children)
    .where(and(visible, inArray(children.tenantId, tenantIds)))
    .limit(1);
  return row !== undefined;
}

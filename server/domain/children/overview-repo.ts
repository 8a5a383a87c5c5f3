import { getTableColumns, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { beskedContradictions } from '../besked/tables.ts';
import { consentOrganisations, consents } from '../consent/tables.ts';
import { childDeadlines } from '../events/tables.ts';
import type { NamedMember } from '../hub/repo.ts';
import { checklistOutcomes, hubQuestions, tenantTopics, topicAssignments } from '../hub/tables.ts';
import { decisions, meetingParticipants, meetings } from '../meetings/tables.ts';
import { organisationsOf, sharedWith, type Grants, type Guarded } from '../sharing/rule.ts';
import { legalShares } from '../sharing/tables.ts';
import { organisations, users } from '../tenancy/tables.ts';
import type { ChildRow, HubMemberRow } from './repo.ts';
import { activeMembership, fullyVisibleChildren, visibleChildren } from './scope.ts';
import { children, hubMembers } from './tables.ts';

type Json = Record<string, unknown>;

/**
 * A table's row from its JSON form (keys are the column names, as `row_to_json` writes them),
 * each value through the column's own driver mapping, so dates become Dates as in a plain select.
 */
export function rowFromJson<T extends PgTable>(table: T, json: Json): T['$inferSelect'] {
  const out: Json = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out;
}

export const rowsFromJson = <T extends PgTable>(table: T, json: unknown): T['$inferSelect'][] =>
  ((json ?? []) as Json[]).map((j) => rowFromJson(table, j));

/** `coalesce(json_agg(x order by …), '[]')` over a subquery aliased x. */
export const agg = (subquery: SQL, orderBy: SQL = sql`1`) =>
  sql`coalesce((select json_agg(x order by ${orderBy}) from (${subquery}) x), '[]'::json)`;

export interface OverviewRows {
  child: ChildRow;
  /** Every membership of the hub, ended ones included, with names. */
  named: NamedMember[];
  /** The open memberships (the ones access and flags read). */
  members: HubMemberRow[];
  placementName: string | null;
  tenantTopics: (typeof tenantTopics.$inferSelect)[];
  assignments: (typeof topicAssignments.$inferSelect)[];
  outcomes: (typeof checklistOutcomes.$inferSelect)[];
  /** Open questions as the flags count them: shared with the reader or not, no text. */
  openQuestions: Pick<typeof hubQuestions.$inferSelect, 'childId' | 'status' | 'dueOn' | 'ownerMemberId'>[];
  /** Open besked contradictions as the flags count them (no content). */
  contradictions: { childId: string; topic: string }[];
  /** Only for a reader who sees the child in full; otherwise empty. */
  questions: (typeof hubQuestions.$inferSelect)[];
  withheldQuestions: Guarded[];
  deadlines: (typeof childDeadlines.$inferSelect)[];
  meetings: {
    row: typeof meetings.$inferSelect;
    openDecisions: number;
    mine: typeof meetingParticipants.$inferSelect | undefined;
  }[];
  /** The child's consents and shares as the sharing rule's JS form reads them (empty for a narrow reader). */
  grants: Grants;
}

/**
 * What the child page shows first, in ONE statement: the child if the actor sees it (scope in the
 * first CTE, so nothing else is read for a child out of scope), its hub, what its flags count, and,
 * only for a reader who sees the child in full, its open deadlines, upcoming meetings, questions
 * (a question not shared with the reader leaves the database as owner and category only) and the
 * consents and shares the audit names as grounds. Null when the child is out of scope.
 */
export async function overviewRows(db: Db, actor: Actor, childId: string): Promise<OverviewRows | null> {
  const inVisible = (col: AnyColumn) => sql`${col} in (select id from visible)`;
  const inFull = (col: AnyColumn) => sql`${col} in (select id from full_view)`;
  const shared = sharedWith(
    actor,
    { childId: hubQuestions.childId, owner: hubQuestions.ownerOrganisationId, category: hubQuestions.category },
    'hub',
  );
  const query = sql`
    with visible as (select * from ${children} where ${children.id} = ${childId} and ${visibleChildren(actor)}),
    full_view as (select ${children.id} as id from ${children}
      where ${children.id} in (select id from visible) and ${fullyVisibleChildren(actor)})
    select
      (select row_to_json(v) from visible v) as child,
      ${agg(
        sql`select ${hubMembers}.*, ${users.displayName} as user_name_, ${organisations.name} as organisation_name_
          from ${hubMembers}
          join ${users} on ${users.id} = ${hubMembers.userId}
          join ${organisations} on ${organisations.id} = ${hubMembers.organisationId}
          where ${inVisible(hubMembers.childId)}`,
        sql`x.created_at`,
      )} as named,
      ${agg(sql`select ${hubMembers.id} from ${hubMembers} where ${inVisible(hubMembers.childId)} and ${activeMembership()}`)} as active,
      (select ${organisations.name} from ${organisations}
        where ${organisations.id} = (select placement_organisation_id from visible)) as placement_name,
      ${agg(
        sql`select * from ${tenantTopics} where ${tenantTopics.tenantId} = ${actor.tenantId}
          and ${tenantTopics.archivedAt} is null and exists (select 1 from visible)`,
        sql`x.created_at`,
      )} as tenant_topics,
      ${agg(sql`select * from ${topicAssignments} where ${inVisible(topicAssignments.childId)}`)} as assignments,
      ${agg(sql`select * from ${checklistOutcomes} where ${inVisible(checklistOutcomes.childId)}`)} as outcomes,
      ${agg(
        sql`select ${hubQuestions.childId} as child_id, ${hubQuestions.status} as status, ${hubQuestions.dueOn} as due_on,
          ${hubQuestions.ownerMemberId} as owner_member_id
          from ${hubQuestions} where ${inVisible(hubQuestions.childId)} and ${hubQuestions.status} = 'open'`,
      )} as open_questions,
      ${agg(
        sql`select ${beskedContradictions.childId} as child_id, ${beskedContradictions.topic} as topic from ${beskedContradictions}
          where ${inVisible(beskedContradictions.childId)} and ${beskedContradictions.resolvedAt} is null`,
      )} as contradictions,
      ${agg(
        sql`select case when ${shared} then row_to_json(${hubQuestions}) end as row,
          ${hubQuestions.ownerOrganisationId} as owner, ${hubQuestions.category} as category,
          ${hubQuestions.dueOn} as due_on, ${hubQuestions.createdAt} as created_at
          from ${hubQuestions} where ${inFull(hubQuestions.childId)}`,
        sql`x.due_on, x.created_at desc`,
      )} as questions,
      ${agg(
        sql`select * from ${childDeadlines} where ${inFull(childDeadlines.childId)} and ${childDeadlines.status} = 'open'`,
        sql`x.due_on`,
      )} as deadlines,
      ${agg(
        sql`select row_to_json(${meetings}) as row,
          (select count(*) from ${decisions} where ${decisions.meetingId} = ${meetings.id} and ${decisions.status} = 'open')::int as open_decisions,
          (select row_to_json(${meetingParticipants}) from ${meetingParticipants}
            where ${meetingParticipants.meetingId} = ${meetings.id} and ${meetingParticipants.userId} = ${actor.userId} limit 1) as mine,
          ${meetings.startsAt} as starts_at
          from ${meetings} where ${inFull(meetings.childId)} and ${meetings.status} in ('planned', 'in_progress')
          order by ${meetings.startsAt} limit 200`,
        sql`x.starts_at`,
      )} as meetings,
      ${agg(
        sql`select ${consents.id} as id, ${consents.categories} as categories, ${consents.purposes} as purposes,
          ${consents.validFrom} as valid_from, ${consents.validTo} as valid_to,
          ${consents.withdrawnAt} is not null as withdrawn,
          array(select co.organisation_id::text from ${consentOrganisations} co where co.consent_id = ${consents.id}) as orgs
          from ${consents} where ${inFull(consents.childId)} and ${consents.tenantId} = ${actor.tenantId}`,
      )} as consents,
      ${agg(
        sql`select ${legalShares.id} as id, ${legalShares.fromOrganisationId} as "from", ${legalShares.toOrganisationId} as "to",
          ${legalShares.categories} as categories, ${legalShares.purpose} as purpose, ${legalShares.validTo} as valid_to,
          ${legalShares.endedAt} is not null as ended
          from ${legalShares} where ${inFull(legalShares.childId)} and ${legalShares.tenantId} = ${actor.tenantId}`,
      )} as shares`;
  // The handle is typed for either driver; both answer `{ rows }`.
  const res: unknown = await db.execute(query);
  const r = (res as { rows: Json[] }).rows[0];
  if (!r?.child) return null;
  const named = ((r.named ?? []) as Json[]).map((j) => ({
    member: rowFromJson(hubMembers, j),
    userName: String(j.user_name_),
    organisationName: String(j.organisation_name_),
  }));
  const active = new Set(((r.active ?? []) as { id: string }[]).map((a) => a.id));
  const questions = (r.questions ?? []) as { row: Json | null; owner: string; category: string }[];
  return {
    child: rowFromJson(children, r.child as Json),
    named,
    members: named.map((n) => n.member).filter((m) => active.has(m.id)),
    placementName: (r.placement_name as string | null) ?? null,
    tenantTopics: rowsFromJson(tenantTopics, r.tenant_topics),
    assignments: rowsFromJson(topicAssignments, r.assignments),
    outcomes: rowsFromJson(checklistOutcomes, r.outcomes),
    openQuestions: ((r.open_questions ?? []) as Json[]).map((j) => ({
      childId: String(j.child_id),
      status: String(j.status),
      dueOn: String(j.due_on),
      ownerMemberId: String(j.owner_member_id),
    })),
    contradictions: ((r.contradictions ?? []) as Json[]).map((j) => ({
      childId: String(j.child_id),
      topic: String(j.topic),
    })),
    questions: questions.flatMap((q) => (q.row ? [rowFromJson(hubQuestions, q.row)] : [])),
    withheldQuestions: questions.filter((q) => !q.row).map((q) => ({ owner: q.owner, category: q.category })),
    deadlines: rowsFromJson(childDeadlines, r.deadlines),
    meetings: ((r.meetings ?? []) as { row: Json; open_decisions: number; mine: Json | null }[]).map((m) => ({
      row: rowFromJson(meetings, m.row),
      openDecisions: Number(m.open_decisions),
      mine: m.mine ? rowFromJson(meetingParticipants, m.mine) : undefined,
    })),
    grants: {
      childId,
      actorOrganisationIds: new Set(organisationsOf(actor)),
      today: todayInSweden(),
      consents: ((r.consents ?? []) as Json[]).map((c) => ({
        id: String(c.id),
        organisationIds: new Set(c.orgs as string[]),
        categories: c.categories as string[],
        purposes: c.purposes as string[],
        validFrom: String(c.valid_from),
        validTo: String(c.valid_to),
        withdrawn: Boolean(c.withdrawn),
      })),
      shares: ((r.shares ?? []) as Json[]).map((x) => ({
        id: String(x.id),
        from: String(x.from),
        to: String(x.to),
        categories: x.categories as string[],
        purpose: String(x.purpose),
        validTo: (x.valid_to as string | null) ?? null,
        ended: Boolean(x.ended),
      })),
    },
  };
}

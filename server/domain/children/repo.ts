import { and, desc, eq, gte, ilike, inArray, isNull, lt, not, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { ChildListQuery } from '../../../common/schemas/children.ts';
import { auditLog } from '../../audit/tables.ts';
import { beskedContradictions } from '../besked/tables.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { questionCols } from '../hub/repo.ts';
import type { FlagData } from '../hub/flags.ts';
import { checklistOutcomes, hubQuestions, tenantTopics, topicAssignments } from '../hub/tables.ts';
import { sharedWith } from '../sharing/rule.ts';
import { organisations, users } from '../tenancy/tables.ts';
import { actionsAbout, type TimelineSubject } from './timeline-entries.ts';
import { activeMembership, fullyVisibleChildren, visibleChildren } from './scope.ts';
import { agg, rowsFromJson } from './overview-repo.ts';
import { children, hubMembers } from './tables.ts';

export type ChildRow = typeof children.$inferSelect;
export type HubMemberRow = typeof hubMembers.$inferSelect;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What the list of the actor's children shows of one page, and what their flags are counted from. */
export interface ListPage {
  rows: ChildRow[];
  total: number;
  /** The open memberships of the page's children. */
  members: HubMemberRow[];
  flagData: FlagData;
}

/**
 * "My children": the page of children the actor sees, filtered (scope is part of the query), with their total,
 * their open memberships and what their flags count, in ONE statement, so the list costs the same few statements
 * whatever the number of children on the page.
 */
export async function listPage(db: Db, actor: Actor, q: ChildListQuery): Promise<ListPage> {
  const filters: SQL[] = [visibleChildren(actor)];
  if (q.q) filters.push(ilike(children.displayName, `%${escapeLike(q.q)}%`));
  if (q.caseStatus) filters.push(eq(children.caseStatus, q.caseStatus));
  if (q.asylumStatus) {
    // Case data: only children seen in full may match, or the filter would leak it.
    filters.push(eq(children.asylumStatus, q.asylumStatus), fullyVisibleChildren(actor));
  }
  const where = and(...filters);
  const onPage = (col: AnyColumn) => sql`${col} in (select id from page)`;
  const query = sql`
    with page as (select * from ${children} where ${where}
      order by ${children.displayName}, ${children.id} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
    select
      (select count(*) from ${children} where ${where})::int as total,
      ${agg(sql`select * from page`, sql`x.display_name, x.id`)} as children,
      ${agg(sql`select * from ${hubMembers} where ${onPage(hubMembers.childId)} and ${activeMembership()}`)} as members,
      ${agg(
        sql`select ${tenantTopics.id} as id from ${tenantTopics} where ${tenantTopics.tenantId} = ${actor.tenantId}
          and ${tenantTopics.archivedAt} is null and exists (select 1 from page)`,
      )} as tenant_topics,
      ${agg(sql`select * from ${topicAssignments} where ${onPage(topicAssignments.childId)}`)} as assignments,
      ${agg(sql`select * from ${checklistOutcomes} where ${onPage(checklistOutcomes.childId)}`)} as outcomes,
      ${agg(
        // Every open question, shared with the reader or not: the flags are counts, and a count discloses no content.
        sql`select ${hubQuestions.childId} as child_id, ${hubQuestions.status} as status, ${hubQuestions.dueOn} as due_on,
          ${hubQuestions.ownerMemberId} as owner_member_id
          from ${hubQuestions} where ${onPage(hubQuestions.childId)} and ${hubQuestions.status} = 'open'`,
      )} as open_questions,
      ${agg(
        sql`select ${beskedContradictions.childId} as child_id, ${beskedContradictions.topic} as topic
          from ${beskedContradictions} where ${onPage(beskedContradictions.childId)} and ${beskedContradictions.resolvedAt} is null`,
      )} as contradictions`;
  // The handle is typed for either driver; both answer `{ rows }`.
  const res: unknown = await db.execute(query);
  const r = (res as { rows: Record<string, unknown>[] }).rows[0]!;
  return {
    rows: rowsFromJson(children, r.children),
    total: Number(r.total),
    members: rowsFromJson(hubMembers, r.members),
    flagData: {
      tenantTopics: ((r.tenant_topics ?? []) as { id: string }[]).map((t) => ({ id: t.id })),
      assignments: rowsFromJson(topicAssignments, r.assignments),
      outcomes: rowsFromJson(checklistOutcomes, r.outcomes),
      questions: ((r.open_questions ?? []) as Record<string, unknown>[]).map((j) => ({
        childId: String(j.child_id),
        status: String(j.status),
        dueOn: String(j.due_on),
        ownerMemberId: String(j.owner_member_id),
      })),
      contradictions: ((r.contradictions ?? []) as Record<string, unknown>[]).map((j) => ({
        childId: String(j.child_id),
        topic: String(j.topic),
      })),
    },
  };
}

/** One child if the actor sees it; null otherwise (the route answers 404 either way). */
export async function findVisible(db: Db, actor: Actor, id: string): Promise<ChildRow | null> {
  const [row] = await db
    .select()
    .from(children)
    .where(and(eq(children.id, id), visibleChildren(actor)));
  return row ?? null;
}

/** Open hub memberships of the given children. */
export async function activeHubMembers(db: Db, childIds: string[]): Promise<HubMemberRow[]> {
  if (childIds.length === 0) return [];
  return db
    .select()
    .from(hubMembers)
    .where(and(inArray(hubMembers.childId, childIds), activeMembership()));
}

export async function insertChild(db: Db, values: typeof children.$inferInsert): Promise<ChildRow> {
  const [row] = await db.insert(children).values(values).returning();
  if (!row) throw new Error('child insert returned nothing');
  return row;
}

/**
 * Writes only when the stored version is the one the editor read, and bumps it.
 * Null when the version was stale (or the child vanished): the caller decides.
 */
export async function updateVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof children.$inferInsert>,
): Promise<ChildRow | null> {
  const [row] = await db
    .update(children)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(children.id, id), eq(children.version, version)))
    .returning();
  return row ?? null;
}

/** Whether the child is the tenant's, whatever the reader's hub: for the tenant admin's own tools. */
export async function childOfTenant(tx: Db, tenantId: string, childId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.id, childId), eq(children.tenantId, tenantId)));
  return row !== undefined;
}

export async function findTenantOrganisation(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.tenantId, tenantId)));
  return row ?? null;
}

export async function organisationName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? null;
}

export async function insertHubMember(db: Db, values: typeof hubMembers.$inferInsert): Promise<HubMemberRow> {
  const [row] = await db.insert(hubMembers).values(values).returning();
  if (!row) throw new Error('hub member insert returned nothing');
  return row;
}

// ---- the child's history (`timeline.ts`), read from the audit log ------------------------

const hubWide = actionsAbout('hub');
const aboutQuestions = actionsAbout('hub_question');

/** The question an entry is about (by the log row's entity id), within the same child. */
const questionOfEntry = and(
  eq(auditLog.entity, 'hub_question'),
  eq(hubQuestions.childId, auditLog.childId),
  sql`${hubQuestions.id}::text = ${auditLog.entityId}`,
);

/**
 * Whether the reader may see the item an entry of `about` is about. An entry whose item is gone counts as
 * not visible: nothing is shown that the rule cannot decide.
 */
function visibleEntry(actor: Actor, about: TimelineSubject): SQL {
  switch (about) {
    case 'hub':
      return inArray(auditLog.action, hubWide);
    case 'hub_question':
      return and(
        inArray(auditLog.action, aboutQuestions),
        sql`${hubQuestions.id} is not null`,
        sharedWith(actor, questionCols, 'hub'),
      )!;
  }
}

const visible = (actor: Actor) => or(visibleEntry(actor, 'hub'), visibleEntry(actor, 'hub_question'))!;

/** Entries about a question the reader may not see (or that is gone), optionally narrowed. */
function withheldEntries(tx: Db, actor: Actor, childId: string, window: SQL | undefined) {
  return tx
    .select({ owner: hubQuestions.ownerOrganisationId, category: hubQuestions.category })
    .from(auditLog)
    .leftJoin(hubQuestions, questionOfEntry)
    .where(
      and(
        eq(auditLog.tenantId, actor.tenantId),
        eq(auditLog.childId, childId),
        inArray(auditLog.action, aboutQuestions),
        or(isNull(hubQuestions.id), not(sharedWith(actor, questionCols, 'hub'))),
        window,
      ),
    );
}

/** A page of the entries the reader may see, newest first, with the question each is about (if any). */
export function timelineEntries(tx: Db, actor: Actor, childId: string, before: number | undefined, limit: number) {
  return tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      detail: auditLog.detail,
      question: { owner: hubQuestions.ownerOrganisationId, category: hubQuestions.category },
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(hubQuestions, questionOfEntry)
    .where(
      and(
        eq(auditLog.tenantId, actor.tenantId),
        eq(auditLog.childId, childId),
        visible(actor),
        before ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** The withheld entries between `before` (exclusive) and `from` (inclusive): what a page kept back. */
export function withheldTimelineEntries(
  tx: Db,
  actor: Actor,
  childId: string,
  window: { before: number | undefined; from: number | null },
) {
  return withheldEntries(
    tx,
    actor,
    childId,
    and(
      window.before ? lt(auditLog.id, window.before) : undefined,
      window.from ? gte(auditLog.id, window.from) : undefined,
    ),
  );
}

/** Whether the history holds any entry the reader may not see. */
export async function anyTimelineEntryWithheld(tx: Db, actor: Actor, childId: string): Promise<boolean> {
  return (await withheldEntries(tx, actor, childId, undefined).limit(1)).length > 0;
}

import { defaultTopics, type DefaultTopic } from '../../../common/schemas/hub.ts';
import type {
  TenantTopicBody,
  TenantTopicPatch,
  Topic,
  TopicAssignment,
  TopicAssignmentBody,
  TopicList,
  TopicMatrix,
} from '../../../common/schemas/hub.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';
import { loadAccess, type ChildAccess } from '../children/access.ts';
import { authorize, can } from '../children/policy.ts';
import { authorizeManageTenantTopics } from './policy.ts';
import { allTopics, defaultTopic, memberRef, tenantTopic } from './presenter.ts';
import * as repo from './repo.ts';
import { tenantTopics } from './tables.ts';
import { eq } from 'drizzle-orm';
import { inTurn } from '../../db/in-turn.ts';

const isDefault = (key: string): key is DefaultTopic => (defaultTopics as readonly string[]).includes(key);

/** The topic behind a key, if this tenant has it and it is not archived. */
export async function resolveTopic(tx: Db, tenantId: string, key: string): Promise<Topic | null> {
  if (isDefault(key)) return defaultTopic(key);
  const row = await repo.findTenantTopic(tx, tenantId, key);
  return row && !row.archivedAt ? tenantTopic(row) : null;
}

export async function listTopics(deps: Deps, actor: Actor): Promise<TopicList> {
  const rows = await repo.listTenantTopics(deps.db, actor.tenantId, { includeArchived: true });
  return { items: allTopics(rows) };
}

export async function createTenantTopic(deps: Deps, actor: Actor, body: TenantTopicBody): Promise<Topic> {
  authorizeManageTenantTopics(actor);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tenantTopics)
      .values({ tenantId: actor.tenantId, labelSv: body.labelSv, labelEn: body.labelEn })
      .returning();
    // A new topic is in every child's matrix at once, with nobody responsible: a follow-up figure.
    await rollupAfterWrite(tx, actor.tenantId);
    await audit(tx, { action: 'tenant_topic.created', entity: 'tenant_topic', entityId: row!.id });
    return tenantTopic(row!);
  });
}

export async function updateTenantTopic(deps: Deps, actor: Actor, id: string, body: TenantTopicPatch): Promise<Topic> {
  authorizeManageTenantTopics(actor);
  return deps.db.transaction(async (tx) => {
    const existing = await repo.findTenantTopic(tx, actor.tenantId, id);
    if (!existing) throw errors.notFound('topic');
    const [row] = await tx
      .update(tenantTopics)
      .set({
        ...(body.labelSv !== undefined ? { labelSv: body.labelSv } : {}),
        ...(body.labelEn !== undefined ? { labelEn: body.labelEn } : {}),
        ...(body.archived !== undefined
          ? { archivedAt: body.archived ? (existing.archivedAt ?? new Date()) : null }
          : {}),
      })
      .where(eq(tenantTopics.id, id))
      .returning();
    // Archived or restored, the topic leaves or joins every child's matrix; a new label is no figure.
    if ((row!.archivedAt === null) !== (existing.archivedAt === null)) await rollupAfterWrite(tx, actor.tenantId);
    await audit(tx, { action: 'tenant_topic.updated', entity: 'tenant_topic', entityId: id });
    return tenantTopic(row!);
  });
}

/** The matrix rows of one child. Civil society gets only the topics shared with it. */
async function matrix(tx: Db, a: ChildAccess): Promise<TopicAssignment[]> {
  const [tenantRows, assignments, members] = await inTurn(
    () => repo.listTenantTopics(tx, a.actor.tenantId, { includeArchived: false }),
    () => repo.assignmentsFor(tx, [a.child.id]),
    () => repo.namedMembers(tx, a.child.id, { includeEnded: false }),
  );
  const active = new Map(members.map((n) => [n.member.id, n]));
  const byTopic = new Map(assignments.map((x) => [x.topic, x]));
  const rows = allTopics(tenantRows).map((topic) => {
    const x = byTopic.get(topic.key);
    const responsible = x?.responsibleMemberId ? active.get(x.responsibleMemberId) : undefined;
    const fallback = x?.fallbackMemberId ? active.get(x.fallbackMemberId) : undefined;
    return {
      topic,
      responsible: responsible ? memberRef(responsible) : null,
      fallback: fallback ? memberRef(fallback) : null,
      shareableWithCivilSociety: x?.shareableWithCivilSociety ?? false,
      unassigned: !responsible,
    };
  });
  return a.view === 'full' ? rows : rows.filter((r) => r.shareableWithCivilSociety);
}

export async function getMatrix(deps: Deps, actor: Actor, childId: string): Promise<TopicMatrix> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    await audit(tx, {
      action: 'hub.topics_read',
      entity: 'child',
      entityId: childId,
      childId,
      detail: { view: a.view },
    });
    const items = await matrix(tx, a);
    return {
      items,
      unassignedCount: items.filter((i) => i.unassigned).length,
      abilities: { manage: can(a, 'manageTopics') },
    };
  });
}

/** Sets who the child asks about one topic. Both members must be active in this hub. */
export async function assignTopic(
  deps: Deps,
  actor: Actor,
  childId: string,
  topicKey: string,
  body: TopicAssignmentBody,
): Promise<TopicAssignment> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'manageTopics');
    const topic = await resolveTopic(tx, actor.tenantId, topicKey);
    if (!topic) throw errors.notFound('topic');
    const activeIds = new Set(a.members.map((m) => m.id));
    const issues = [];
    if (body.responsibleMemberId && !activeIds.has(body.responsibleMemberId))
      issues.push({ path: 'body.responsibleMemberId', message: 'Choose an active member of this hub.' });
    if (body.fallbackMemberId && !activeIds.has(body.fallbackMemberId))
      issues.push({ path: 'body.fallbackMemberId', message: 'Choose an active member of this hub.' });
    if (body.fallbackMemberId && body.fallbackMemberId === body.responsibleMemberId)
      issues.push({ path: 'body.fallbackMemberId', message: 'The fallback must be someone else.' });
    if (body.fallbackMemberId && !body.responsibleMemberId)
      issues.push({ path: 'body.responsibleMemberId', message: 'Name the responsible member before a fallback.' });
    if (issues.length > 0) throw errors.validation(issues);
    const previous = await repo.findAssignment(tx, childId, topic.key);
    await repo.upsertAssignment(tx, {
      tenantId: actor.tenantId,
      childId,
      topic: topic.key,
      responsibleMemberId: body.responsibleMemberId,
      fallbackMemberId: body.fallbackMemberId,
      shareableWithCivilSociety: body.shareableWithCivilSociety,
    });
    // Who is responsible is a follow-up figure; the fallback and the sharing are not.
    if ((previous?.responsibleMemberId ?? null) !== (body.responsibleMemberId ?? null))
      await rollupAfterWrite(tx, actor.tenantId);
    const row = (await matrix(tx, a)).find((r) => r.topic.key === topic.key)!;
    await audit(tx, {
      action: 'hub.topic_assigned',
      entity: 'topic_assignment',
      entityId: topic.key,
      childId,
      detail: { topic: topic.key, responsibleName: row.responsible?.displayName ?? null },
    });
    return row;
  });
}

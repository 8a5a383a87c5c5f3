import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MyQuestions, Question, QuestionBody, QuestionList, QuestionPatch } from '../../../common/schemas/hub.ts';
import { categoryOfTopic, type InfoCategory } from '../../../common/schemas/sharing.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { accessFrom, loadAccess, type ChildAccess } from '../children/access.ts';
import { authorize } from '../children/policy.ts';
import * as childRepo from '../children/repo.ts';
import { activeMembership, visibleChildren } from '../children/scope.ts';
import { children, hubMembers } from '../children/tables.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';
import { auditSharing, sharingEntries } from '../sharing/audit.ts';
import { decide, loadGrants, loadGrantsOf, organisationsOf, sharedWith, type Grants } from '../sharing/rule.ts';
import { authorizeEditQuestion, canEditQuestion } from './policy.ts';
import { isOverdue, presentQuestion } from './presenter.ts';
import { scheduleQuestionReminder } from './question-reminders.ts';
import * as repo from './repo.ts';
import { hubQuestions } from './tables.ts';
import { resolveTopic } from './topics.service.ts';

async function presentAll(tx: Db, a: ChildAccess, rows: repo.QuestionRow[]): Promise<Question[]> {
  const owners = await repo.namedMembersById(tx, [...new Set(rows.map((q) => q.ownerMemberId))]);
  const active = new Map(a.members.map((m) => [m.id, m]));
  return rows.map((q) =>
    presentQuestion(q, owners.get(q.ownerMemberId)!, canEditQuestion(a, active.get(q.ownerMemberId))),
  );
}

/** The owner must be an active member in a role that meets the child: never "someone". */
function ownerIssues(a: ChildAccess, ownerMemberId: string | undefined): Issue[] {
  if (ownerMemberId === undefined) return [];
  const owner = a.members.find((m) => m.id === ownerMemberId);
  if (!owner) return [{ path: 'body.ownerMemberId', message: 'Choose an active member of this hub.' }];
  if (owner.hubRole === 'civil_society')
    return [{ path: 'body.ownerMemberId', message: 'Questions are taken by the hub’s staff, not civil society.' }];
  return [];
}

/**
 * The member who takes a question must be able to read it: a question its owner
 * cannot see would fall between the chairs. Judged for the organisation the
 * member sits in the hub for, the narrowest reading of what they may see.
 */
function visibleToMember(
  grants: Grants,
  a: ChildAccess,
  memberId: string,
  item: { owner: string; category: InfoCategory },
): boolean {
  const member = a.members.find((m) => m.id === memberId);
  if (!member) return true; // ownerIssues names the problem
  return decide({ ...grants, actorOrganisationIds: new Set([member.organisationId]) }, item, 'hub').visible;
}

const notSharedWithOwner =
  'That member’s organisation may not see a question of this category from this organisation (no consent or legal basis covers it). Choose someone who can, or record a consent first.';

/** The organisation the actor raises questions for: their place in this hub. */
function raisingOrganisation(a: ChildAccess): string {
  return a.mine.find((m) => m.hubRole !== 'civil_society')?.organisationId ?? organisationsOf(a.actor)[0]!;
}

/** Audits a read of questions: each share and each withholding (own ones are no share). */
async function auditQuestions(
  tx: Db,
  a: ChildAccess,
  shown: repo.QuestionRow[],
  withheld: { owner: string; category: string }[],
  grants?: Grants,
): Promise<void> {
  await auditSharing(tx, {
    grants: grants ?? (await loadGrants(tx, a.actor, a.child.id)),
    purpose: 'hub',
    entity: 'hub_questions',
    entityId: a.child.id,
    shown: shown.map((q) => ({ owner: q.ownerOrganisationId, category: q.category })),
    withheld,
  });
}

async function topicIssues(tx: Db, a: ChildAccess, topic: string | null | undefined): Promise<Issue[]> {
  if (!topic) return [];
  return (await resolveTopic(tx, a.actor.tenantId, topic)) ? [] : [{ path: 'body.topic', message: 'No such topic.' }];
}

export async function listQuestions(deps: Deps, actor: Actor, childId: string, status: string): Promise<QuestionList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'readQuestions');
    const wanted = status === 'all' ? undefined : status;
    const rows = await repo.visibleQuestions(tx, actor, childId, wanted);
    const withheld = await repo.withheldQuestions(tx, actor, childId, wanted);
    await audit(tx, { action: 'hub.questions_read', entity: 'child', entityId: childId, childId });
    await auditQuestions(tx, a, rows, withheld);
    return { items: await presentAll(tx, a, rows), someWithheld: withheld.length > 0 };
  });
}

export async function createQuestion(deps: Deps, actor: Actor, childId: string, body: QuestionBody): Promise<Question> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'raiseQuestion');
    const issues = [...ownerIssues(a, body.ownerMemberId), ...(await topicIssues(tx, a, body.topic))];
    const item = { owner: raisingOrganisation(a), category: body.category ?? categoryOfTopic(body.topic) };
    const grants = await loadGrants(tx, actor, childId);
    if (issues.length === 0 && !visibleToMember(grants, a, body.ownerMemberId, item))
      issues.push({ path: 'body.ownerMemberId', message: notSharedWithOwner });
    if (issues.length > 0) throw errors.validation(issues);
    const [row] = await tx
      .insert(hubQuestions)
      .values({
        tenantId: actor.tenantId,
        childId,
        text: body.text,
        topic: body.topic,
        ownerMemberId: body.ownerMemberId,
        dueOn: body.dueOn,
        createdBy: actor.userId,
        ownerOrganisationId: item.owner,
        category: item.category,
      })
      .returning();
    await scheduleQuestionReminder(tx, row!);
    // The follow-up figure on overdue questions for the child is rebuilt within the minute.
    await rollupAfterWrite(tx, actor.tenantId);
    await audit(tx, {
      action: 'hub.question_created',
      entity: 'hub_question',
      entityId: row!.id,
      childId,
      detail: {
        status: 'open',
        ownerOrganisationId: item.owner,
        category: item.category,
        ...(body.topic ? { topic: body.topic } : {}),
      },
    });
    return (await presentAll(tx, a, [row!]))[0]!;
  });
}

export async function updateQuestion(
  deps: Deps,
  actor: Actor,
  childId: string,
  questionId: string,
  body: QuestionPatch,
): Promise<Question> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    // A question the actor may not see is answered as if it did not exist.
    const question = await repo.findVisibleQuestion(tx, actor, childId, questionId);
    if (!question || a.view === 'narrow') throw errors.notFound('question');
    authorizeEditQuestion(
      a,
      a.members.find((m) => m.id === question.ownerMemberId),
    );
    const status = body.status ?? question.status;
    const issues = [...ownerIssues(a, body.ownerMemberId), ...(await topicIssues(tx, a, body.topic))];
    const category =
      body.category ?? (body.topic !== undefined ? categoryOfTopic(body.topic) : (question.category as InfoCategory));
    const grants = await loadGrants(tx, actor, childId);
    const takenBy = body.ownerMemberId ?? question.ownerMemberId;
    if (
      issues.length === 0 &&
      (body.ownerMemberId !== undefined || category !== question.category) &&
      !visibleToMember(grants, a, takenBy, { owner: question.ownerOrganisationId, category })
    )
      issues.push({
        path: body.ownerMemberId !== undefined ? 'body.ownerMemberId' : body.category ? 'body.category' : 'body.topic',
        message: notSharedWithOwner,
      });
    if (status === 'dropped' && !body.dropReason && !(question.status === 'dropped' && question.dropReason))
      issues.push({ path: 'body.dropReason', message: 'Say why the question is dropped.' });
    if (issues.length > 0) throw errors.validation(issues);
    const closing = status !== 'open' && question.status === 'open';
    const [row] = await tx
      .update(hubQuestions)
      .set({
        ...(body.text !== undefined ? { text: body.text } : {}),
        ...(body.ownerMemberId !== undefined ? { ownerMemberId: body.ownerMemberId } : {}),
        ...(body.dueOn !== undefined ? { dueOn: body.dueOn } : {}),
        ...(body.topic !== undefined ? { topic: body.topic } : {}),
        category,
        status,
        dropReason: status === 'dropped' ? (body.dropReason ?? question.dropReason) : null,
        closedAt: status === 'open' ? null : closing ? new Date() : question.closedAt,
        updatedAt: new Date(),
        version: question.version + 1,
      })
      .where(eq(hubQuestions.id, questionId))
      .returning();
    await scheduleQuestionReminder(tx, row!);
    if (row!.status !== question.status || row!.dueOn !== question.dueOn) await rollupAfterWrite(tx, actor.tenantId);
    await audit(tx, {
      action: 'hub.question_updated',
      entity: 'hub_question',
      entityId: questionId,
      childId,
      // Ids and kinds only: the reason is the question's own text, guarded by the sharing rule with it.
      detail: { status, fields: Object.keys(body) },
    });
    await auditQuestions(tx, a, [row!], [], grants);
    return (await presentAll(tx, a, [row!]))[0]!;
  });
}

/**
 * The actor's own questions across every child whose hub they are in: the
 * task list. Only questions of open memberships, only children in scope, and
 * only what the sharing rule still lets them see (a consent may have ended
 * since the question was given to them: `someWithheld` says so).
 */
export async function myQuestions(deps: Deps, actor: Actor, status: string): Promise<MyQuestions> {
  return deps.db.transaction(async (tx) => {
    const mine = and(
      eq(hubMembers.userId, actor.userId),
      activeMembership(),
      visibleChildren(actor),
      status === 'all' ? undefined : eq(hubQuestions.status, status),
    );
    const all = await tx
      .select({ question: hubQuestions, shared: sharedWith(actor, repo.questionCols, 'hub').mapWith(Boolean) })
      .from(hubQuestions)
      .innerJoin(hubMembers, eq(hubMembers.id, hubQuestions.ownerMemberId))
      .innerJoin(children, eq(children.id, hubQuestions.childId))
      .where(mine)
      .orderBy(asc(hubQuestions.dueOn), asc(hubQuestions.createdAt))
      .limit(500);
    const rows = all.filter((r) => r.shared);
    const childIds = [...new Set(rows.map((r) => r.question.childId))];
    const childRows = childIds.length ? await tx.select().from(children).where(inArray(children.id, childIds)) : [];
    const members = await childRepo.activeHubMembers(tx, childIds);
    const access = new Map(childRows.map((c) => [c.id, accessFrom(actor, c, members)]));
    await audit(
      tx,
      childIds.map((id) => ({ action: 'hub.my_questions_read', entity: 'child', entityId: id, childId: id })),
    );
    await auditQuestionReads(tx, actor, all);
    const owners = await repo.namedMembersById(tx, [...new Set(rows.map((r) => r.question.ownerMemberId))]);
    const items = rows.map(({ question }) => {
      const a = access.get(question.childId)!;
      const owner = owners.get(question.ownerMemberId)!;
      return {
        ...presentQuestion(question, owner, canEditQuestion(a, owner.member)),
        child: { id: a.child.id, displayName: a.child.displayName },
      };
    });
    return {
      items,
      overdueCount: rows.filter((r) => isOverdue(r.question)).length,
      someWithheld: rows.length < all.length,
    };
  });
}

/**
 * Audits a read of questions across children (a task list): per child, what
 * another organisation's questions the reader received and what was kept back.
 */
export async function auditQuestionReads(
  tx: Db,
  actor: Actor,
  read: { question: { childId: string; ownerOrganisationId: string; category: string }; shared: boolean }[],
): Promise<void> {
  const childIds = [...new Set(read.map((r) => r.question.childId))];
  if (childIds.length === 0) return;
  // Two statements for the grants and one for the rows, however many children the list spans.
  const grants = await loadGrantsOf(tx, actor, childIds);
  const guarded = (r: (typeof read)[number]) => ({
    owner: r.question.ownerOrganisationId,
    category: r.question.category,
  });
  await audit(
    tx,
    childIds.flatMap((childId) => {
      const ofChild = read.filter((r) => r.question.childId === childId);
      return sharingEntries({
        grants: grants.get(childId)!,
        purpose: 'hub',
        entity: 'hub_questions',
        entityId: childId,
        shown: ofChild.filter((r) => r.shared).map(guarded),
        withheld: ofChild.filter((r) => !r.shared).map(guarded),
      });
    }),
  );
}

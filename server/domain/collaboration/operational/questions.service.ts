import type { CollaborationLevel } from '../../../../common/schemas/collaboration.ts';
import { todayInSweden } from '../../../../common/schemas/children.ts';
import type { Proposal } from '../../../../common/schemas/collaboration-roadmap.ts';
import type {
  GeneralQuestionBody,
  Question,
  QuestionBody,
  QuestionPatch,
  QuestionStatus,
} from '../../../../common/schemas/forum.ts';
import { audit } from '../../../audit/write.ts';
import type { Actor } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { Deps } from '../../../deps.ts';
import { errors, type Issue } from '../../../errors.ts';
import { accessFrom } from '../../children/access.ts';
import { isStaffMember } from '../../children/policy.ts';
import * as childRepo from '../../children/repo.ts';
import { loadCollaborationAccess } from '../access.ts';
import { proposeFrom, titleFrom } from '../roadmap/proposals.ts';
import { childMentions } from './mentions.ts';
import { authorize, authorizeRun, loadLevels, type LevelAccess } from './policy.ts';
import { presentQuestion } from './presenter.ts';
import * as repo from './repo.ts';

async function present(tx: Db, rows: repo.QuestionRow[]): Promise<Question[]> {
  const names = await repo.userNames(
    tx,
    rows.flatMap((q) => [q.raisedBy, q.ownerUserId]),
  );
  return rows.map((q) => presentQuestion(q, names));
}

export async function listQuestions(
  deps: Deps,
  actor: Actor,
  id: string,
  f: { level?: CollaborationLevel; status?: QuestionStatus },
): Promise<{ items: Question[] }> {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'read');
    const items = await present(tx, await repo.listQuestions(tx, id, f));
    await audit(tx, { action: 'forum_question.list', entity: 'collaboration', entityId: id });
    return { items };
  });
}

export async function raise(deps: Deps, actor: Actor, id: string, body: QuestionBody): Promise<Question> {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'raise');
    const q = await repo.insertQuestion(tx, {
      collaborationId: id,
      tenantId: actor.tenantId,
      title: body.title,
      text: body.text,
      origin: 'form',
      raisedBy: actor.userId,
    });
    await audit(tx, { action: 'forum_question.raise', entity: 'forum_question', entityId: q.id });
    return (await present(tx, [q]))[0]!;
  });
}

/**
 * "Raise as a general question" from a child's hub. The child is loaded only
 * to refuse text that names it (its name or case number, 400 at the field);
 * the question row keeps no trace of the child. The audit row names the
 * question and the actor, not the child: a row tying them together would be
 * the very link the question refuses to keep, readable by anyone who reads
 * the question's log. Nothing of the child is disclosed by the check.
 */
export async function raiseFromHub(
  deps: Deps,
  actor: Actor,
  childId: string,
  body: GeneralQuestionBody,
): Promise<Question> {
  return deps.db.transaction(async (tx) => {
    const row = await childRepo.findVisible(tx, actor, childId);
    if (!row) throw errors.notFound('child');
    const child = accessFrom(actor, row, await childRepo.activeHubMembers(tx, [row.id]));
    if (!isStaffMember(child)) throw errors.forbidden();
    const issues: Issue[] = [];
    const collaboration = await loadCollaborationAccess(tx, actor, body.collaborationId);
    if (!collaboration) issues.push({ path: 'body.collaborationId', message: 'No such collaboration.' });
    for (const field of ['title', 'text'] as const) {
      if (childMentions(body[field], row))
        issues.push({
          path: `body.${field}`,
          message: 'A general question must not name the child: remove the name and the case number.',
        });
    }
    if (issues.length > 0) throw errors.validation(issues);
    const q = await repo.insertQuestion(tx, {
      collaborationId: body.collaborationId,
      tenantId: actor.tenantId,
      title: body.title,
      text: body.text,
      origin: 'hub',
      raisedBy: actor.userId,
    });
    await audit(tx, {
      action: 'forum_question.raise',
      entity: 'forum_question',
      entityId: q.id,
      detail: { origin: 'hub' },
    });
    return (await present(tx, [q]))[0]!;
  });
}

const settled = () => errors.conflict('question_settled', 'The question is already answered or closed.');

/** The level now handling the question runs it: the forum, or the strategic level once escalated. */
async function loadQuestion(tx: Db, actor: Actor, id: string, questionId: string) {
  const a = await loadLevels(tx, actor, id);
  authorize(a, 'read');
  const q = await repo.findQuestion(tx, id, questionId);
  if (!q) throw errors.notFound('question');
  authorizeRun(a, q.level);
  return { a, q };
}

async function patchIssues(tx: Db, a: LevelAccess, q: repo.QuestionRow, p: QuestionPatch): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (p.ownerUserId && !(await repo.staffOf(tx, a.tenantIds, [p.ownerUserId])).has(p.ownerUserId))
    issues.push({ path: 'body.ownerUserId', message: 'Choose a staff member of a participating municipality.' });
  const owner = p.ownerUserId ?? q.ownerUserId;
  const due = p.dueOn ?? q.dueOn;
  if (owner && !due) issues.push({ path: 'body.dueOn', message: 'Every owner has a due date.' });
  if (p.dueOn && p.dueOn < todayInSweden())
    issues.push({ path: 'body.dueOn', message: 'The date cannot be in the past.' });
  if (p.dueOn && !owner) issues.push({ path: 'body.ownerUserId', message: 'Name who owns the question.' });
  if (p.routineId && !(await repo.findRoutine(tx, a.collaboration.id, p.routineId)))
    issues.push({ path: 'body.routineId', message: 'No such routine in this collaboration.' });
  return issues;
}

export async function updateQuestion(
  deps: Deps,
  actor: Actor,
  id: string,
  questionId: string,
  p: QuestionPatch,
): Promise<Question> {
  return deps.db.transaction(async (tx) => {
    const { a, q } = await loadQuestion(tx, actor, id, questionId);
    if (q.status === 'answered' || q.status === 'closed') throw settled();
    const issues = await patchIssues(tx, a, q, p);
    if (issues.length > 0) throw errors.validation(issues);
    // An answer at the strategic level comes back down: the forum sees it, and feeds it to the hubs.
    const answered = p.answer !== undefined;
    const updated = await repo.updateQuestion(tx, q.id, {
      ...(p.ownerUserId !== undefined ? { ownerUserId: p.ownerUserId } : {}),
      ...(p.dueOn !== undefined ? { dueOn: p.dueOn } : {}),
      ...(p.routineId !== undefined ? { routineId: p.routineId } : {}),
      ...(answered
        ? {
            answer: p.answer,
            answeredBy: actor.userId,
            answeredAt: new Date(),
            status: 'answered',
            level: 'operational',
          }
        : {}),
      ...(p.status === 'closed' ? { status: 'closed' } : {}),
    });
    await audit(tx, {
      action: answered ? 'forum_question.answer' : 'forum_question.update',
      entity: 'forum_question',
      entityId: q.id,
      detail: { fields: Object.keys(p), level: q.level },
    });
    return (await present(tx, [updated]))[0]!;
  });
}

export async function escalate(
  deps: Deps,
  actor: Actor,
  id: string,
  questionId: string,
  reason: string,
): Promise<Question> {
  return deps.db.transaction(async (tx) => {
    const { q } = await loadQuestion(tx, actor, id, questionId);
    if (q.level === 'strategic')
      throw errors.conflict('already_escalated', 'The question is already with the strategic level.');
    if (q.status === 'answered' || q.status === 'closed') throw settled();
    const updated = await repo.updateQuestion(tx, q.id, {
      level: 'strategic',
      status: 'escalated',
      escalationReason: reason,
      escalatedAt: new Date(),
    });
    await audit(tx, { action: 'forum_question.escalate', entity: 'forum_question', entityId: q.id });
    return (await present(tx, [updated]))[0]!;
  });
}

/** The forum takes the question on a meeting's agenda (its owner, or the taker, owns the item). */
export async function take(
  deps: Deps,
  actor: Actor,
  id: string,
  questionId: string,
  meetingId: string,
): Promise<Question> {
  return deps.db.transaction(async (tx) => {
    const { q } = await loadQuestion(tx, actor, id, questionId);
    if (q.status === 'answered' || q.status === 'closed') throw settled();
    const meeting = await repo.findLevelMeeting(tx, id, meetingId);
    if (!meeting)
      throw errors.validation([{ path: 'body.meetingId', message: 'No such meeting of this collaboration.' }]);
    if (meeting.status === 'closed' || meeting.status === 'cancelled')
      throw errors.conflict('meeting_closed', 'The meeting is closed or cancelled.');
    const item = await repo.appendAgendaItem(tx, meeting, q.title, q.ownerUserId ?? actor.userId);
    const updated = await repo.updateQuestion(tx, q.id, {
      meetingId,
      status: q.status === 'escalated' ? 'escalated' : 'taken',
    });
    await audit(tx, {
      action: 'forum_question.take',
      entity: 'forum_question',
      entityId: q.id,
      detail: { meetingId, itemId: item.id },
    });
    return (await present(tx, [updated]))[0]!;
  });
}

/**
 * "Make it a development proposal": one action puts the question in step 3's register, the proposal
 * naming the question (origin, origin id) and the question naming the proposal. The level handling the
 * question does it, answered or not; a question with a proposal is 409.
 */
export async function proposeFromQuestion(
  deps: Deps,
  actor: Actor,
  id: string,
  questionId: string,
): Promise<{ question: Question; proposal: Proposal }> {
  return deps.db.transaction(async (tx) => {
    const { q } = await loadQuestion(tx, actor, id, questionId);
    const already = () => errors.conflict('already_proposed', 'This question already has a development proposal.');
    if (q.proposalId) throw already();
    const proposal = await proposeFrom(tx, {
      collaborationId: id,
      origin: 'forum_question',
      originId: q.id,
      title: titleFrom(q.title),
      description: q.text,
      createdBy: actor.userId,
    });
    // Conditional on no proposal yet: of two requests at once, the later finds it set and is refused.
    const linked = await repo.linkQuestionProposal(tx, q.id, proposal.id);
    if (!linked) throw already();
    const question = (await present(tx, [linked]))[0]!;
    await audit(tx, {
      action: 'forum_question.propose',
      entity: 'forum_question',
      entityId: q.id,
      detail: { proposalId: proposal.id },
    });
    return { question, proposal };
  });
}

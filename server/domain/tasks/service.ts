import { todayInSweden } from '../../../common/schemas/children.ts';
import type { TaskList } from '../../../common/schemas/tasks.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { inTurn } from '../../db/in-turn.ts';
import { isVolunteerOnly } from '../children/scope.ts';
import { auditQuestionReads } from '../hub/questions.service.ts';
import { byUrgency, childIdsOf, deadlineTask, decisionTask, invitationTask, questionTask } from './presenter.ts';
import * as repo from './repo.ts';

/**
 * One list of what the user has to do, across every child in their scope:
 * decisions they own, questions they agreed to raise with a child, and
 * invitations they have not answered, and the open deadlines of the case
 * (appeal, departure, turning 18) of children whose core three they are in,
 * the same people the deadline reminders go to.
 */
export async function myTasks(deps: Deps, actor: Actor): Promise<TaskList> {
  if (isVolunteerOnly(actor)) throw errors.forbidden('The task list is for the hub’s staff.');
  return deps.db.transaction(async (tx) => {
    const [decisionRows, questionRows, invitationRows, deadlineRows] = await inTurn(
      () => repo.ownDecisions(tx, actor),
      () => repo.ownQuestions(tx, actor),
      () => repo.pendingInvitations(tx, actor),
      () => repo.coreDeadlines(tx, actor),
    );
    const today = todayInSweden();
    const items = [
      ...decisionRows.map((r) => decisionTask(r, today)),
      ...questionRows.filter((r) => r.shared).map((r) => questionTask(r, today)),
      ...invitationRows.map(invitationTask),
      ...deadlineRows.map((r) => deadlineTask(r, today)),
    ].sort(byUrgency);
    // A question stays its owner's even when a withdrawn consent hides it: the withholding is audited, and the
    // social worker, who sees it, can give it to someone who may read it.
    await auditQuestionReads(
      tx,
      actor,
      questionRows.map((r) => ({ question: r.q, shared: r.shared })),
    );
    await audit(
      tx,
      childIdsOf(items).map((id) => ({ action: 'tasks.read', entity: 'child', entityId: id, childId: id })),
    );
    return { items, overdueCount: items.filter((i) => i.overdue).length };
  });
}

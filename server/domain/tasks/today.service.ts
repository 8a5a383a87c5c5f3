import { todayInSweden } from '../../../common/schemas/children.ts';
import { ParticipantResponse } from '../../../common/schemas/meetings.ts';
import { PlanKind } from '../../../common/schemas/plans.ts';
import type { Today, TodayMeeting, TodayPlan } from '../../../common/schemas/tasks.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import { inTurn } from '../../db/in-turn.ts';
import type { Deps } from '../../deps.ts';
import { addDays, startOfDayInSweden } from '../children/dates.ts';
import { isVolunteerOnly } from '../children/scope.ts';
import { openReviewsOf } from '../logreview/service.ts';
import { auditQuestionReads } from '../hub/questions.service.ts';
import { MeetingKind } from '../../../common/schemas/meetings.ts';
import { loadOwn, unreadCountOf } from '../notifications/service.ts';
import { byUrgency, childIdsOf, deadlineTask, decisionTask, questionTask } from './presenter.ts';
import * as repo from './repo.ts';

/** How far ahead the start page looks: an appeal runs three weeks, so deadlines a little more. */
export const HORIZONS = { deadlines: 28, tasks: 7, plans: 14 } as const;
const MEETING_DAYS = 7;

interface MeetingRowOfDay {
  m: repo.MeetingOfDay;
  childName: string | null;
  response: string | null;
}
const NOTICES = 5;

/**
 * The start page's day for the signed-in user, in a handful of statements
 * whatever the number of children: unread and unacknowledged urgent notices
 * (urgent first), the case deadlines of their children, their decisions and
 * questions that are overdue or due soon, their meetings of the coming week and
 * the plans they follow up, and for a manager or tenant admin the log reviews to close. A volunteer holds none of the staff's items and
 * gets their notices and meetings. Audited one row per child named, as the
 * "my children" list is.
 */
export async function myDay(deps: Deps, actor: Actor): Promise<Today> {
  const today = todayInSweden();
  const staff = !isVolunteerOnly(actor);
  const none = () => Promise.resolve([]);
  return deps.db.transaction(async (tx) => {
    const [deadlineRows, decisionRows, questionRows, meetingRows, planRows, proposalRows, reviews] = await inTurn(
      () => (staff ? repo.coreDeadlines(tx, actor, addDays(today, HORIZONS.deadlines)) : none()),
      () => (staff ? repo.ownDecisions(tx, actor, addDays(today, HORIZONS.tasks)) : none()),
      () => (staff ? repo.ownQuestions(tx, actor, addDays(today, HORIZONS.tasks)) : none()),
      () =>
        repo.myMeetingsBetween(tx, actor, startOfDayInSweden(today), startOfDayInSweden(addDays(today, MEETING_DAYS))),
      () => (staff ? repo.plansToFollowUp(tx, actor, addDays(today, HORIZONS.plans)) : none()),
      () => (staff ? repo.myUnresolvedProposals(tx, actor) : none()),
      () => openReviewsOf(tx, actor),
    );
    const notices = await loadOwn(tx, actor, { pending: true }, { limit: NOTICES, offset: 0 });
    const unreadCount = await unreadCountOf(tx, actor);

    const deadlines = deadlineRows.map((r) => deadlineTask(r, today)).sort(byUrgency);
    const due = [
      ...decisionRows.map((r) => decisionTask(r, today)),
      ...questionRows.filter((r) => r.shared).map((r) => questionTask(r, today)),
    ].sort(byUrgency);
    const todayMeeting = ({ m, childName, response }: MeetingRowOfDay): TodayMeeting => ({
      id: m.id,
      kind: MeetingKind.parse(m.kind),
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      status: m.status === 'in_progress' ? 'in_progress' : 'planned',
      child: m.childId && childName ? { id: m.childId, displayName: childName } : null,
      myResponse: response === null ? null : ParticipantResponse.parse(response),
      organiser: m.organiserId === actor.userId,
    });
    const meetings = meetingRows.map(todayMeeting);
    const proposals = proposalRows.map((r) => todayMeeting({ ...r, response: 'accepted' }));
    const plans: TodayPlan[] = planRows.map((p) => ({
      id: p.id,
      kind: PlanKind.parse(p.kind),
      followUpOn: p.followUpOn!,
      overdue: p.followUpOn! < today,
      child: { id: p.childId, displayName: p.childName },
    }));

    await auditQuestionReads(
      tx,
      actor,
      questionRows.map((r) => ({ question: r.q, shared: r.shared })),
    );
    const named = childIdsOf([...deadlines, ...due, ...meetings, ...plans, ...proposals]);
    await audit(
      tx,
      named.map((id) => ({ action: 'today.read', entity: 'child', entityId: id, childId: id })),
    );
    return { today, horizons: HORIZONS, notices, unreadCount, deadlines, due, meetings, plans, proposals, reviews };
  });
}

import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { coreHubRoles, todayInSweden } from '../../../common/schemas/children.ts';
import { DeadlineKind } from '../../../common/schemas/events.ts';
import type { Task, TaskList } from '../../../common/schemas/tasks.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { activeMembership, isVolunteerOnly, visibleChildren } from '../children/scope.ts';
import { children, hubMembers } from '../children/tables.ts';
import { childDeadlines } from '../events/tables.ts';
import { hubQuestions } from '../hub/tables.ts';
import { dayOf } from '../meetings/stockholm.ts';
import { decisions, meetingParticipants, meetings } from '../meetings/tables.ts';
import { inTurn } from '../../db/in-turn.ts';
import { auditQuestionReads } from '../hub/questions.service.ts';
import { questionCols } from '../hub/repo.ts';
import { sharedWith } from '../sharing/rule.ts';

const LIMIT = 500;

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
    // A child's item counts only while the child is in scope; other items only for the meeting's own people.
    const inScope = or(isNull(meetings.childId), visibleChildren(actor));
    const invitedOrOrganiser = or(
      eq(meetings.organiserId, actor.userId),
      sql`exists (select 1 from ${meetingParticipants} where ${and(
        eq(meetingParticipants.meetingId, meetings.id),
        eq(meetingParticipants.userId, actor.userId),
      )})`,
    );
    const [decisionRows, questionRows, invitationRows, deadlineRows] = await inTurn(
      () =>
        tx
          .select({ d: decisions, m: meetings, childName: children.displayName })
          .from(decisions)
          .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
          .leftJoin(children, eq(children.id, decisions.childId))
          .where(
            and(
              eq(decisions.ownerUserId, actor.userId),
              eq(decisions.status, 'open'),
              eq(decisions.tenantId, actor.tenantId),
              inScope,
              or(sql`${meetings.childId} is not null`, invitedOrOrganiser),
            ),
          )
          .limit(LIMIT),
      () =>
        tx
          .select({
            q: hubQuestions,
            childName: children.displayName,
            shared: sharedWith(actor, questionCols, 'hub').mapWith(Boolean),
          })
          .from(hubQuestions)
          .innerJoin(hubMembers, eq(hubMembers.id, hubQuestions.ownerMemberId))
          .innerJoin(children, eq(children.id, hubQuestions.childId))
          .where(
            and(
              eq(hubMembers.userId, actor.userId),
              activeMembership(),
              eq(hubQuestions.status, 'open'),
              visibleChildren(actor),
            ),
          )
          .limit(LIMIT),
      () =>
        tx
          .select({ m: meetings, childName: children.displayName })
          .from(meetingParticipants)
          .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
          .leftJoin(children, eq(children.id, meetings.childId))
          .where(
            and(
              eq(meetingParticipants.userId, actor.userId),
              eq(meetingParticipants.response, 'pending'),
              inArray(meetings.status, ['planned', 'in_progress']),
              gte(meetings.endsAt, new Date()),
              eq(meetings.tenantId, actor.tenantId),
              inScope,
            ),
          )
          .limit(LIMIT),
      () =>
        tx
          .select({ d: childDeadlines, childName: children.displayName })
          .from(childDeadlines)
          .innerJoin(children, eq(children.id, childDeadlines.childId))
          .where(
            and(
              eq(childDeadlines.status, 'open'),
              visibleChildren(actor),
              sql`exists (select 1 from ${hubMembers} where ${and(
                eq(hubMembers.childId, childDeadlines.childId),
                eq(hubMembers.userId, actor.userId),
                inArray(hubMembers.hubRole, [...coreHubRoles]),
                activeMembership(),
              )})`,
            ),
          )
          .limit(LIMIT),
    );
    const today = todayInSweden();
    const child = (id: string | null, name: string | null) => (id && name ? { id, displayName: name } : null);
    const meetingRef = (m: typeof meetings.$inferSelect) => ({
      id: m.id,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
    });
    const items: Task[] = [
      ...decisionRows.map(({ d, m, childName }) => ({
        kind: 'decision' as const,
        id: d.id,
        text: d.text,
        deadlineKind: null,
        dueOn: d.dueOn,
        overdue: d.dueOn < today,
        child: child(d.childId, childName),
        link: `/meetings/${m.id}`,
        meeting: meetingRef(m),
      })),
      ...questionRows
        .filter((r) => r.shared)
        .map(({ q, childName }) => ({
          kind: 'question' as const,
          id: q.id,
          text: q.text,
          deadlineKind: null,
          dueOn: q.dueOn,
          overdue: q.dueOn < today,
          child: child(q.childId, childName),
          link: `/children/${q.childId}`,
          meeting: null,
        })),
      ...invitationRows.map(({ m, childName }) => ({
        kind: 'invitation' as const,
        id: m.id,
        text: m.title,
        deadlineKind: null,
        dueOn: dayOf(m.startsAt),
        overdue: false,
        child: child(m.childId, childName),
        link: `/meetings/${m.id}`,
        meeting: meetingRef(m),
      })),
      ...deadlineRows.map(({ d, childName }) => ({
        kind: 'deadline' as const,
        id: d.id,
        text: d.kind,
        deadlineKind: DeadlineKind.parse(d.kind),
        dueOn: d.dueOn,
        overdue: d.dueOn < today,
        child: child(d.childId, childName),
        link: `/children/${d.childId}`,
        meeting: null,
      })),
    ].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
    // A question stays its owner's even when a withdrawn consent hides it: the withholding is audited, and the
    // social worker, who sees it, can give it to someone who may read it.
    await auditQuestionReads(
      tx,
      actor,
      questionRows.map((r) => ({ question: r.q, shared: r.shared })),
    );
    const childIds = [...new Set(items.map((i) => i.child?.id).filter((id): id is string => Boolean(id)))];
    await audit(
      tx,
      childIds.map((id) => ({ action: 'tasks.read', entity: 'child', entityId: id, childId: id })),
    );
    return { items, overdueCount: items.filter((i) => i.overdue).length };
  });
}

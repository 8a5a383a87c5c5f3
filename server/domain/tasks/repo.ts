/**
 * The queries behind "my tasks" and the start page's day. Each reads across
 * every child of the actor's scope in one statement (never one per child), and
 * every child row passes the scope rule of children/scope.ts: a child outside
 * the actor's scope never appears.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { coreHubRoles } from '../../../common/schemas/children.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { activeMembership, visibleChildren } from '../children/scope.ts';
import { children, hubMembers } from '../children/tables.ts';
import { childDeadlines } from '../events/tables.ts';
import { questionCols } from '../hub/repo.ts';
import { hubQuestions } from '../hub/tables.ts';
import { decisions, meetingParticipants, meetings } from '../meetings/tables.ts';

export type MeetingOfDay = typeof meetings.$inferSelect;
import { plans } from '../plans/tables.ts';
import { sharedWith } from '../sharing/rule.ts';

/** A safety net, not a page size: a user's own open items are far fewer. */
const LIMIT = 500;

/** A child's item counts only while the child is in scope; a meeting without a child only for its own people. */
const meetingInScope = (actor: Actor): SQL => or(isNull(meetings.childId), visibleChildren(actor)) as SQL;

function invitedOrOrganiser(actor: Actor): SQL {
  return or(
    eq(meetings.organiserId, actor.userId),
    sql`exists (select 1 from ${meetingParticipants} where ${and(
      eq(meetingParticipants.meetingId, meetings.id),
      eq(meetingParticipants.userId, actor.userId),
    )})`,
  ) as SQL;
}

/** Open decisions the actor owns, due on or before `dueBy` when given. */
export function ownDecisions(tx: Db, actor: Actor, dueBy?: string) {
  return tx
    .select({ d: decisions, m: meetings, childName: children.displayName })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(children, eq(children.id, decisions.childId))
    .where(
      and(
        eq(decisions.ownerUserId, actor.userId),
        eq(decisions.status, 'open'),
        eq(decisions.tenantId, actor.tenantId),
        meetingInScope(actor),
        or(sql`${meetings.childId} is not null`, invitedOrOrganiser(actor)),
        dueBy ? lte(decisions.dueOn, dueBy) : undefined,
      ),
    )
    .orderBy(asc(decisions.dueOn))
    .limit(LIMIT);
}

/**
 * Open questions for the child the actor holds through an open place in the hub,
 * due on or before `dueBy` when given; `shared` says whether the sharing rule
 * still lets the actor read it (a consent may have ended since).
 */
export function ownQuestions(tx: Db, actor: Actor, dueBy?: string) {
  return tx
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
        dueBy ? lte(hubQuestions.dueOn, dueBy) : undefined,
      ),
    )
    .orderBy(asc(hubQuestions.dueOn))
    .limit(LIMIT);
}

/** Invitations the actor has not answered, to meetings still to come. */
export function pendingInvitations(tx: Db, actor: Actor) {
  return tx
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
        meetingInScope(actor),
      ),
    )
    .limit(LIMIT);
}

/**
 * Open deadlines of the case (appeal, departure, turning 18) of children whose
 * core three the actor is in, the people the deadline reminders go to; due on
 * or before `dueBy` when given.
 */
export function coreDeadlines(tx: Db, actor: Actor, dueBy?: string) {
  return tx
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
        dueBy ? lte(childDeadlines.dueOn, dueBy) : undefined,
      ),
    )
    .orderBy(asc(childDeadlines.dueOn))
    .limit(LIMIT);
}

/**
 * Meetings the actor organises or is invited to that start in [from, to) and are
 * not cancelled or closed, with the actor's answer (null for the organiser who is
 * not also on the list).
 */
export function myMeetingsBetween(tx: Db, actor: Actor, from: Date, to: Date) {
  return tx
    .select({
      m: meetings,
      childName: children.displayName,
      response: sql<string | null>`(select ${meetingParticipants.response} from ${meetingParticipants} where ${and(
        eq(meetingParticipants.meetingId, meetings.id),
        eq(meetingParticipants.userId, actor.userId),
      )})`,
    })
    .from(meetings)
    .leftJoin(children, eq(children.id, meetings.childId))
    .where(
      and(
        eq(meetings.tenantId, actor.tenantId),
        inArray(meetings.status, ['planned', 'in_progress']),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        invitedOrOrganiser(actor),
        meetingInScope(actor),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(LIMIT);
}

/** Meetings Navet proposed that the actor organises and nobody has yet held or cancelled, soonest first. */
export function myUnresolvedProposals(tx: Db, actor: Actor) {
  return tx
    .select({ m: meetings, childName: children.displayName })
    .from(meetings)
    .leftJoin(children, eq(children.id, meetings.childId))
    .where(
      and(
        eq(meetings.tenantId, actor.tenantId),
        eq(meetings.organiserId, actor.userId),
        isNotNull(meetings.proposedByEventId),
        eq(meetings.status, 'planned'),
        meetingInScope(actor),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(LIMIT);
}

/** Plans in force whose follow-up the actor holds, due on or before `dueBy` (passed ones included). */
export function plansToFollowUp(tx: Db, actor: Actor, dueBy: string) {
  return tx
    .select({
      id: plans.id,
      kind: plans.kind,
      status: plans.status,
      childId: plans.childId,
      followUpOn: plans.followUpOn,
      childName: children.displayName,
    })
    .from(plans)
    .innerJoin(children, eq(children.id, plans.childId))
    .where(
      and(
        eq(plans.followUpUserId, actor.userId),
        inArray(plans.status, ['active', 'follow_up']),
        lte(plans.followUpOn, dueBy),
        visibleChildren(actor),
      ),
    )
    .orderBy(asc(plans.followUpOn))
    .limit(LIMIT);
}

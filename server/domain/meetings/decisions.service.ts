import { and, asc, eq } from 'drizzle-orm';
import type { Decision, DecisionBody, DecisionList, DecisionPatch } from '../../../common/schemas/meetings.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';
import { errors, type Issue } from '../../errors.ts';
import { loadAccess } from '../children/access.ts';
import { isCoreMember, isOpenCase } from '../children/policy.ts';
import { addDays } from '../children/dates.ts';
import { scheduleDecisionReminder } from './notices.ts';
import {
  authorize,
  authorizeChildRead,
  authorizeEditDecision,
  canEditDecision,
  loadMeeting,
  type MeetingAccess,
} from './policy.ts';
import { isOverdue, presentDecision } from './presenter.ts';
import * as repo from './repo.ts';
import { dayOf } from './stockholm.ts';
import { agendaItems, decisions } from './tables.ts';
import { ownerIssues } from './validate.ts';
import { inTurn } from '../../db/in-turn.ts';

/** A due date lies on or after the meeting's day, and within three years of it. */
function dueIssues(m: MeetingAccess, dueOn: string | undefined): Issue[] {
  if (dueOn === undefined) return [];
  const day = dayOf(m.meeting.startsAt);
  if (dueOn < day) return [{ path: 'body.dueOn', message: 'The due date cannot be before the meeting.' }];
  if (dueOn > addDays(day, 3 * 365)) return [{ path: 'body.dueOn', message: 'Choose a date within three years.' }];
  return [];
}

async function present(tx: Db, m: MeetingAccess, d: repo.DecisionRow): Promise<Decision> {
  const names = await repo.userNames(tx, [d.ownerUserId]);
  return presentDecision(d, names, m.meeting.title, canEditDecision(m, d.ownerUserId));
}

export async function createDecision(deps: Deps, actor: Actor, id: string, body: DecisionBody): Promise<Decision> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'write');
    const issues = [...ownerIssues(m, body.ownerUserId, 'body.ownerUserId'), ...dueIssues(m, body.dueOn)];
    if (body.agendaItemId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, body.agendaItemId), eq(agendaItems.meetingId, id)));
      if (!item) issues.push({ path: 'body.agendaItemId', message: 'No such item on this meeting’s agenda.' });
    }
    if (issues.length > 0) throw errors.validation(issues);
    const [row] = await tx
      .insert(decisions)
      .values({
        tenantId: actor.tenantId,
        meetingId: id,
        childId: m.meeting.childId,
        agendaItemId: body.agendaItemId,
        text: body.text,
        ownerUserId: body.ownerUserId,
        dueOn: body.dueOn,
        createdBy: actor.userId,
      })
      .returning();
    await audit(tx, {
      action: 'meeting.decision_recorded',
      entity: 'decision',
      entityId: row!.id,
      childId: m.meeting.childId,
      detail: { meetingId: id, dueOn: body.dueOn },
    });
    await scheduleDecisionReminder(tx, row!);
    return present(tx, m, row!);
  });
}

export async function updateDecision(
  deps: Deps,
  actor: Actor,
  decisionId: string,
  body: DecisionPatch,
): Promise<Decision> {
  return deps.db.transaction(async (tx) => {
    const d = await repo.findDecision(tx, actor.tenantId, decisionId);
    if (!d) throw errors.notFound('decision');
    let m: MeetingAccess;
    try {
      m = await loadMeeting(tx, actor, d.meetingId);
    } catch {
      throw errors.notFound('decision');
    }
    authorizeEditDecision(m, d.ownerUserId);
    const status = body.status ?? d.status;
    const issues = [...ownerIssues(m, body.ownerUserId, 'body.ownerUserId'), ...dueIssues(m, body.dueOn)];
    if (status === 'dropped' && !body.dropReason && !(d.status === 'dropped' && d.dropReason))
      issues.push({ path: 'body.dropReason', message: 'Say why the decision is dropped.' });
    if (issues.length > 0) throw errors.validation(issues);
    const closing = status !== 'open' && d.status === 'open';
    const [row] = await tx
      .update(decisions)
      .set({
        ...(body.text !== undefined ? { text: body.text } : {}),
        ...(body.ownerUserId !== undefined ? { ownerUserId: body.ownerUserId } : {}),
        ...(body.dueOn !== undefined ? { dueOn: body.dueOn } : {}),
        status,
        dropReason: status === 'dropped' ? (body.dropReason ?? d.dropReason) : null,
        closedAt: status === 'open' ? null : closing ? new Date() : d.closedAt,
        updatedAt: new Date(),
      })
      .where(eq(decisions.id, decisionId))
      .returning();
    // Done by the due date is a follow-up figure: rebuilt within the minute when the status changes.
    if (status !== d.status) await rollupAfterWrite(tx, actor.tenantId);
    await audit(tx, {
      action: 'decision.updated',
      entity: 'decision',
      entityId: decisionId,
      childId: d.childId,
      detail: { status, fields: Object.keys(body).sort() },
    });
    await scheduleDecisionReminder(tx, row!);
    return present(tx, m, row!);
  });
}

/** A child's decisions across its meetings; open ones by default, overdue ones counted. */
export async function childDecisions(
  deps: Deps,
  actor: Actor,
  childId: string,
  status: 'open' | 'done' | 'dropped' | 'all',
): Promise<DecisionList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeChildRead(a);
    const rows = await tx
      .select()
      .from(decisions)
      .where(and(eq(decisions.childId, childId), status === 'all' ? undefined : eq(decisions.status, status)))
      .orderBy(asc(decisions.dueOn), asc(decisions.createdAt))
      .limit(500);
    const [names, titles] = await inTurn(
      () =>
        repo.userNames(
          tx,
          rows.map((d) => d.ownerUserId),
        ),
      () => repo.meetingTitles(tx, [...new Set(rows.map((d) => d.meetingId))]),
    );
    await audit(tx, { action: 'decision.list_read', entity: 'child', entityId: childId, childId });
    const canEdit = (owner: string) => isOpenCase(a) && (owner === actor.userId || isCoreMember(a));
    return {
      items: rows.map((d) => presentDecision(d, names, titles.get(d.meetingId) ?? '', canEdit(d.ownerUserId))),
      overdueCount: rows.filter((d) => isOverdue(d)).length,
    };
  });
}

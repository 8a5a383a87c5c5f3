import { and, eq, max } from 'drizzle-orm';
import type {
  AgendaItemBody,
  AgendaItemPatch,
  AmendmentBody,
  Meeting,
  Minutes,
  MinutesBody,
} from '../../../common/schemas/meetings.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { authorize, authorizeAmend, loadMeeting, type MeetingAccess } from './policy.ts';
import { presentMeeting } from './presenter.ts';
import * as repo from './repo.ts';
import { agendaItems, decisions, meetings, minuteAmendments } from './tables.ts';
import { ownerIssues } from './validate.ts';
import type { Db } from '../../db/connect.ts';

function agendaAudit(tx: Db, m: MeetingAccess, what: 'added' | 'changed' | 'removed', itemId: string) {
  return audit(tx, {
    action: 'meeting.agenda_changed',
    entity: 'meeting',
    entityId: m.meeting.id,
    childId: m.meeting.childId,
    detail: { change: what, itemId },
  });
}

export async function addAgendaItem(deps: Deps, actor: Actor, id: string, body: AgendaItemBody): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'write');
    const issues = ownerIssues(m, body.ownerUserId, 'body.ownerUserId');
    if (issues.length > 0) throw errors.validation(issues);
    // Two items added at once would both take the next position: the meeting's row lock serialises them.
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id)).for('update');
    const [last] = await tx
      .select({ n: max(agendaItems.position) })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, id));
    const [row] = await tx
      .insert(agendaItems)
      .values({
        tenantId: actor.tenantId,
        meetingId: id,
        position: (last?.n ?? -1) + 1,
        title: body.title,
        ownerUserId: body.ownerUserId,
        childPresent: body.childPresent,
      })
      .returning();
    await agendaAudit(tx, m, 'added', row!.id);
    return presentMeeting(tx, m);
  });
}

async function findItem(tx: Db, m: MeetingAccess, itemId: string) {
  const [item] = await tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, m.meeting.id)));
  if (!item) throw errors.notFound('agenda item');
  return item;
}

export async function updateAgendaItem(
  deps: Deps,
  actor: Actor,
  id: string,
  itemId: string,
  body: AgendaItemPatch,
): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'write');
    await findItem(tx, m, itemId);
    const issues = ownerIssues(m, body.ownerUserId, 'body.ownerUserId');
    if (issues.length > 0) throw errors.validation(issues);
    await tx
      .update(agendaItems)
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.ownerUserId !== undefined ? { ownerUserId: body.ownerUserId } : {}),
        ...(body.childPresent !== undefined ? { childPresent: body.childPresent } : {}),
        ...(body.position !== undefined ? { position: body.position } : {}),
      })
      .where(eq(agendaItems.id, itemId));
    await agendaAudit(tx, m, 'changed', itemId);
    return presentMeeting(tx, m);
  });
}

/** Removes an item; decisions taken under it stay, no longer tied to an item. */
export async function removeAgendaItem(deps: Deps, actor: Actor, id: string, itemId: string): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'write');
    await findItem(tx, m, itemId);
    await tx.update(decisions).set({ agendaItemId: null }).where(eq(decisions.agendaItemId, itemId));
    await tx.delete(agendaItems).where(eq(agendaItems.id, itemId));
    await agendaAudit(tx, m, 'removed', itemId);
    return presentMeeting(tx, m);
  });
}

export type MinutesResult = { ok: true; minutes: Minutes } | { ok: false; current: Minutes };

/**
 * Saves the minutes if nobody saved since the editor read them. A stale
 * version changes nothing and returns the text as it is now, so the editor
 * can merge their draft into it: no one's text is lost silently.
 */
export async function saveMinutes(deps: Deps, actor: Actor, id: string, body: MinutesBody): Promise<MinutesResult> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'write');
    const [row] = await tx
      .update(meetings)
      .set({
        minutes: body.text,
        minutesVersion: body.version + 1,
        minutesUpdatedAt: new Date(),
        minutesUpdatedBy: actor.userId,
      })
      .where(and(eq(meetings.id, id), eq(meetings.minutesVersion, body.version)))
      .returning();
    const current = row ?? m.meeting;
    const names = await repo.userNames(tx, [current.minutesUpdatedBy]);
    const minutes: Minutes = {
      text: current.minutes,
      version: current.minutesVersion,
      updatedAt: current.minutesUpdatedAt?.toISOString() ?? null,
      updatedBy: current.minutesUpdatedBy
        ? { userId: current.minutesUpdatedBy, displayName: names.get(current.minutesUpdatedBy) ?? '—' }
        : null,
    };
    await audit(tx, {
      action: row ? 'meeting.minutes_saved' : 'meeting.read',
      entity: 'meeting',
      entityId: id,
      childId: m.meeting.childId,
      detail: row ? { version: row.minutesVersion } : { minutesConflict: true },
    });
    return row ? { ok: true, minutes } : { ok: false, current: minutes };
  });
}

/** After the meeting closed, the minutes stand; what is added later is a dated, signed amendment. */
export async function addAmendment(deps: Deps, actor: Actor, id: string, body: AmendmentBody): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorizeAmend(m);
    const [row] = await tx
      .insert(minuteAmendments)
      .values({ tenantId: actor.tenantId, meetingId: id, text: body.text, authorId: actor.userId })
      .returning();
    await audit(tx, {
      action: 'meeting.amended',
      entity: 'meeting',
      entityId: id,
      childId: m.meeting.childId,
      detail: { amendmentId: row!.id },
    });
    return presentMeeting(tx, m);
  });
}

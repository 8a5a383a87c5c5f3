import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  childMeetingKinds,
  type CancelBody,
  type Meeting,
  type MeetingBody,
  type MeetingList,
  type MeetingPatch,
} from '../../../common/schemas/meetings.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { accessFrom, loadAccess, type ChildAccess } from '../children/access.ts';
import * as childRepo from '../children/repo.ts';
import { loadCollaborationAccess } from '../collaboration/access.ts';
import { linkFirstHubMeeting, tickFirstMeetingHeld } from './drafts.ts';
import { tellAboutMeeting } from './notices.ts';
import { authorize, authorizeChildRead, authorizeSchedule, canSchedule, loadMeeting } from './policy.ts';
import { presentMeeting, presentSummary } from './presenter.ts';
import * as repo from './repo.ts';
import { decisions, meetingParticipants, meetings } from './tables.ts';
import { toLocal } from './stockholm.ts';
import { inviteeIssues, timeIssues } from './validate.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';

export type WriteResult = { ok: true; meeting: Meeting } | { ok: false; current: Meeting };

/** The child of a child's meeting, scope-checked (404), or the issue of a missing or misplaced child id. */
async function childFor(tx: Db, actor: Actor, body: MeetingBody): Promise<ChildAccess | null> {
  const forChild = childMeetingKinds.includes(body.kind);
  if (forChild && !body.childId)
    throw errors.validation([{ path: 'body.childId', message: 'A meeting of this kind is about one child.' }]);
  if (!forChild && body.childId)
    throw errors.validation([{ path: 'body.childId', message: 'A meeting of this kind is not about one child.' }]);
  if (!forChild && body.collaborationId && !(await loadCollaborationAccess(tx, actor, body.collaborationId)))
    throw errors.validation([{ path: 'body.collaborationId', message: 'No such collaboration.' }]);
  if (forChild && body.collaborationId)
    throw errors.validation([
      { path: 'body.collaborationId', message: 'A child’s meeting belongs to no collaboration.' },
    ]);
  if (!body.childId) return null;
  const row = await childRepo.findVisible(tx, actor, body.childId);
  if (!row) throw errors.notFound('child');
  return accessFrom(actor, row, await childRepo.activeHubMembers(tx, [row.id]));
}

export async function createMeeting(deps: Deps, actor: Actor, body: MeetingBody): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const child = await childFor(tx, actor, body);
    authorizeSchedule(actor, child);
    const times = timeIssues(body.startsAt, body.endsAt);
    const invitees = body.inviteeUserIds.filter((id) => id !== actor.userId);
    const issues: Issue[] = [
      ...times.issues,
      ...(await inviteeIssues(tx, actor, child, body.inviteeUserIds, 'body.inviteeUserIds')),
    ];
    if (issues.length > 0) throw errors.validation(issues);
    const [row] = await tx
      .insert(meetings)
      .values({
        tenantId: actor.tenantId,
        kind: body.kind,
        childId: body.childId,
        collaborationId: body.collaborationId ?? null,
        title: body.title,
        startsAt: times.start!,
        endsAt: times.end!,
        location: body.location,
        videoLink: body.videoLink,
        organiserId: actor.userId,
        childParticipation: body.childParticipation,
        childWishes: body.childWishes,
      })
      .returning();
    const meeting = row!;
    await repo.insertParticipants(tx, [
      {
        tenantId: actor.tenantId,
        meetingId: meeting.id,
        userId: actor.userId,
        response: 'accepted',
        respondedAt: new Date(),
      },
      ...invitees.map((userId) => ({ tenantId: actor.tenantId, meetingId: meeting.id, userId })),
      ...body.guests.map((g) => ({
        tenantId: actor.tenantId,
        meetingId: meeting.id,
        guestName: g.name,
        guestOrganisation: g.organisation,
      })),
    ]);
    await audit(tx, {
      action: 'meeting.created',
      entity: 'meeting',
      entityId: meeting.id,
      childId: meeting.childId,
      detail: { kind: meeting.kind, invited: invitees.length, guests: body.guests.length },
    });
    await linkFirstHubMeeting(tx, meeting);
    await tellAboutMeeting(tx, meeting, 'meeting.invited', invitees, actor.userId);
    return presentMeeting(tx, await loadMeeting(tx, actor, meeting.id));
  });
}

export async function getMeeting(deps: Deps, actor: Actor, id: string): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'read');
    await audit(tx, { action: 'meeting.read', entity: 'meeting', entityId: id, childId: m.meeting.childId });
    return presentMeeting(tx, m);
  });
}

const calendarFields = ['startsAt', 'endsAt', 'location', 'videoLink'] as const;

export async function updateMeeting(deps: Deps, actor: Actor, id: string, body: MeetingPatch): Promise<WriteResult> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'manage');
    const row = m.meeting;
    const { version, startsAt, endsAt, ...plain } = body;
    const times =
      startsAt !== undefined || endsAt !== undefined
        ? timeIssues(startsAt ?? toLocal(row.startsAt), endsAt ?? toLocal(row.endsAt))
        : null;
    if (times && times.issues.length > 0) throw errors.validation(times.issues);
    const patch: Partial<typeof meetings.$inferInsert> = { ...stripUndefined(plain) };
    if (times) Object.assign(patch, { startsAt: times.start!, endsAt: times.end! });
    const changed = Object.keys(patch).filter(
      (k) => JSON.stringify(patch[k as keyof typeof patch]) !== JSON.stringify(row[k as keyof repo.MeetingRow]),
    );
    const forCalendar = changed.some((k) => (calendarFields as readonly string[]).includes(k));
    if (forCalendar) patch.sequence = row.sequence + 1;
    const updated = await repo.updateMeetingVersioned(tx, id, version, patch);
    if (!updated) {
      await audit(tx, { action: 'meeting.read', entity: 'meeting', entityId: id, childId: row.childId });
      return { ok: false, current: await presentMeeting(tx, m) };
    }
    await audit(tx, {
      action: 'meeting.updated',
      entity: 'meeting',
      entityId: id,
      childId: row.childId,
      detail: { fields: changed.sort() },
    });
    if (forCalendar)
      await tellAboutMeeting(
        tx,
        updated,
        'meeting.changed',
        m.participants.filter((p) => p.response !== 'declined').map((p) => p.userId),
        actor.userId,
      );
    return { ok: true, meeting: await presentMeeting(tx, { ...m, meeting: updated }) };
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

type Transition = 'start' | 'close' | 'cancel';

/** Status changes: start (held now), close (minutes final), cancel (with a reason). */
export async function transition(
  deps: Deps,
  actor: Actor,
  id: string,
  to: Transition,
  body?: CancelBody,
): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'manage');
    const row = m.meeting;
    const patch: Partial<typeof meetings.$inferInsert> =
      to === 'start'
        ? { status: 'in_progress' }
        : to === 'close'
          ? { status: 'closed', closedAt: new Date() }
          : { status: 'cancelled', cancelReason: body?.reason ?? null, sequence: row.sequence + 1 };
    const updated = row.status === patch.status ? row : await repo.updateMeeting(tx, row, patch);
    // A child's meeting held or cancelled changes the follow-up figures (first meeting, participation).
    if (row.childId && to !== 'start') await rollupAfterWrite(tx, row.tenantId);
    await audit(tx, {
      action: `meeting.${to === 'start' ? 'started' : to === 'close' ? 'closed' : 'cancelled'}`,
      entity: 'meeting',
      entityId: id,
      childId: row.childId,
    });
    if (to !== 'cancel') await tickFirstMeetingHeld(tx, updated, actor.userId);
    if (to === 'cancel')
      await tellAboutMeeting(
        tx,
        updated,
        'meeting.cancelled',
        m.participants.map((p) => p.userId),
        actor.userId,
      );
    return presentMeeting(tx, { ...m, meeting: updated });
  });
}

/** A child's meetings: upcoming (planned or under way, soonest first) or past (closed or cancelled, newest first). */
export async function childMeetings(
  deps: Deps,
  actor: Actor,
  childId: string,
  when: 'upcoming' | 'past' | 'all',
): Promise<MeetingList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeChildRead(a);
    const statuses =
      when === 'upcoming' ? ['planned', 'in_progress'] : when === 'past' ? ['closed', 'cancelled'] : null;
    const rows = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.childId, childId), statuses ? inArray(meetings.status, statuses) : undefined))
      .orderBy(when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt))
      .limit(200);
    const ids = rows.map((r) => r.id);
    const open = ids.length
      ? await tx
          .select({ meetingId: decisions.meetingId })
          .from(decisions)
          .where(and(inArray(decisions.meetingId, ids), eq(decisions.status, 'open')))
      : [];
    const mine = ids.length
      ? await tx
          .select()
          .from(meetingParticipants)
          .where(and(inArray(meetingParticipants.meetingId, ids), eq(meetingParticipants.userId, actor.userId)))
      : [];
    await audit(tx, { action: 'meeting.list_read', entity: 'child', entityId: childId, childId });
    return {
      items: rows.map((r) =>
        presentSummary(
          r,
          open.filter((d) => d.meetingId === r.id).length,
          mine.find((p) => p.meetingId === r.id),
        ),
      ),
      abilities: { schedule: canSchedule(actor, a) },
    };
  });
}

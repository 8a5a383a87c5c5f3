import { and, eq } from 'drizzle-orm';
import type { AttendanceBody, InviteBody, Meeting, ResponseBody } from '../../../common/schemas/meetings.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { tellAboutMeeting } from './notices.ts';
import { authorize, authorizeAttendance, loadMeeting } from './policy.ts';
import { presentMeeting } from './presenter.ts';
import * as repo from './repo.ts';
import { meetingParticipants } from './tables.ts';
import { inviteeIssues } from './validate.ts';

/** Invites more people: users (told through their notifications) and named guests. */
export async function invite(deps: Deps, actor: Actor, id: string, body: InviteBody): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'manage');
    const issues = await inviteeIssues(tx, actor, m.child, body.userIds, 'body.userIds');
    const already = new Set(m.participants.map((p) => p.userId));
    body.userIds.forEach((u, i) => {
      if (already.has(u)) issues.push({ path: `body.userIds.${i}`, message: 'Already invited.' });
    });
    if (body.userIds.length === 0 && body.guests.length === 0)
      issues.push({ path: 'body.userIds', message: 'Name at least one person to invite.' });
    if (issues.length > 0) throw errors.validation(issues);
    const added = await repo.insertParticipants(tx, [
      ...body.userIds.map((userId) => ({ tenantId: actor.tenantId, meetingId: id, userId })),
      ...body.guests.map((g) => ({
        tenantId: actor.tenantId,
        meetingId: id,
        guestName: g.name,
        guestOrganisation: g.organisation,
      })),
    ]);
    await audit(tx, {
      action: 'meeting.participants_added',
      entity: 'meeting',
      entityId: id,
      childId: m.meeting.childId,
      detail: { users: body.userIds.length, guests: body.guests.length },
    });
    await tellAboutMeeting(tx, m.meeting, 'meeting.invited', body.userIds, actor.userId);
    return presentMeeting(tx, { ...m, participants: [...m.participants, ...added] });
  });
}

/** Withdraws an invitation. The organiser stays: hand the meeting over by cancelling and rescheduling. */
export async function removeParticipant(deps: Deps, actor: Actor, id: string, participantId: string): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'manage');
    const p = m.participants.find((x) => x.id === participantId);
    if (!p) throw errors.notFound('participant');
    if (p.userId === m.meeting.organiserId)
      throw errors.conflict('organiser_stays', 'The organiser cannot be removed from their own meeting.');
    await tx.delete(meetingParticipants).where(eq(meetingParticipants.id, participantId));
    await audit(tx, {
      action: 'meeting.participant_removed',
      entity: 'meeting',
      entityId: id,
      childId: m.meeting.childId,
      detail: { guest: p.userId === null },
    });
    await tellAboutMeeting(tx, m.meeting, 'meeting.cancelled', [p.userId], actor.userId);
    const participants = m.participants.filter((x) => x.id !== participantId);
    return presentMeeting(tx, { ...m, participants, mine: participants.find((x) => x.userId === actor.userId) });
  });
}

/** The invitee's own answer: accepted, tentative or declined. */
export async function respond(deps: Deps, actor: Actor, id: string, body: ResponseBody): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    if (!m.mine) throw errors.forbidden('You are not invited to this meeting.');
    authorize(m, 'respond');
    const [row] = await tx
      .update(meetingParticipants)
      .set({ response: body.response, respondedAt: new Date() })
      .where(eq(meetingParticipants.id, m.mine.id))
      .returning();
    await audit(tx, {
      action: 'meeting.responded',
      entity: 'meeting',
      entityId: id,
      childId: m.meeting.childId,
      detail: { response: body.response },
    });
    const participants = m.participants.map((p) => (p.id === row!.id ? row! : p));
    return presentMeeting(tx, { ...m, participants, mine: row! });
  });
}

/**
 * Who came, recorded by the organiser (or the child's social worker) once the meeting has started:
 * after it, invitees who never answered are no longer "not answered" but present or absent.
 */
export async function recordAttendance(deps: Deps, actor: Actor, id: string, body: AttendanceBody): Promise<Meeting> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorizeAttendance(m);
    const known = new Set(m.participants.map((p) => p.id));
    const seen = new Set<string>();
    const issues: { path: string; message: string }[] = [];
    body.attendance.forEach((a, i) => {
      if (!known.has(a.participantId))
        issues.push({ path: `body.attendance.${i}.participantId`, message: 'Not a participant of this meeting.' });
      else if (seen.has(a.participantId))
        issues.push({ path: `body.attendance.${i}.participantId`, message: 'Named twice.' });
      seen.add(a.participantId);
    });
    if (issues.length > 0) throw errors.validation(issues);
    const changed = new Map<string, boolean>();
    for (const a of body.attendance) {
      await tx
        .update(meetingParticipants)
        .set({ attended: a.attended })
        .where(and(eq(meetingParticipants.id, a.participantId), eq(meetingParticipants.meetingId, id)));
      changed.set(a.participantId, a.attended);
    }
    await audit(tx, {
      action: 'meeting.attendance_recorded',
      entity: 'meeting',
      entityId: id,
      childId: m.meeting.childId,
      detail: {
        present: body.attendance.filter((a) => a.attended).length,
        absent: body.attendance.filter((a) => !a.attended).length,
      },
    });
    const participants = m.participants.map((p) => (changed.has(p.id) ? { ...p, attended: changed.get(p.id)! } : p));
    return presentMeeting(tx, { ...m, participants, mine: participants.find((x) => x.userId === actor.userId) });
  });
}

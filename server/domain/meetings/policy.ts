import { childMeetingKinds, type MeetingAbilities, type MeetingKind } from '../../../common/schemas/meetings.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { errors } from '../../errors.ts';
import { accessFrom, type ChildAccess } from '../children/access.ts';
import { loadCollaborationAccess, type CollaborationAccess } from '../collaboration/access.ts';
import { isVolunteerOnly } from '../children/scope.ts';
import { childClosed, hasHubRole, isCoreMember, isOpenCase, isStaffMember, seesInFull } from '../children/policy.ts';
import * as childRepo from '../children/repo.ts';
import * as repo from './repo.ts';

/**
 * Everything a rule about one meeting needs. For a child's meeting the
 * child's access (scope already checked); for the other kinds, scope is
 * being the organiser or an invited user.
 */
export interface MeetingAccess {
  actor: Actor;
  meeting: repo.MeetingRow;
  child: ChildAccess | null;
  participants: repo.ParticipantRow[];
  /** The actor's own invitation, if any. */
  mine: repo.ParticipantRow | undefined;
  /** For a collaboration's meeting: the actor's place in the collaboration. */
  collaboration: CollaborationAccess | null;
}

export const isChildKind = (kind: MeetingKind): boolean => childMeetingKinds.includes(kind);

/** The meeting if the actor may know of it; 404 otherwise, whether it exists or not. */
export async function loadMeeting(tx: Db, actor: Actor, id: string): Promise<MeetingAccess> {
  const meeting = (await repo.findMeeting(tx, actor.tenantId, id)) ?? (await repo.findCollaborationMeeting(tx, id));
  if (!meeting) throw errors.notFound('meeting');
  // A collaboration's meeting is visible to the staff of its municipalities, whichever organised it.
  const collaboration =
    meeting.collaborationId && !isVolunteerOnly(actor)
      ? await loadCollaborationAccess(tx, actor, meeting.collaborationId)
      : null;
  if (meeting.tenantId !== actor.tenantId && !collaboration) throw errors.notFound('meeting');
  const participants = await repo.participantsOf(tx, id);
  const mine = participants.find((p) => p.userId === actor.userId);
  let child: ChildAccess | null = null;
  if (meeting.childId) {
    const row = await childRepo.findVisible(tx, actor, meeting.childId);
    if (!row) throw errors.notFound('meeting');
    child = accessFrom(actor, row, await childRepo.activeHubMembers(tx, [row.id]));
  } else if (meeting.organiserId !== actor.userId && !mine && !collaboration) {
    throw errors.notFound('meeting');
  }
  return { actor, meeting, child, participants, mine, collaboration };
}

const isOrganiser = (m: MeetingAccess) => m.meeting.organiserId === m.actor.userId;
const isInvited = (m: MeetingAccess) => isOrganiser(m) || m.mine !== undefined;
/** The coordinators and the level's representatives run a collaboration's meetings with the invited. */
const runsLevel = (m: MeetingAccess) => {
  const c = m.collaboration;
  if (!c) return false;
  const rep = m.meeting.kind === 'strategic' ? 'strategic_representative' : 'operational_representative';
  return hasRole(m.actor, 'coordinator') || c.personRoles.includes('coordinator') || c.personRoles.includes(rep);
};
const isInvitedOrRuns = (m: MeetingAccess) => isInvited(m) || runsLevel(m);

/** Who may do what with a meeting they can see. Closed cases and finished meetings refuse writes on top. */
const rules = {
  /** Civil society sees the hub, not its meetings: they take part as named guests. */
  read: (m: MeetingAccess) => (m.child ? seesInFull(m.child) : true),
  manage: (m: MeetingAccess) => isOrganiser(m) || (m.child !== null && hasHubRole(m.child, 'social_worker')),
  respond: (m: MeetingAccess) => m.mine !== undefined,
  /** Agenda, minutes, decisions: the hub's staff for a child's meeting, the invited for the others. */
  write: (m: MeetingAccess) => (m.child ? isStaffMember(m.child) : isInvitedOrRuns(m)),
};

export type MeetingAction = keyof typeof rules;

export const meetingClosed = () =>
  errors.conflict('meeting_closed', 'The meeting is closed: add an amendment to its minutes instead.');
export const meetingCancelled = () => errors.conflict('meeting_cancelled', 'The meeting is cancelled.');
export const meetingNotClosed = () =>
  errors.conflict('meeting_not_closed', 'Amendments are for closed meetings; edit the minutes instead.');

const finished = (m: MeetingAccess) => m.meeting.status === 'closed' || m.meeting.status === 'cancelled';
const caseOpen = (m: MeetingAccess) => !m.child || isOpenCase(m.child);

export function can(m: MeetingAccess, action: MeetingAction): boolean {
  if (!rules[action](m)) return false;
  return action === 'read' || (caseOpen(m) && !finished(m));
}

/**
 * 403 when the rule says no, then 409 when the rule allows it but the case
 * or the meeting no longer takes the change.
 */
export function authorize(m: MeetingAccess, action: MeetingAction): void {
  if (!rules.read(m) || !rules[action](m)) throw errors.forbidden();
  if (action === 'read') return;
  if (!caseOpen(m)) throw childClosed();
  if (m.meeting.status === 'cancelled') throw meetingCancelled();
  if (m.meeting.status === 'closed') throw meetingClosed();
}

/** Amendments: the same people as the minutes, only once the meeting is closed. */
export function authorizeAmend(m: MeetingAccess): void {
  if (!rules.read(m) || !rules.write(m)) throw errors.forbidden();
  if (!caseOpen(m)) throw childClosed();
  if (m.meeting.status !== 'closed') throw meetingNotClosed();
}

/** Attendance: those who manage the meeting, once it has started, during it and after it is closed. */
export function authorizeAttendance(m: MeetingAccess): void {
  if (!rules.read(m) || !rules.manage(m)) throw errors.forbidden();
  if (!caseOpen(m)) throw childClosed();
  if (m.meeting.status === 'cancelled') throw meetingCancelled();
  if (m.meeting.status === 'planned')
    throw errors.conflict('meeting_not_started', 'Attendance is recorded once the meeting has started.');
}

const canAttendance = (m: MeetingAccess) =>
  rules.read(m) && rules.manage(m) && caseOpen(m) && ['in_progress', 'closed'].includes(m.meeting.status);

export function abilitiesOf(m: MeetingAccess): MeetingAbilities {
  return {
    manage: can(m, 'manage'),
    respond: can(m, 'respond'),
    write: can(m, 'write'),
    amend: rules.write(m) && caseOpen(m) && m.meeting.status === 'closed',
    attendance: canAttendance(m),
  };
}

/** Scheduling a child's meeting: the core three. Other kinds: coordinators and managers. */
export function canSchedule(actor: Actor, child: ChildAccess | null): boolean {
  if (child) return isCoreMember(child) && isOpenCase(child);
  return hasRole(actor, 'coordinator', 'manager');
}

export function authorizeSchedule(actor: Actor, child: ChildAccess | null): void {
  if (child && isCoreMember(child) && !isOpenCase(child)) throw childClosed();
  if (!canSchedule(actor, child)) throw errors.forbidden('Only the core three schedule the child’s meetings.');
}

/** A decision: its owner reports on it; the core three (or the meeting's writers, for other kinds) may change it. */
export function canEditDecision(m: MeetingAccess, ownerUserId: string): boolean {
  if (!rules.read(m) || !caseOpen(m)) return false;
  if (ownerUserId === m.actor.userId) return true;
  return m.child ? isCoreMember(m.child) : isInvitedOrRuns(m);
}

export function authorizeEditDecision(m: MeetingAccess, ownerUserId: string): void {
  if (!rules.read(m)) throw errors.forbidden();
  const allowed = ownerUserId === m.actor.userId || (m.child ? isCoreMember(m.child) : isInvitedOrRuns(m));
  if (!allowed) throw errors.forbidden('Only the decision’s owner or the core three change it.');
  if (!caseOpen(m)) throw childClosed();
}

/** Lists of a child's meetings and decisions: anyone who sees the child in full. */
export function authorizeChildRead(a: ChildAccess): void {
  if (!seesInFull(a)) throw errors.forbidden();
}

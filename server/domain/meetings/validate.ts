import { MEETING_MAX_MINUTES } from '../../../common/schemas/meetings.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Issue } from '../../errors.ts';
import type { ChildAccess } from '../children/access.ts';
import type { MeetingAccess } from './policy.ts';
import * as repo from './repo.ts';
import { fromLocal } from './stockholm.ts';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Start and end as instants, with the issues of the pair. A meeting may lie
 * in the past (minutes of a meeting held before it was entered), but not
 * absurdly far either way.
 */
export function timeIssues(
  startsLocal: string,
  endsLocal: string,
  now = new Date(),
): { issues: Issue[]; start: Date | null; end: Date | null } {
  const issues: Issue[] = [];
  const start = fromLocal(startsLocal);
  const end = fromLocal(endsLocal);
  const gap = 'This time does not exist in Sweden: the clocks go forward that night.';
  if (!start) issues.push({ path: 'body.startsAt', message: gap });
  if (!end) issues.push({ path: 'body.endsAt', message: gap });
  if (start && Math.abs(start.getTime() - now.getTime()) > 3 * YEAR_MS)
    issues.push({ path: 'body.startsAt', message: 'Choose a time within three years of today.' });
  if (start && end) {
    const minutes = (end.getTime() - start.getTime()) / 60_000;
    if (minutes <= 0) issues.push({ path: 'body.endsAt', message: 'The meeting must end after it starts.' });
    else if (minutes > MEETING_MAX_MINUTES)
      issues.push({ path: 'body.endsAt', message: 'A meeting lasts at most 12 hours.' });
  }
  return { issues, start, end };
}

/**
 * Users who may be invited. For a child's meeting: the hub's active staff
 * (civil society joins as named guests, since it does not see the meeting's
 * content). For the other kinds: users of the municipality with a staff role.
 */
export async function inviteeIssues(
  tx: Db,
  actor: Actor,
  child: ChildAccess | null,
  userIds: string[],
  path: string,
): Promise<Issue[]> {
  const allowed = child
    ? new Set(child.members.filter((m) => m.hubRole !== 'civil_society').map((m) => m.userId))
    : await repo.activeStaffUsers(tx, actor.tenantId, userIds);
  const issues: Issue[] = [];
  userIds.forEach((id, i) => {
    if (!allowed.has(id))
      issues.push({
        path: `${path}.${i}`,
        message: child ? 'Invite staff of the child’s hub; others as guests by name.' : 'No such colleague.',
      });
    else if (userIds.indexOf(id) !== i) issues.push({ path: `${path}.${i}`, message: 'Invited twice.' });
  });
  return issues;
}

/**
 * Owners of agenda items and decisions. For a child's meeting: an active
 * staff member of the hub (who can then see what they own); for the other
 * kinds: the organiser or an invited user. Never "someone".
 */
export function ownerIssues(m: MeetingAccess, ownerUserId: string | undefined, path: string): Issue[] {
  if (ownerUserId === undefined) return [];
  const ok = m.child
    ? m.child.members.some((x) => x.userId === ownerUserId && x.hubRole !== 'civil_society')
    : m.meeting.organiserId === ownerUserId || m.participants.some((p) => p.userId === ownerUserId);
  return ok ? [] : [{ path, message: 'Choose a participant of the meeting or a member of the child’s hub.' }];
}

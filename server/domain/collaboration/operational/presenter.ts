import { todayInSweden } from '../../../../common/schemas/children.ts';
import type { ForumMeeting, Question, Routine } from '../../../../common/schemas/forum.ts';
import type { z } from 'zod';
import type { ForumMeetingRow, QuestionRow, RoutineRow, VersionRow } from './repo.ts';

const settled = new Set(['answered', 'closed']);

/** A due date passed while the thing is still open: shown, never hidden. */
export const isOverdue = (dueOn: string | null, open: boolean, today = todayInSweden()): boolean =>
  open && dueOn !== null && dueOn < today;

export function presentQuestion(q: QuestionRow, names: Map<string, string>): Question {
  return {
    id: q.id,
    collaborationId: q.collaborationId,
    title: q.title,
    text: q.text,
    origin: q.origin,
    level: q.level,
    status: q.status,
    raisedBy: { id: q.raisedBy, name: names.get(q.raisedBy) ?? '' },
    raisedAt: q.createdAt.toISOString(),
    owner: q.ownerUserId ? { id: q.ownerUserId, name: names.get(q.ownerUserId) ?? '' } : null,
    dueOn: q.dueOn,
    overdue: isOverdue(q.dueOn, !settled.has(q.status)),
    answer: q.answer,
    escalationReason: q.escalationReason,
    meetingId: q.meetingId,
    routineId: q.routineId,
    proposalId: q.proposalId,
  };
}

const presentVersion = (v: VersionRow) => ({
  version: v.version,
  text: v.text,
  adoptedAt: v.adoptedAt?.toISOString() ?? null,
  adoptedDecision: v.adoptedDecision,
});

/** The current version is the latest adopted one: a newer draft does not replace it until adopted. */
export function currentVersion(versions: VersionRow[]): VersionRow | null {
  const adopted = versions.filter((v) => v.adoptedAt !== null);
  return adopted.length ? adopted.reduce((a, b) => (b.version > a.version ? b : a)) : null;
}

export function presentRoutine(
  r: RoutineRow,
  versions: VersionRow[],
  me: { roles: string[]; read: Set<string> },
): Routine {
  const current = currentVersion(versions);
  const mustRead = current !== null && r.roles.some((role) => me.roles.includes(role));
  return {
    id: r.id,
    collaborationId: r.collaborationId,
    title: r.title,
    level: r.level,
    roles: r.roles,
    current: current ? presentVersion(current) : null,
    versions: versions.map(presentVersion),
    mustRead,
    readCurrent: current !== null && me.read.has(current.id),
  };
}

export function presentMeeting(m: ForumMeetingRow): z.infer<typeof ForumMeeting> {
  return {
    id: m.id,
    title: m.title,
    kind: m.kind === 'strategic' ? 'strategic' : 'operational_forum',
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    status: m.status,
    seriesId: m.seriesId,
  };
}

import { HubRole, todayInSweden } from '../../../common/schemas/children.ts';
import {
  ChildParticipation,
  DecisionStatus,
  MeetingKind,
  MeetingStatus,
  ParticipantResponse,
  type Decision,
  type Meeting,
  type MeetingSummary,
  type Participant,
  type Person,
} from '../../../common/schemas/meetings.ts';
import type { Db } from '../../db/connect.ts';
import { abilitiesOf, canEditDecision, type MeetingAccess } from './policy.ts';
import * as repo from './repo.ts';
import { toLocal } from './stockholm.ts';
import { inTurn } from '../../db/in-turn.ts';

export function isOverdue(d: Pick<repo.DecisionRow, 'status' | 'dueOn'>, today = todayInSweden()): boolean {
  return d.status === 'open' && d.dueOn < today;
}

function person(names: Map<string, string>, userId: string): Person {
  return { userId, displayName: names.get(userId) ?? '—' };
}

export function presentDecision(
  d: repo.DecisionRow,
  names: Map<string, string>,
  meetingTitle: string,
  canEdit: boolean,
): Decision {
  return {
    id: d.id,
    meetingId: d.meetingId,
    meetingTitle,
    childId: d.childId,
    agendaItemId: d.agendaItemId,
    text: d.text,
    owner: person(names, d.ownerUserId),
    dueOn: d.dueOn,
    status: DecisionStatus.parse(d.status),
    dropReason: d.dropReason,
    overdue: isOverdue(d),
    createdAt: d.createdAt.toISOString(),
    closedAt: d.closedAt?.toISOString() ?? null,
    abilities: { edit: canEdit },
  };
}

function presentParticipant(
  p: repo.ParticipantRow,
  m: MeetingAccess,
  names: Map<string, string>,
  orgs: Map<string, string>,
): Participant {
  const member = p.userId ? m.child?.members.find((x) => x.userId === p.userId) : undefined;
  return {
    id: p.id,
    userId: p.userId,
    displayName: p.userId ? (names.get(p.userId) ?? '—') : (p.guestName ?? '—'),
    organisation: p.userId ? (member ? (orgs.get(member.organisationId) ?? null) : null) : p.guestOrganisation,
    hubRole: member ? HubRole.parse(member.hubRole) : null,
    guest: p.userId === null,
    organiser: p.userId === m.meeting.organiserId,
    response: ParticipantResponse.parse(p.response),
    respondedAt: p.respondedAt?.toISOString() ?? null,
    attended: p.attended ?? null,
  };
}

/** The organiser first, then users, then guests, each by name: the same order for everyone. */
function sortParticipants(list: Participant[]): Participant[] {
  const rank = (p: Participant) => (p.organiser ? 0 : p.guest ? 2 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName, 'sv'));
}

/** The whole meeting as this actor sees it: a handful of queries, then plain mapping. */
export async function presentMeeting(tx: Db, m: MeetingAccess): Promise<Meeting> {
  const row = m.meeting;
  const [agenda, amendments, own, followUp] = await inTurn(
    () => repo.agendaOf(tx, row.id),
    () => repo.amendmentsOf(tx, row.id),
    () => repo.decisionsOf(tx, [row.id]),
    () => repo.followUpDecisions(tx, row),
  );
  const earlierTitles = await repo.meetingTitles(tx, [...new Set(followUp.map((d) => d.meetingId))]);
  const names = await repo.userNames(tx, [
    row.organiserId,
    row.minutesUpdatedBy,
    ...m.participants.map((p) => p.userId),
    ...agenda.map((a) => a.ownerUserId),
    ...amendments.map((a) => a.authorId),
    ...own.map((d) => d.ownerUserId),
    ...followUp.map((d) => d.ownerUserId),
  ]);
  const orgs = await repo.organisationNames(tx, m.child?.members.map((x) => x.organisationId) ?? []);
  const decision = (d: repo.DecisionRow, title: string) =>
    presentDecision(d, names, title, canEditDecision(m, d.ownerUserId));
  return {
    id: row.id,
    kind: MeetingKind.parse(row.kind),
    status: MeetingStatus.parse(row.status),
    child: m.child ? { id: m.child.child.id, displayName: m.child.child.displayName } : null,
    collaborationId: row.collaborationId,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    startsLocal: toLocal(row.startsAt),
    endsLocal: toLocal(row.endsAt),
    location: row.location,
    videoLink: row.videoLink,
    organiser: person(names, row.organiserId),
    participants: sortParticipants(m.participants.map((p) => presentParticipant(p, m, names, orgs))),
    childParticipation: ChildParticipation.parse(row.childParticipation),
    childWishes: row.childWishes,
    followUp: followUp.map((d) => decision(d, earlierTitles.get(d.meetingId) ?? '')),
    agenda: agenda.map((a) => ({
      id: a.id,
      position: a.position,
      title: a.title,
      owner: person(names, a.ownerUserId),
      childPresent: a.childPresent,
    })),
    minutes: {
      text: row.minutes,
      version: row.minutesVersion,
      updatedAt: row.minutesUpdatedAt?.toISOString() ?? null,
      updatedBy: row.minutesUpdatedBy ? person(names, row.minutesUpdatedBy) : null,
    },
    amendments: amendments.map((a) => ({
      id: a.id,
      text: a.text,
      author: person(names, a.authorId),
      createdAt: a.createdAt.toISOString(),
    })),
    decisions: own.map((d) => decision(d, row.title)),
    cancelReason: row.cancelReason,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    myResponse: m.mine ? ParticipantResponse.parse(m.mine.response) : null,
    abilities: abilitiesOf(m),
  };
}

/** A meeting Navet drafted after an event that is neither held (started, closed) nor cancelled. */
export function isUnresolvedProposal(row: Pick<repo.MeetingRow, 'proposedByEventId' | 'status'>): boolean {
  return row.proposedByEventId !== null && row.status === 'planned';
}

export function presentSummary(
  row: repo.MeetingRow,
  openDecisions: number,
  mine: repo.ParticipantRow | undefined,
): MeetingSummary {
  return {
    id: row.id,
    kind: MeetingKind.parse(row.kind),
    status: MeetingStatus.parse(row.status),
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    startsLocal: toLocal(row.startsAt),
    location: row.location,
    openDecisions,
    myResponse: mine ? ParticipantResponse.parse(mine.response) : null,
    proposed: isUnresolvedProposal(row),
  };
}

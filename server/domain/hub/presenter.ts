import { coreHubRoles, HubRole, todayInSweden } from '../../../common/schemas/children.ts';
import { InfoCategory } from '../../../common/schemas/sharing.ts';
import {
  Channel,
  checklistItems,
  defaultTopics,
  QuestionStatus,
  type Agreement,
  type FirstMeeting,
  type HubMember,
  type HubMemberNarrow,
  type MemberRef,
  type Question,
  type Topic,
} from '../../../common/schemas/hub.ts';
import type { HubMemberRow } from '../children/repo.ts';
import type {
  NamedMember,
  OutcomeRow,
  QuestionRow,
  TenantTopicRow,
  FirstMeetingRow,
  LinkedMeetingRow,
} from './repo.ts';
import { MeetingStatus } from '../../../common/schemas/meetings.ts';

/** "Sara Lind" → "SL"; one letter for one name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function isActive(m: HubMemberRow, now = new Date()): boolean {
  return m.endedAt === null || m.endedAt.getTime() > now.getTime();
}

export function memberRef(n: NamedMember): MemberRef {
  return {
    memberId: n.member.id,
    displayName: n.userName,
    initials: initialsOf(n.userName),
    hubRole: HubRole.parse(n.member.hubRole),
  };
}

export function agreementOf(m: HubMemberRow): Agreement {
  return {
    availability: m.availability,
    preferredChannel: m.preferredChannel ? Channel.parse(m.preferredChannel) : null,
    contactDetail: m.contactDetail,
    updatedAt: m.agreementUpdatedAt?.toISOString() ?? null,
  };
}

export function presentMember(n: NamedMember, abilities: HubMember['abilities']): HubMember {
  return {
    ...memberRef(n),
    userId: n.member.userId,
    organisation: { id: n.member.organisationId, name: n.organisationName },
    isCore: coreHubRoles.includes(HubRole.parse(n.member.hubRole)),
    startsOn: n.member.startsOn,
    endedAt: n.member.endedAt?.toISOString() ?? null,
    active: isActive(n.member),
    agreement: agreementOf(n.member),
    abilities,
  };
}

/** Civil society's view of a member: no user id, dates or abilities. */
export function presentMemberNarrow(n: NamedMember): HubMemberNarrow {
  return { ...memberRef(n), organisationName: n.organisationName, agreement: agreementOf(n.member) };
}

// ---- topics ----

export function defaultTopic(key: string): Topic {
  return { key, kind: 'default', label: null, archived: false };
}

export function tenantTopic(row: TenantTopicRow): Topic {
  return {
    key: row.id,
    kind: 'tenant',
    label: { sv: row.labelSv, en: row.labelEn },
    archived: row.archivedAt !== null,
  };
}

/** The topics of the matrix: the guide's defaults, then the tenant's own. */
export function allTopics(tenantRows: TenantTopicRow[]): Topic[] {
  return [...defaultTopics.map(defaultTopic), ...tenantRows.map(tenantTopic)];
}

// ---- first meeting ----

export function checklistOpen(outcomes: OutcomeRow[]): boolean {
  const done = new Set(outcomes.filter((o) => o.done).map((o) => o.item));
  return checklistItems.some((i) => !done.has(i));
}

export function presentFirstMeeting(
  meeting: FirstMeetingRow | null,
  linked: LinkedMeetingRow | null,
  participants: NamedMember[],
  outcomes: OutcomeRow[],
  recorderNames: Map<string, string>,
  canRecord: boolean,
): FirstMeeting {
  const byItem = new Map(outcomes.map((o) => [o.item, o]));
  return {
    proposedOn: meeting?.proposedOn ?? null,
    proposedAt: meeting?.proposedAt.toISOString() ?? null,
    meeting: linked
      ? {
          id: linked.id,
          startsAt: linked.startsAt.toISOString(),
          endsAt: linked.endsAt.toISOString(),
          status: MeetingStatus.parse(linked.status),
        }
      : null,
    participants: participants.map(memberRef),
    items: checklistItems.map((item) => {
      const o = byItem.get(item);
      return {
        item,
        done: o?.done ?? false,
        note: o?.note ?? null,
        recordedAt: o?.recordedAt.toISOString() ?? null,
        recordedBy: o ? (recorderNames.get(o.recordedBy) ?? null) : null,
      };
    }),
    open: checklistOpen(outcomes),
    abilities: { record: canRecord },
  };
}

// ---- questions ----

export function isOverdue(q: Pick<QuestionRow, 'status' | 'dueOn'>, today = todayInSweden()): boolean {
  return q.status === 'open' && q.dueOn < today;
}

export function presentQuestion(q: QuestionRow, owner: NamedMember, canEdit: boolean): Question {
  return {
    id: q.id,
    childId: q.childId,
    text: q.text,
    topic: q.topic,
    owner: { ...memberRef(owner), active: isActive(owner.member) },
    dueOn: q.dueOn,
    status: QuestionStatus.parse(q.status),
    dropReason: q.dropReason,
    overdue: isOverdue(q),
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
    closedAt: q.closedAt?.toISOString() ?? null,
    category: InfoCategory.parse(q.category),
    abilities: { edit: canEdit },
  };
}

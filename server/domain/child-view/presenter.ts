import { HubRole, hubRoles } from '../../../common/schemas/children.ts';
import type { ChildLink, ChildViewAdult, ChildViewMe, ChildViewMeeting } from '../../../common/schemas/child-view.ts';
import type { ChildOwnMessage } from '../../../common/schemas/childvoice.ts';
import type { Topic } from '../../../common/schemas/hub.ts';
import type { ChildRow } from '../children/repo.ts';
import { agreementOf, initialsOf } from '../hub/presenter.ts';
import type { AssignmentRow, NamedMember } from '../hub/repo.ts';
import { MeetingKind } from '../../../common/schemas/meetings.ts';
import { firstNameOf } from '../childvoice/presenter.ts';
import type { ChildLinkRow, childInvitedMeetings } from './repo.ts';

export function linkStatus(link: ChildLinkRow, now = new Date()): ChildLink['status'] {
  if (link.revokedAt) return 'revoked';
  if (link.burntAt) return 'burnt';
  if (link.redeemedAt) return link.sessionExpiresAt && link.sessionExpiresAt > now ? 'in_use' : 'ended';
  return link.expiresAt <= now ? 'expired' : 'waiting';
}

export function presentLink(link: ChildLinkRow, createdByName: string | null): ChildLink {
  return {
    id: link.id,
    createdAt: link.createdAt.toISOString(),
    createdBy: createdByName,
    expiresAt: link.expiresAt.toISOString(),
    status: linkStatus(link),
    redeemedAt: link.redeemedAt?.toISOString() ?? null,
  };
}

/**
 * The child's own page. Built field by field from what the child needs: the
 * adults, what to ask each, how to reach them. Nothing from the case record
 * besides the name and languages is read into it.
 */
export function presentChildPage(
  child: ChildRow,
  members: NamedMember[],
  assignments: AssignmentRow[],
  topics: Map<string, Topic>,
  messages: ChildOwnMessage[],
  meetings: ChildViewMeeting[],
): ChildViewMe {
  const adults: ChildViewAdult[] = [...members]
    .sort((x, y) => hubRoles.indexOf(x.member.hubRole as HubRole) - hubRoles.indexOf(y.member.hubRole as HubRole))
    .map((n) => {
      const { updatedAt: _updatedAt, ...reach } = agreementOf(n.member);
      const mine: ChildViewAdult['topics'] = [];
      for (const x of assignments) {
        const topic = topics.get(x.topic);
        if (!topic) continue;
        if (x.responsibleMemberId === n.member.id) mine.push({ topic, as: 'responsible' });
        else if (x.fallbackMemberId === n.member.id) mine.push({ topic, as: 'fallback' });
      }
      return {
        id: n.member.id,
        displayName: n.userName,
        initials: initialsOf(n.userName),
        hubRole: HubRole.parse(n.member.hubRole),
        topics: mine,
        reach,
      };
    });
  return { displayName: child.displayName, languages: child.languages, adults, upcomingMeetings: meetings, messages };
}

type MeetingRow = Awaited<ReturnType<typeof childInvitedMeetings>>[number];

/**
 * The child's meetings: who comes is said only for the adults of the child's own hub, by role and first name, in
 * hub order; anyone else (a guest, another municipality's staff) is not named to the child.
 */
export function presentChildMeetings(
  rows: MeetingRow[],
  invited: { meetingId: string; userId: string | null }[],
  members: NamedMember[],
): ChildViewMeeting[] {
  const byUser = new Map(members.map((m) => [m.member.userId, m]));
  return rows.map((m) => {
    const users = new Set([m.organiserId, ...invited.filter((i) => i.meetingId === m.id).map((i) => i.userId)]);
    const who = [...users]
      .flatMap((u) => {
        const n = u ? byUser.get(u) : undefined;
        return n ? [n] : [];
      })
      .sort((x, y) => hubRoles.indexOf(x.member.hubRole as HubRole) - hubRoles.indexOf(y.member.hubRole as HubRole))
      .map((n) => ({ hubRole: HubRole.parse(n.member.hubRole), firstName: firstNameOf(n.userName) }));
    return {
      id: m.id,
      kind: MeetingKind.parse(m.kind),
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      place: m.location,
      whole: m.childParticipation === 'whole',
      who,
    };
  });
}

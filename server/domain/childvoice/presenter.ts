import { HubRole } from '../../../common/schemas/children.ts';
import type { ChildMessage, ChildOwnMessage } from '../../../common/schemas/childvoice.ts';
import type { NamedMember } from '../hub/repo.ts';
import type { ChildMessageRow } from './repo.ts';

/** The child knows the adults by first name (and role): the page says no more. */
export const firstNameOf = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

const childSide = (m: NamedMember | undefined) => ({
  hubRole: HubRole.parse(m?.member.hubRole ?? 'social_worker'),
  firstName: m ? firstNameOf(m.userName) : '',
});

/** What the child sees of their message: their own words, to whom, and the answer. */
export function presentOwnMessage(row: ChildMessageRow, members: Map<string, NamedMember>): ChildOwnMessage {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    lang: row.lang,
    sentAt: row.createdAt.toISOString(),
    to: childSide(members.get(row.toMemberId)),
    answer:
      row.answerText !== null && row.answeredAt
        ? {
            text: row.answerText,
            lang: row.answerLang ?? 'sv',
            answeredAt: row.answeredAt.toISOString(),
            by: childSide(row.answeredByMemberId ? members.get(row.answeredByMemberId) : undefined),
          }
        : null,
  };
}

/** The message as the hub sees it. */
export function presentMessage(
  row: ChildMessageRow,
  members: Map<string, NamedMember>,
  answeredByName: string | null,
  canAnswer: boolean,
): ChildMessage {
  const to = members.get(row.toMemberId);
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    lang: row.lang,
    sentAt: row.createdAt.toISOString(),
    to: {
      memberId: row.toMemberId,
      hubRole: HubRole.parse(to?.member.hubRole ?? 'social_worker'),
      displayName: to?.userName ?? '',
    },
    answer:
      row.answerText !== null && row.answeredAt
        ? {
            text: row.answerText,
            lang: row.answerLang ?? 'sv',
            answeredAt: row.answeredAt.toISOString(),
            byName: answeredByName ?? '',
          }
        : null,
    canAnswer: canAnswer && row.answeredAt === null,
  };
}

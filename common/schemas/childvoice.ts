import { z } from 'zod';
import { HubRole } from './children.ts';

/** Messages a child may send in one hour before the page says "wait a little". */
export const CHILD_MESSAGES_PER_HOUR = 5;
/** Longest free text of a child's message and of an adult's answer. */
export const CHILD_MESSAGE_MAX = 400;

/**
 * What the child wants to say: "I didn't understand", "I want to talk to …",
 * "something has changed". The kind is the message; the text only adds to it.
 */
export const childMessageKinds = ['not_understood', 'talk_to', 'changed'] as const;
export const ChildMessageKind = z.enum(childMessageKinds);
export type ChildMessageKind = z.infer<typeof ChildMessageKind>;

/** The languages of the child's view (`common/i18n/child`), kept here so a schema does not load the texts. */
export const ChildLanguageCode = z.enum(['sv', 'en', 'prs', 'ar', 'so', 'ti', 'ps']);

const shortText = z.string().trim().max(CHILD_MESSAGE_MAX, `At most ${CHILD_MESSAGE_MAX} characters.`);

/** What the child sends. No attachments: a short text at most. */
export const ChildMessageBody = z.object({
  kind: ChildMessageKind,
  /** The adult the child chose (a hub membership id); required for talk_to, else the social worker. */
  toMemberId: z.string().uuid().optional(),
  /** Optional words of the child's own. */
  text: shortText.optional(),
  /** The language the child's page was in: the language the text is written in. */
  lang: ChildLanguageCode,
});
export type ChildMessageBody = z.infer<typeof ChildMessageBody>;

/** A message as the child sees it: what they sent, to whom (by role and first name), and the answer. */
export const ChildOwnMessage = z.object({
  id: z.string().uuid(),
  kind: ChildMessageKind,
  text: z.string().nullable(),
  lang: z.string(),
  sentAt: z.string(),
  to: z.object({ hubRole: HubRole, firstName: z.string() }),
  answer: z
    .object({
      text: z.string(),
      /** The language the adult wrote in: shown with its `lang`, never as a translation. */
      lang: z.string(),
      answeredAt: z.string(),
      by: z.object({ hubRole: HubRole, firstName: z.string() }),
    })
    .nullable(),
});
export type ChildOwnMessage = z.infer<typeof ChildOwnMessage>;

/** A child's message as the hub sees it. */
export const ChildMessage = z.object({
  id: z.string().uuid(),
  kind: ChildMessageKind,
  text: z.string().nullable(),
  lang: z.string(),
  sentAt: z.string(),
  to: z.object({ memberId: z.string().uuid(), hubRole: HubRole, displayName: z.string() }),
  answer: z.object({ text: z.string(), lang: z.string(), answeredAt: z.string(), byName: z.string() }).nullable(),
  /** The reader may answer: a staff member of the hub, and not yet answered. */
  canAnswer: z.boolean(),
});
export type ChildMessage = z.infer<typeof ChildMessage>;

export const ChildMessageList = z.object({ items: z.array(ChildMessage), someWithheld: z.boolean() });
export type ChildMessageList = z.infer<typeof ChildMessageList>;

/** An adult's answer, shown to the child. */
export const ChildMessageAnswerBody = z.object({
  text: shortText.min(1, 'Write an answer.'),
  /** The language the answer is written in: Swedish, English or one of the child's view's languages. */
  lang: ChildLanguageCode.default('sv'),
});
export type ChildMessageAnswerBody = z.infer<typeof ChildMessageAnswerBody>;

export const ChildMessageParams = z.object({ id: z.string().uuid(), messageId: z.string().uuid() });

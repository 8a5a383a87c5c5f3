import { z } from 'zod';
import { HubRole } from './children.ts';
import { ChildOwnMessage } from './childvoice.ts';
import { Agreement, Topic } from './hub.ts';
import { MeetingKind } from './meetings.ts';

/** Days a new link can be redeemed before it expires. */
export const CHILD_LINK_DAYS = 7;
/** Wrong codes before a link is burnt. */
export const CHILD_LINK_MAX_ATTEMPTS = 5;
/** Days a redeemed link keeps the child's device logged in. */
export const CHILD_SESSION_DAYS = 30;

/** Answer to creating a link: the token and code are shown once and never again. */
export const ChildLinkCreated = z.object({
  id: z.string().uuid(),
  /** The path segment of /c/<token>. */
  token: z.string(),
  /** The full address to give the child. */
  url: z.string(),
  /** Six digits, handed over in person, never sent with the link. */
  code: z.string(),
  expiresAt: z.string(),
});
export type ChildLinkCreated = z.infer<typeof ChildLinkCreated>;

export const childLinkStatuses = ['waiting', 'in_use', 'expired', 'burnt', 'revoked', 'ended'] as const;

/** A link as the adults see it afterwards: never its token or code. */
export const ChildLink = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  expiresAt: z.string(),
  /**
   * waiting: not yet redeemed; in_use: redeemed, the child's device is logged in;
   * expired: not redeemed in time; burnt: too many wrong codes; revoked: an adult
   * withdrew it; ended: redeemed, and its session is over.
   */
  status: z.enum(childLinkStatuses),
  redeemedAt: z.string().nullable(),
});
export type ChildLink = z.infer<typeof ChildLink>;

export const ChildLinkList = z.object({ items: z.array(ChildLink) });
export type ChildLinkList = z.infer<typeof ChildLinkList>;

export const ChildLinkParams = z.object({ id: z.string().uuid(), linkId: z.string().uuid() });

export const RedeemBody = z.object({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'This is not a Navet link.'),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the six digits you were given.'),
});
export type RedeemBody = z.infer<typeof RedeemBody>;

/** One adult on the child's page. No organisation names or case data: who, what about, how to reach. */
export const ChildViewAdult = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  initials: z.string(),
  /** The client explains the role in plain words in the child's language. */
  hubRole: HubRole,
  /** What to ask this adult about; `fallback` when they stand in for someone else. */
  topics: z.array(z.object({ topic: Topic, as: z.enum(['responsible', 'fallback']) })),
  reach: Agreement.omit({ updatedAt: true }),
});
export type ChildViewAdult = z.infer<typeof ChildViewAdult>;

/**
 * A meeting as the child sees it: when, where, whether the child joins the whole meeting or a part, and who of
 * the hub comes (role and first name). Never its title, agenda, minutes or guests' names.
 */
export const ChildViewMeeting = z.object({
  id: z.string().uuid(),
  kind: MeetingKind,
  startsAt: z.string(),
  endsAt: z.string(),
  /** The place as the adults typed it (in Swedish): the page marks its language. */
  place: z.string().nullable(),
  whole: z.boolean(),
  who: z.array(z.object({ hubRole: HubRole, firstName: z.string() })),
});
export type ChildViewMeeting = z.infer<typeof ChildViewMeeting>;

/** The child's own page. Never a case number, asylum detail or other sensitive field. */
export const ChildViewMe = z.object({
  displayName: z.string(),
  /** The child's languages: the client picks the page language (and direction) from them. */
  languages: z.array(z.string()),
  adults: z.array(ChildViewAdult),
  /** Coming meetings the child is invited to, soonest first. */
  upcomingMeetings: z.array(ChildViewMeeting),
  /** What the child sent to the hub, newest first, with the adults' answers. */
  messages: z.array(ChildOwnMessage),
});
export type ChildViewMe = z.infer<typeof ChildViewMe>;

import { z } from 'zod';
import { Version } from './int.ts';
import { limits } from '../limits.ts';
import { HubRole } from './children.ts';
import { conflictBody } from '../errors.ts';

/**
 * Meetings of every level share one machinery. The individual-level kinds
 * belong to one child; the operational forum and the strategic meeting do not.
 */
export const meetingKinds = ['first_hub', 'hub', 'sip', 'operational_forum', 'strategic'] as const;
export const MeetingKind = z.enum(meetingKinds);
export type MeetingKind = z.infer<typeof MeetingKind>;
export const childMeetingKinds: readonly MeetingKind[] = ['first_hub', 'hub', 'sip'];

/** planned → in_progress (held, minutes typed live) → closed; or cancelled before it closes. */
export const meetingStatuses = ['planned', 'in_progress', 'closed', 'cancelled'] as const;
export const MeetingStatus = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const participantResponses = ['pending', 'accepted', 'tentative', 'declined'] as const;
export const ParticipantResponse = z.enum(participantResponses);
export type ParticipantResponse = z.infer<typeof ParticipantResponse>;

/** Whether the child takes part: not at all, in the items marked for it, or the whole meeting. */
export const childParticipations = ['none', 'some_items', 'whole'] as const;
export const ChildParticipation = z.enum(childParticipations);
export type ChildParticipation = z.infer<typeof ChildParticipation>;

export const decisionStatuses = ['open', 'done', 'dropped'] as const;
export const DecisionStatus = z.enum(decisionStatuses);
export type DecisionStatus = z.infer<typeof DecisionStatus>;

/** Longest meeting Navet accepts, in minutes: a longer one is a typo. */
export const MEETING_MAX_MINUTES = 12 * 60;
export const MINUTES_MAX_CHARS = 100_000;

const uuid = z.string().uuid();
const title = z.string().trim().min(1).max(limits.nameMax);
const shortText = z.string().trim().min(1).max(2000);
const optionalText = z.string().trim().max(2000).nullable();

/**
 * A wall-clock time in Sweden, as a datetime-local input gives it:
 * "2026-12-03T09:00". The server turns it into an instant with the
 * Europe/Stockholm rules, so 09:00 stays 09:00 in winter and in summer.
 */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Use a local time such as 2026-12-03T09:00.', abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}:00Z`)) && new Date(`${s}:00Z`).toISOString().startsWith(s), {
    message: 'No such date or time.',
  });

/** What the child wants, asked before the meeting (the guide asks that older children are asked). */
export const ChildWishes = z.object({
  /** Who the child wants (or does not want) at the meeting. */
  attendees: optionalText.default(null),
  /** What the child wants raised. */
  raise: optionalText.default(null),
  /** What the child does not want raised. */
  avoid: optionalText.default(null),
});
export type ChildWishes = z.infer<typeof ChildWishes>;

export const Guest = z.object({
  /** An external guest: not a user of Navet. */
  name: title,
  organisation: z.string().trim().max(limits.nameMax).nullable().default(null),
});

const meetingFields = {
  title,
  /** Swedish local time. */
  startsAt: LocalDateTime,
  /** Swedish local time; after the start, at most 12 hours later. */
  endsAt: LocalDateTime,
  /** A room or an address. */
  location: z.string().trim().max(300).nullable(),
  videoLink: z
    .string()
    .trim()
    .max(1000)
    .url()
    .refine((u) => /^https:\/\//i.test(u), 'Use an https:// link.')
    .nullable(),
  childParticipation: ChildParticipation,
  childWishes: ChildWishes,
};

export const MeetingBody = z.object({
  kind: MeetingKind,
  /** Required for first_hub, hub and sip; must be left out for the other kinds. */
  childId: uuid.nullable().default(null),
  /** A forum or strategic meeting's collaboration: its staff see the meeting. Never with a child. */
  collaborationId: uuid.nullish(),
  ...meetingFields,
  location: meetingFields.location.default(null),
  videoLink: meetingFields.videoLink.default(null),
  childParticipation: ChildParticipation.default('none'),
  childWishes: ChildWishes.default({ attendees: null, raise: null, avoid: null }),
  /** Users to invite: for a child's meeting, staff of the child's hub. */
  inviteeUserIds: z.array(uuid).max(50).default([]),
  guests: z.array(Guest).max(50).default([]),
});
export type MeetingBody = z.infer<typeof MeetingBody>;

/** A partial change; `version` is the version read. A stale one answers 409 with the meeting as it is now. */
export const MeetingPatch = z
  .object({ version: Version, ...meetingFields })
  .partial()
  .required({ version: true });
export type MeetingPatch = z.infer<typeof MeetingPatch>;

export const CancelBody = z.object({ reason: z.string().trim().min(1).max(1000) });
export type CancelBody = z.infer<typeof CancelBody>;

export const InviteBody = z.object({
  userIds: z.array(uuid).max(50).default([]),
  guests: z.array(Guest).max(50).default([]),
});
export type InviteBody = z.infer<typeof InviteBody>;

export const ResponseBody = z.object({ response: ParticipantResponse.exclude(['pending']) });
export type ResponseBody = z.infer<typeof ResponseBody>;

/** Who came: one line per participant the organiser marks; those left out keep what they had. */
export const AttendanceBody = z.object({
  attendance: z
    .array(
      z.object({
        /** A participant of this meeting (a user or a guest). */
        participantId: uuid,
        /** Whether they took part. */
        attended: z.boolean(),
      }),
    )
    .min(1)
    .max(200),
});
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const AgendaItemBody = z.object({
  title,
  /** A participant, or an active member of the child's hub. */
  ownerUserId: uuid,
  /** The child takes part in this item. */
  childPresent: z.boolean().default(false),
});
export type AgendaItemBody = z.infer<typeof AgendaItemBody>;

export const AgendaItemPatch = z
  .object({ title, ownerUserId: uuid, childPresent: z.boolean(), position: z.number().int().min(0).max(200) })
  .partial();
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;

/** The minutes as the editor read them: `version` guards against overwriting someone else's text. */
export const MinutesBody = z.object({
  text: z.string().max(MINUTES_MAX_CHARS),
  version: Version,
});
export type MinutesBody = z.infer<typeof MinutesBody>;

export const AmendmentBody = z.object({ text: z.string().trim().min(1).max(10_000) });
export type AmendmentBody = z.infer<typeof AmendmentBody>;

export const DecisionBody = z.object({
  text: shortText,
  /** A participant, or an active member of the child's hub: never "someone". */
  ownerUserId: uuid,
  /** On or after the meeting's day. */
  dueOn: z.iso.date(),
  agendaItemId: uuid.nullable().default(null),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

export const DecisionPatch = z
  .object({
    text: shortText,
    ownerUserId: uuid,
    dueOn: z.iso.date(),
    status: DecisionStatus,
    /** Required when the status becomes dropped. */
    dropReason: z.string().trim().min(1).max(1000),
  })
  .partial();
export type DecisionPatch = z.infer<typeof DecisionPatch>;

// ---- responses ------------------------------------------------------------

export const Person = z.object({ userId: uuid, displayName: z.string() });
export type Person = z.infer<typeof Person>;

export const Participant = z.object({
  id: uuid,
  /** Null for an external guest. */
  userId: uuid.nullable(),
  displayName: z.string(),
  organisation: z.string().nullable(),
  /** The person's role in the child's hub, when they have one. */
  hubRole: HubRole.nullable(),
  guest: z.boolean(),
  organiser: z.boolean(),
  response: ParticipantResponse,
  respondedAt: z.string().nullable(),
  /** Whether they came, recorded once the meeting has started; null while not recorded. */
  attended: z.boolean().nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const AgendaItem = z.object({
  id: uuid,
  position: z.number().int(),
  title: z.string(),
  owner: Person,
  childPresent: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Decision = z.object({
  id: uuid,
  meetingId: uuid,
  meetingTitle: z.string(),
  childId: uuid.nullable(),
  agendaItemId: uuid.nullable(),
  text: z.string(),
  owner: Person,
  dueOn: z.string(),
  status: DecisionStatus,
  dropReason: z.string().nullable(),
  /** Open and past its due date. */
  overdue: z.boolean(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type Decision = z.infer<typeof Decision>;

export const Amendment = z.object({ id: uuid, text: z.string(), author: Person, createdAt: z.string() });

export const Minutes = z.object({
  text: z.string(),
  /** Send back with the next save; a stale one answers 409 with the current text. */
  version: Version,
  updatedAt: z.string().nullable(),
  updatedBy: Person.nullable(),
});
export type Minutes = z.infer<typeof Minutes>;

export const MeetingAbilities = z.object({
  /** Change time, place, participants; start, close and cancel (the organiser, or the hub's social worker). */
  manage: z.boolean(),
  /** Answer the invitation (the invitee). */
  respond: z.boolean(),
  /** Agenda, minutes and decisions, until the meeting is closed. */
  write: z.boolean(),
  /** Add an amendment to the minutes of a closed meeting. */
  amend: z.boolean(),
  /** Record who came, once the meeting has started (those who manage it), also after closing. */
  attendance: z.boolean(),
});
export type MeetingAbilities = z.infer<typeof MeetingAbilities>;

export const Meeting = z.object({
  id: uuid,
  kind: MeetingKind,
  status: MeetingStatus,
  child: z.object({ id: uuid, displayName: z.string() }).nullable(),
  /** The collaboration of a forum or strategic meeting. */
  collaborationId: uuid.nullable(),
  title: z.string(),
  /** Instants (UTC, ISO 8601). */
  startsAt: z.string(),
  endsAt: z.string(),
  /** The same times in Swedish local time, as the form takes them. */
  startsLocal: z.string(),
  endsLocal: z.string(),
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  organiser: Person,
  participants: z.array(Participant),
  childParticipation: ChildParticipation,
  childWishes: ChildWishes,
  /**
   * The first agenda item, filled in by Navet: the decisions of the child's
   * earlier meetings that are open, or were closed since the last meeting.
   */
  followUp: z.array(Decision),
  agenda: z.array(AgendaItem),
  minutes: Minutes,
  amendments: z.array(Amendment),
  decisions: z.array(Decision),
  cancelReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Send back with a change; a stale one answers 409. */
  version: Version,
  /** The actor's own answer, when invited. */
  myResponse: ParticipantResponse.nullable(),
  abilities: MeetingAbilities,
});
export type Meeting = z.infer<typeof Meeting>;

// Pure: the client never reads these response schemas, so its bundle leaves them (and the error list) out.
/** 409 on a stale version: the meeting as it is now. */
export const MeetingConflict = /* @__PURE__ */ conflictBody(
  /** Absent when the 409 is not about the version (a cancelled or closed meeting). */
  Meeting.optional(),
);

/** 409 on stale minutes: the text as it is now, so the editor can merge. */
export const MinutesConflict = /* @__PURE__ */ conflictBody(
  /** Absent when the 409 is not about the version (a closed meeting: amend instead). */
  Minutes.optional(),
);

export const MeetingSummary = z.object({
  id: uuid,
  kind: MeetingKind,
  status: MeetingStatus,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  startsLocal: z.string(),
  location: z.string().nullable(),
  openDecisions: z.number().int(),
  myResponse: ParticipantResponse.nullable(),
  /** Drafted by Navet after an event and not yet resolved: neither held nor cancelled with a reason. */
  proposed: z.boolean(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingList = z.object({
  items: z.array(MeetingSummary),
  abilities: z.object({ schedule: z.boolean() }),
});
export type MeetingList = z.infer<typeof MeetingList>;

export const MeetingListQuery = z.object({
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
});

export const DecisionList = z.object({ items: z.array(Decision), overdueCount: z.number().int() });
export type DecisionList = z.infer<typeof DecisionList>;

export const DecisionListQuery = z.object({
  status: z.enum([...decisionStatuses, 'all']).default('open'),
});

export const MeetingParams = z.object({ id: uuid });
export const ParticipantParams = z.object({ id: uuid, participantId: uuid });
export const AgendaParams = z.object({ id: uuid, itemId: uuid });

// ---- calendar feed --------------------------------------------------------

export const CalendarFeed = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** Only in the answer that creates the feed: the address is shown once, then only its hash is kept. */
  url: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const FeedParams = z.object({ token: z.string().min(1).max(200) });

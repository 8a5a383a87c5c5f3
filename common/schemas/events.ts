import { z } from 'zod';
import { AsylumStatus, HubRole, PastDate } from './children.ts';
import { asylumEventTypes, InfoCategory } from './sharing.ts';

/**
 * Events on a child (händelser). The three asylum decisions are separate types
 * so that routing rules and duplicate checks can tell a rejection from a grant.
 */
export const eventTypes = [
  'asylum_granted',
  'asylum_rejected',
  'asylum_rejected_removal',
  'appeal_filed',
  'decision_final',
  'return_talk_held',
  'departure_date_set',
  'wellbeing_changed',
  'school_absence',
  'absconded',
  'found',
  'placement_changed',
  'age_assessment',
  'turned_18',
] as const;
export const EventType = z.enum(eventTypes);
export type EventType = z.infer<typeof EventType>;

/** Navet records turning 18 itself, from the date of birth; nobody else can. */
export const recordableEventTypes = eventTypes.filter((t): t is Exclude<EventType, 'turned_18'> => t !== 'turned_18');
export const RecordableEventType = z.enum(recordableEventTypes as [Exclude<EventType, 'turned_18'>]);

/** Where the news came from. 'navet' marks events Navet generated. */
export const eventSources = [
  'migrationsverket',
  'migration_court',
  'police',
  'social_services',
  'god_man',
  'residence',
  'school',
  'health_care',
  'child',
  'other',
  'navet',
] as const;
export const EventSource = z.enum(eventSources);
export type EventSource = z.infer<typeof EventSource>;

export const noteMax = 500;

export const RecordEventBody = z
  .object({
    /** What happened. */
    type: RecordableEventType,
    /** When it happened (for a decision: the day it was notified, delgivning). Never in the future. */
    occurredOn: PastDate,
    /** Who brought the news. */
    source: EventSource.exclude(['navet']),
    /** A short note for the hub; never sent by e-mail. */
    note: z.string().trim().max(noteMax).default(''),
    /** The day the child is to leave; only for departure_date_set, where it is required. */
    departureDate: z.iso.date().nullable().default(null),
    /** Record it even though the same event on the same day is recorded already. */
    confirmDuplicate: z.boolean().default(false),
    /** Whose secrecy the note falls under; leave out for the type's (categoryOfEvent). Asylum events: asylum_case. */
    category: InfoCategory.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.category && b.category !== 'asylum_case' && asylumEventTypes.includes(b.type))
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'A note on the asylum case is asylum case information.',
      });
    if (b.type === 'departure_date_set' && !b.departureDate)
      ctx.addIssue({ code: 'custom', path: ['departureDate'], message: 'Give the departure date.' });
    if (b.type !== 'departure_date_set' && b.departureDate)
      ctx.addIssue({
        code: 'custom',
        path: ['departureDate'],
        message: 'Only a departure event has a departure date.',
      });
    if (b.departureDate && b.departureDate < b.occurredOn)
      ctx.addIssue({ code: 'custom', path: ['departureDate'], message: 'The departure cannot be before the event.' });
  });
export type RecordEventBody = z.infer<typeof RecordEventBody>;

export const ChildEvent = z.object({
  id: z.string().uuid(),
  type: EventType,
  occurredOn: z.string(),
  source: EventSource,
  /** Left out when the note is not shared with the reader (then noteWithheld is true). */
  note: z.string().optional(),
  noteWithheld: z.boolean(),
  /** The category of the note under the sharing rule. */
  category: InfoCategory,
  departureDate: z.string().nullable(),
  recordedAt: z.string(),
  /** Null when Navet recorded it. */
  recordedBy: z.object({ userId: z.string().uuid(), displayName: z.string() }).nullable(),
  /** The asylum status the event set, when it changed it. */
  asylumStatus: AsylumStatus.nullable(),
});
export type ChildEvent = z.infer<typeof ChildEvent>;

export const ChildEventList = z.object({
  items: z.array(ChildEvent),
  /** The event types this user may record on this child now (empty on a closed case). */
  recordable: z.array(RecordableEventType),
  /** Some notes are not shared with the reader. */
  someWithheld: z.boolean(),
});
export type ChildEventList = z.infer<typeof ChildEventList>;

/** Dates that follow from events (and the date of birth). */
export const deadlineKinds = ['appeal', 'becomes_final', 'voluntary_departure', 'departure', 'turns_18'] as const;
export const DeadlineKind = z.enum(deadlineKinds);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

export const Deadline = z.object({
  id: z.string().uuid(),
  childId: z.string().uuid(),
  childName: z.string(),
  kind: DeadlineKind,
  dueOn: z.string(),
  /** 'open' until the event that settles it; 'superseded' when a later event made it moot. */
  status: z.enum(['open', 'done', 'superseded']),
  /** Open and its day has ended. */
  passed: z.boolean(),
});
export type Deadline = z.infer<typeof Deadline>;

export const DeadlineList = z.object({ items: z.array(Deadline) });
export type DeadlineList = z.infer<typeof DeadlineList>;

export const RecordEventResult = z.object({
  event: ChildEvent,
  asylumStatus: AsylumStatus,
  /** The child's open deadlines after the event. */
  deadlines: z.array(Deadline),
});
export type RecordEventResult = z.infer<typeof RecordEventResult>;

/** Who a rule notifies: a hub role, or the managers of the hub's social workers. */
export const Audience = z.union([HubRole, z.literal('manager')]);
export type Audience = z.infer<typeof Audience>;

export const RoutingRule = z.object({
  notify: z
    .array(z.object({ audience: Audience, urgency: z.enum(['immediate', 'normal']) }))
    .max(12)
    .refine((l) => new Set(l.map((n) => n.audience)).size === l.length, 'Name each audience once.'),
  /** Unacknowledged by the social worker after the tenant's escalation time: the manager is told. */
  escalate: z.boolean(),
  /** Follow-ups proposed to the social worker. I-SIP only where the tenant uses it. */
  propose: z.array(z.enum(['hub_meeting', 'isip'])).max(2),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

export const NoticeSettings = z.object({
  /** The tenant draws up an internal SIP (I-SIP) for every child with a rejection. */
  usesIsip: z.boolean(),
  /** Working hours (weekdays 08–17, Swedish time) before an unacknowledged notice escalates. */
  escalationWorkingHours: z.number().int().min(1).max(45),
  rules: z.record(EventType, RoutingRule),
});
export type NoticeSettings = z.infer<typeof NoticeSettings>;

export const NoticeSettingsBody = z.object({
  usesIsip: z.boolean().optional(),
  escalationWorkingHours: z.number().int().min(1).max(45).optional(),
  /** Rules to replace, by event type; a type not named keeps its rule. Null restores the default. */
  rules: z.partialRecord(EventType, RoutingRule.nullable()).optional(),
});
export type NoticeSettingsBody = z.infer<typeof NoticeSettingsBody>;

export const MeasuresQuery = z
  .object({
    /** First month, YYYY-MM. */
    from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM.'),
    /** Last month, YYYY-MM. */
    to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM.'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'The last month cannot be before the first.' });
export type MeasuresQuery = z.infer<typeof MeasuresQuery>;

const Durations = z.object({
  /** How many notices reached this step. */
  count: z.number().int(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});

export const MeasuresRow = z.object({
  month: z.string(),
  eventType: EventType,
  notices: z.number().int(),
  /** From the event recorded to the notice on the recipient's screen. */
  delivered: Durations,
  read: Durations,
  acknowledged: Durations,
});
export const Measures = z.object({ items: z.array(MeasuresRow) });
export type Measures = z.infer<typeof Measures>;

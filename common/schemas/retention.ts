import { z } from 'zod';

/** The record types that have a retention period of their own. */
export const RecordType = z.enum([
  'child',
  'plans',
  'meetings',
  'besked',
  'consents',
  'events',
  'child_links',
  'audit',
  'sessions',
]);
export type RecordType = z.infer<typeof RecordType>;
export const recordTypes = RecordType.options;

/** Months: from the case's closing for child data, from the row's time for audit rows and sessions. */
const Months = z.number().int().min(0).max(1200);

export const RetentionPeriod = z.object({
  type: RecordType,
  /** How long the type is kept, in months. */
  months: Months,
  /** The installation's floor: a shorter period is refused (409). */
  minimumMonths: z.number().int(),
  /** Whether the period is the installation's default (the tenant admin has not set it). */
  isDefault: z.boolean(),
});
export type RetentionPeriod = z.infer<typeof RetentionPeriod>;

export const RetentionSettings = z.object({ periods: z.array(RetentionPeriod) });
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const RetentionSettingsBody = z.object({
  /** Only the types given change. */
  periods: z
    .array(z.object({ type: RecordType, months: Months }))
    .min(1)
    .max(recordTypes.length),
});
export type RetentionSettingsBody = z.infer<typeof RetentionSettingsBody>;

export const LegalHoldBody = z.object({
  /** Why the child's records must be kept (a dispute, a request from a court, an inspection). */
  reason: z.string().trim().min(1, 'Give a reason.').max(2000),
});
export type LegalHoldBody = z.infer<typeof LegalHoldBody>;

export const LegalHold = z.object({
  id: z.string().uuid(),
  childId: z.string().uuid(),
  reason: z.string(),
  placedByName: z.string().nullable(),
  placedAt: z.string(),
});
export type LegalHold = z.infer<typeof LegalHold>;

export const LegalHoldState = z.object({ hold: LegalHold.nullable() });
export type LegalHoldState = z.infer<typeof LegalHoldState>;

/** A legal hold placed on a case named as the admin knows it, not by its id. */
export const PlaceHoldBody = LegalHoldBody.extend({
  /** The case's pseudonym from a dry run ("Ärende 1A2B3C4D", or its eight characters) or its Migrationsverket case number. */
  reference: z.string().trim().min(1, 'Name the case.').max(100),
});
export type PlaceHoldBody = z.infer<typeof PlaceHoldBody>;

/** An open legal hold as the admin's list shows it. */
export const ActiveHold = LegalHold.extend({
  /** The case's name in retention's reports, as in the dry run. */
  pseudonym: z.string(),
  /** The child's name only when the child is in the admin's own scope (a place in the hub, or managed). */
  childName: z.string().nullable(),
  /** When the case was closed; null while it is open. */
  closedOn: z.string().nullable(),
});
export type ActiveHold = z.infer<typeof ActiveHold>;

export const ActiveHoldList = z.object({ items: z.array(ActiveHold) });
export type ActiveHoldList = z.infer<typeof ActiveHoldList>;

export const RunStatus = z.enum(['proposed', 'approved', 'done', 'stale']);
export type RunStatus = z.infer<typeof RunStatus>;

export const RunTypeCount = z.object({
  type: RecordType,
  /** Rows that go (or are anonymised). */
  rows: z.number().int(),
  /** Closed cases concerned (0 for audit rows and sessions). */
  cases: z.number().int(),
  /** The period in force when the dry run was built, in months. */
  months: z.number().int(),
});

export const RunCase = z.object({
  /** A pseudonym of the case, never the child's name. */
  pseudonym: z.string(),
  closedOn: z.string(),
  types: z.array(RecordType),
});

export const RetentionRun = z.object({
  id: z.string().uuid(),
  status: RunStatus,
  createdAt: z.string(),
  counts: z.array(RunTypeCount),
  cases: z.array(RunCase),
  /** Closed cases that would be due but are kept by an open legal hold (by pseudonym). */
  held: z.array(RunCase.pick({ pseudonym: true, closedOn: true })),
  /** True when audit rows are due but no NAVET_SECRET_KEY is set to sign the chain's checkpoint. */
  auditNeedsKey: z.boolean(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  finishedAt: z.string().nullable(),
});
export type RetentionRun = z.infer<typeof RetentionRun>;

export const RetentionRunList = z.object({ items: z.array(RetentionRun) });
export type RetentionRunList = z.infer<typeof RetentionRunList>;

// The sampled log review (server/domain/logreview/): scheduled by a manager, drawn by Navet, closed per row.

export const SampleReason = z.enum(['random', 'off_hours', 'not_in_hub', 'denied', 'burst']);
export type SampleReason = z.infer<typeof SampleReason>;

export const ReviewScheduleBody = z.object({
  /** A review every this many months, each over the months before it. */
  everyMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]),
  /** Rows drawn per reason. */
  perReason: z.number().int().min(1).max(20).default(5),
  /** Days the reviewer has to close a review once drawn. */
  daysToClose: z.number().int().min(1).max(60).default(14),
});
export type ReviewScheduleBody = z.infer<typeof ReviewScheduleBody>;

export const SampledReviewSummary = z.object({
  id: z.string().uuid(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'closed']),
  overdue: z.boolean(),
  samples: z.number().int(),
  decided: z.number().int(),
});
export type SampledReviewSummary = z.infer<typeof SampledReviewSummary>;

export const SampledReviewList = z.object({ items: z.array(SampledReviewSummary) });
export type SampledReviewList = z.infer<typeof SampledReviewList>;

export const Sample = z.object({
  id: z.string().uuid(),
  reason: SampleReason,
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  /** Null when the child is outside the reviewer's scope: the row keeps what, when and who, not which child. */
  childId: z.string().nullable(),
  verdict: z.enum(['in_order', 'follow_up']).nullable(),
  followUpAction: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  followUpDueOn: z.string().nullable(),
});
export type Sample = z.infer<typeof Sample>;

export const SampledReview = SampledReviewSummary.extend({
  items: z.array(Sample),
  /** People of the reviewed organisations, who may own a follow-up. */
  owners: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});
export type SampledReview = z.infer<typeof SampledReview>;

export const VerdictBody = z.discriminatedUnion('verdict', [
  z.object({ verdict: z.literal('in_order') }),
  z.object({
    verdict: z.literal('follow_up'),
    /** What is to be done. */
    action: z.string().trim().min(1).max(2000),
    /** Who does it. */
    ownerUserId: z.string().uuid(),
    dueOn: z.iso.date(),
  }),
]);
export type VerdictBody = z.infer<typeof VerdictBody>;

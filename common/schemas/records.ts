import { z } from 'zod';

/** Whom a registry extract (GDPR art. 15, "registerutdrag") is about. */
export const extractSubjects = ['child', 'user'] as const;
export const ExtractSubject = z.enum(extractSubjects);
export type ExtractSubject = z.infer<typeof ExtractSubject>;

/** queued → building → ready, then expired when the file is deleted; failed after the job gave up. */
export const extractStatuses = ['queued', 'building', 'ready', 'failed', 'expired'] as const;
export const ExtractStatus = z.enum(extractStatuses);
export type ExtractStatus = z.infer<typeof ExtractStatus>;

export const ExtractParams = z.object({ id: z.uuid() });
export const ChildExtractParams = z.object({ id: z.uuid() });
export const UserExtractParams = z.object({ userId: z.uuid() });

/** One requested extract, as its list and progress show it (never the file). */
export const Extract = z.object({
  id: z.uuid(),
  subject: ExtractSubject,
  /** The child or the user the extract is about. */
  subjectId: z.uuid(),
  status: ExtractStatus,
  /** 0–100: how far the build has come. */
  progress: z.number().int().min(0).max(100),
  requestedBy: z.object({ userId: z.uuid(), displayName: z.string() }),
  requestedAt: z.iso.datetime(),
  readyAt: z.iso.datetime().nullable(),
  /** When the file is deleted; null until it is ready. */
  expiresAt: z.iso.datetime().nullable(),
  /** Bytes of the zip, when ready. */
  size: z.number().int().nullable(),
});
export type Extract = z.infer<typeof Extract>;
export const ExtractList = z.object({ items: z.array(Extract) });
export type ExtractList = z.infer<typeof ExtractList>;

/** A JSON value as the extract writes it: dates as ISO strings, no bytes. */
export const ExtractValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(ExtractValue), z.record(z.string(), ExtractValue)]),
);
export const ExtractRow = z.record(z.string(), ExtractValue);
export type ExtractRow = z.infer<typeof ExtractRow>;

/** One kind of record: the table it comes from and its rows as stored (secrets and files left out). */
export const ExtractSection = z.object({
  /** A stable key, also the i18n key of its heading (`records.section.<key>`). */
  key: z.string(),
  table: z.string(),
  rows: z.array(ExtractRow),
});
export type ExtractSection = z.infer<typeof ExtractSection>;

/** What was held back under secrecy: by category and owner, with the reason, never the content. */
export const ExtractWithheld = z.object({
  table: z.string(),
  category: z.string(),
  owner: z.string(),
  count: z.number().int().positive(),
  reason: z.enum(['secrecy_other_organisation']),
});
export type ExtractWithheld = z.infer<typeof ExtractWithheld>;

/** One access to the subject's data (or, for a user, one of their own actions), from the audit log. */
export const ExtractAccess = z.object({
  at: z.iso.datetime(),
  action: z.string(),
  actor: z.string().nullable(),
  organisation: z.string().nullable(),
});
export type ExtractAccess = z.infer<typeof ExtractAccess>;

/** The JSON file of the zip (`extract.json`): the same content as the PDF, machine-readable. */
export const ExtractDocument = z.object({
  format: z.literal('navet-registerutdrag/1'),
  subject: ExtractSubject,
  subjectId: z.uuid(),
  subjectName: z.string(),
  generatedAt: z.iso.datetime(),
  requestedBy: z.string(),
  sections: z.array(ExtractSection),
  withheld: z.array(ExtractWithheld),
  accesses: z.array(ExtractAccess),
});
export type ExtractDocument = z.infer<typeof ExtractDocument>;

// ---- the child's whole history ------------------------------------------------------------------------

/** What a history entry is about. */
export const historyKinds = ['plan', 'meeting', 'consent', 'decision', 'besked', 'event', 'deadline', 'hub'] as const;
export const HistoryKind = z.enum(historyKinds);
export type HistoryKind = z.infer<typeof HistoryKind>;

/** What happened: `<kind>.<what>`; the client's text is `records.history.event.<kind>_<what>`. */
export const historyEvents = [
  'plan.created',
  'plan.adopted',
  'plan.followed_up',
  'plan.ended',
  'meeting.planned',
  'meeting.held',
  'meeting.cancelled',
  'consent.given',
  'consent.withdrawn',
  'consent.expired',
  'decision.made',
  'decision.done',
  'decision.dropped',
  'besked.told',
  'besked.contradiction',
  'besked.contradiction_resolved',
  'event.occurred',
  'deadline.set',
  'deadline.closed',
  'hub.member_added',
  'hub.member_ended',
] as const;
export const HistoryEvent = z.enum(historyEvents);
export type HistoryEvent = z.infer<typeof HistoryEvent>;

/** Names, kinds, numbers and dates only: never the free text of an item (a title, a summary, a note). */
export const HistoryDetail = z.object({
  planKind: z.string().optional(),
  version: z.number().int().optional(),
  meetingKind: z.string().optional(),
  childParticipation: z.string().optional(),
  topic: z.string().nullable().optional(),
  eventType: z.string().optional(),
  deadlineKind: z.string().optional(),
  hubRole: z.string().optional(),
  memberName: z.string().optional(),
  categories: z.array(z.string()).optional(),
});
export type HistoryDetail = z.infer<typeof HistoryDetail>;

export const HistoryEntry = z.object({
  kind: HistoryKind,
  event: HistoryEvent,
  at: z.iso.datetime(),
  /** The plan, meeting, consent … the entry is about. */
  refId: z.uuid(),
  detail: HistoryDetail,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

const isoDate = z.iso.date();
/** Comma-separated kinds in the query string (`kinds=plan,meeting`); none: every kind. */
const kindList = z
  .string()
  .max(200)
  .transform((s) => s.split(',').filter((k) => k !== ''))
  .pipe(z.array(HistoryKind).max(historyKinds.length));

export const HistoryQuery = z
  .object({
    kinds: kindList.optional(),
    /** First day of the period (Swedish calendar day), inclusive. */
    from: isoDate.optional(),
    /** Last day of the period, inclusive. */
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'The period must end on or after its start.',
  });
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const HistoryPage = z.object({
  items: z.array(HistoryEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** True when entries about items not shared with the reader (besked of another organisation) are left out. */
  someWithheld: z.boolean(),
});
export type HistoryPage = z.infer<typeof HistoryPage>;

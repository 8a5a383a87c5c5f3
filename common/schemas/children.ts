import { z } from 'zod';
import { Version } from './int.ts';
import { limits } from '../limits.ts';

export const asylumStatuses = [
  'in_process',
  'granted',
  'rejected',
  'appealed',
  'final',
  'return_in_progress',
  'left',
  'turned_18',
] as const;
export const AsylumStatus = z.enum(asylumStatuses);
export type AsylumStatus = z.infer<typeof AsylumStatus>;

export const caseStatuses = ['active', 'closed'] as const;
export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Why a case was closed: the ways a child leaves the municipality's services. */
export const closedReasons = ['turned_18', 'returned', 'moved', 'absconded'] as const;
export const ClosedReason = z.enum(closedReasons);
export type ClosedReason = z.infer<typeof ClosedReason>;

/** HVB (residential home) or familjehem (foster home). */
export const placementKinds = ['hvb', 'foster_home'] as const;
export const PlacementKind = z.enum(placementKinds);
export type PlacementKind = z.infer<typeof PlacementKind>;

export const hubRoles = [
  'social_worker',
  'god_man',
  'contact_person',
  'school_mentor',
  'school_health',
  'child_psychiatry',
  'interpreter',
  'other_staff',
  'civil_society',
] as const;
export const HubRole = z.enum(hubRoles);
export type HubRole = z.infer<typeof HubRole>;

/** The core three of the guide: every child needs all of them. */
export const coreHubRoles: readonly HubRole[] = ['social_worker', 'god_man', 'contact_person'];

/** Today's date in Sweden (YYYY-MM-DD): what "in the future" means for a date field. */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A calendar date that cannot lie in the future (a birth, an arrival, a start). */
export const PastDate = z.iso.date().refine((d) => d <= todayInSweden(), 'The date cannot be in the future.');
/** A calendar date that cannot lie in the past (a due date, a planned date). */
export const FutureDate = z.iso.date().refine((d) => d >= todayInSweden(), 'The date cannot be in the past.');

/** ISO 639 code (e.g. "prs" Dari, "so" Somali); the client shows the language's name. */
export const LanguageCode = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}$/, 'Use an ISO 639 language code such as "prs" or "so".');

const name = z.string().trim().min(1).max(limits.nameMax);

export const Placement = z.object({
  kind: PlacementKind,
  /** The HVB or the foster-care organisation; one of this municipality's organisations. */
  organisationId: z.string().uuid(),
});

/** The child's own fields, shared by create and update. Each is needed by someone in the hub. */
const childFields = {
  /** First name or chosen name: what the adults call the child. */
  displayName: name,
  /** Known date of birth; leave empty when only an assessed age exists. */
  dateOfBirth: PastDate.nullable(),
  /** Assessed age in years, when the date of birth is unknown. */
  assessedAge: z.number().int().min(0).max(25).nullable(),
  /** The languages the child speaks, most fluent first. */
  languages: z.array(LanguageCode).max(10),
  /** Whether the adults need an interpreter to talk with the child. */
  interpreterNeeded: z.boolean(),
  /** The language to interpret into; required when an interpreter is needed. */
  interpreterLanguage: LanguageCode.nullable(),
  /** Arrival date in the municipality. */
  arrivalDate: PastDate.nullable(),
  /** Migrationsverket's case number (sensitive: only social worker and god man see it in full). */
  caseNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,20}$/, 'Digits, letters and dashes, 4 to 20 characters.')
    .nullable(),
  /** Where the child lives: HVB or foster home. */
  placement: Placement.nullable(),
  asylumStatus: AsylumStatus,
};

export const CreateChildBody = z.object({
  ...childFields,
  dateOfBirth: childFields.dateOfBirth.default(null),
  assessedAge: childFields.assessedAge.default(null),
  languages: childFields.languages.default([]),
  interpreterNeeded: childFields.interpreterNeeded.default(false),
  interpreterLanguage: childFields.interpreterLanguage.default(null),
  arrivalDate: childFields.arrivalDate.default(null),
  caseNumber: childFields.caseNumber.default(null),
  placement: childFields.placement.default(null),
  asylumStatus: AsylumStatus.default('in_process'),
});
export type CreateChildBody = z.infer<typeof CreateChildBody>;

/** A partial update. `version` is the version the editor read; a stale one answers 409. */
export const UpdateChildBody = z
  .object({
    version: Version,
    ...childFields,
  })
  .partial()
  .required({ version: true });
export type UpdateChildBody = z.infer<typeof UpdateChildBody>;

export const CloseChildBody = z.object({
  version: Version,
  reason: ClosedReason,
});
export type CloseChildBody = z.infer<typeof CloseChildBody>;

/** The fields the cross-field rules look at, after an update is merged into the record. */
export interface ChildRecordShape {
  dateOfBirth: string | null;
  arrivalDate: string | null;
  interpreterNeeded: boolean;
  interpreterLanguage: string | null;
}

/** Rules across fields; the server applies them on create and update, a form may too. */
export function childRecordIssues(r: ChildRecordShape): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (r.dateOfBirth && r.arrivalDate && r.arrivalDate < r.dateOfBirth)
    issues.push({ path: 'body.arrivalDate', message: 'The arrival cannot be before the date of birth.' });
  if (r.interpreterNeeded && !r.interpreterLanguage)
    issues.push({ path: 'body.interpreterLanguage', message: 'Say which language the interpreter is for.' });
  return issues;
}

/** Warnings on a child that the hub should act on. */
export const ChildFlags = z.object({
  /** A core role (social worker, god man, contact person) has no active member. */
  missingCoreRoles: z.boolean(),
  /** Topics of the matrix without an active responsible member. */
  topicsWithoutResponsible: z.number().int(),
  /** The first hub meeting's checklist has items not done. */
  firstMeetingOpen: z.boolean(),
  /** Open questions past their due date. */
  overdueQuestions: z.number().int(),
  /** Open questions whose owner has left the hub. */
  questionsWithoutOwner: z.number().int(),
  /** Topics with besked marked as contradicting and no agreed line since (a count: it discloses no content). */
  beskedContradictions: z.number().int(),
  /** Any of the above: the list can highlight the child. */
  attention: z.boolean(),
});
export type ChildFlags = z.infer<typeof ChildFlags>;

/** What the actor may do with this child; the server checks again on every request. */
export const ChildAbilities = z.object({
  edit: z.boolean(),
  close: z.boolean(),
  seeCaseNumber: z.boolean(),
  readTimeline: z.boolean(),
  manageHub: z.boolean(),
  manageTopics: z.boolean(),
  readFirstMeeting: z.boolean(),
  recordFirstMeeting: z.boolean(),
  readQuestions: z.boolean(),
  raiseQuestion: z.boolean(),
  createChildLink: z.boolean(),
});
export type ChildAbilities = z.infer<typeof ChildAbilities>;

/**
 * How much of the child the actor sees. 'narrow' is civil society's view
 * (hub role civil_society, or a volunteer): name, languages, the hub, and
 * topics shared with civil society; nothing about the case.
 */
export const ChildView = z.enum(['full', 'narrow']);
export type ChildView = z.infer<typeof ChildView>;

export const ChildSummary = z.object({
  id: z.string().uuid(),
  view: ChildView,
  displayName: z.string(),
  /** Age in whole years, from the date of birth or the assessed age; null in the narrow view. */
  age: z.number().int().nullable(),
  /** Null in the narrow view. */
  asylumStatus: AsylumStatus.nullable(),
  caseStatus: CaseStatus,
  /** Core roles (social worker, god man, contact person) without an active member; empty in the narrow view. */
  missingCoreRoles: z.array(HubRole),
  /** The actor's own role(s) in this child's hub; empty when seen as a manager. */
  myHubRoles: z.array(HubRole),
  /** Null in the narrow view. */
  flags: ChildFlags.nullable(),
});
export type ChildSummary = z.infer<typeof ChildSummary>;

export const ChildDetailFull = z.object({
  view: z.literal('full'),
  id: z.string().uuid(),
  /** Send back with an update; a stale version answers 409. */
  version: Version,
  displayName: z.string(),
  dateOfBirth: z.string().nullable(),
  assessedAge: z.number().int().nullable(),
  age: z.number().int().nullable(),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean(),
  interpreterLanguage: z.string().nullable(),
  arrivalDate: z.string().nullable(),
  /** In full for social worker and god man, else masked like "****-1234"; null when none is recorded. */
  caseNumber: z.string().nullable(),
  caseNumberMasked: z.boolean(),
  placement: z
    .object({ kind: PlacementKind, organisationId: z.string().uuid(), organisationName: z.string() })
    .nullable(),
  asylumStatus: AsylumStatus,
  caseStatus: CaseStatus,
  closedReason: ClosedReason.nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  missingCoreRoles: z.array(HubRole),
  myHubRoles: z.array(HubRole),
  flags: ChildFlags,
  abilities: ChildAbilities,
});
export type ChildDetailFull = z.infer<typeof ChildDetailFull>;

/**
 * Civil society's view of one child. The summary's case fields are present but
 * always null or empty, so a client may read either view with `ChildSummary`.
 */
export const ChildDetailNarrow = z.object({
  view: z.literal('narrow'),
  id: z.string().uuid(),
  displayName: z.string(),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean(),
  interpreterLanguage: z.string().nullable(),
  caseStatus: CaseStatus,
  myHubRoles: z.array(HubRole),
  age: z.null(),
  asylumStatus: z.null(),
  missingCoreRoles: z.array(HubRole).max(0),
  flags: z.null(),
  abilities: ChildAbilities,
});
export type ChildDetailNarrow = z.infer<typeof ChildDetailNarrow>;

export const ChildDetail = z.discriminatedUnion('view', [ChildDetailFull, ChildDetailNarrow]);
export type ChildDetail = z.infer<typeof ChildDetail>;

export const ChildListQuery = z.object({
  /** Free-text search in the display name. */
  q: z.string().trim().max(limits.nameMax).optional(),
  caseStatus: CaseStatus.optional(),
  /** Only children whose case the actor sees in full can match this filter. */
  asylumStatus: AsylumStatus.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});
export type ChildListQuery = z.infer<typeof ChildListQuery>;

export const ChildList = z.object({
  items: z.array(ChildSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ChildList = z.infer<typeof ChildList>;

export const IdParams = z.object({ id: z.string().uuid() });

/** The writes that make up a child's history; the client translates each key. */
export const timelineActions = [
  'child.created',
  'child.updated',
  'child.closed',
  'hub.member_added',
  'hub.member_ended',
  'hub.agreement_updated',
  'hub.topic_assigned',
  'hub.first_meeting_proposed',
  'hub.first_meeting_updated',
  'hub.checklist_recorded',
  'hub.question_created',
  'hub.question_updated',
  'child_link.created',
  'child_link.revoked',
  'child_link.redeemed',
  'child_link.burnt',
  'event.recorded',
] as const;
export const TimelineAction = z.enum(timelineActions);
export type TimelineAction = z.infer<typeof TimelineAction>;

/** The only details a timeline shows: names, roles and keys, never case data. */
export const TimelineDetail = z.object({
  hubRole: HubRole.optional(),
  memberName: z.string().optional(),
  replacementName: z.string().optional(),
  topic: z.string().optional(),
  responsibleName: z.string().nullable().optional(),
  item: z.string().optional(),
  done: z.boolean().optional(),
  status: z.string().optional(),
  /** Why the case was closed (a kind, never free text). */
  reason: ClosedReason.optional(),
  /** Names of the fields an update changed (never their values). */
  fields: z.array(z.string()).optional(),
  /** The new asylum status, when an update changed it: the hub must see a rejection at once. */
  asylumStatus: AsylumStatus.optional(),
  proposedOn: z.string().nullable().optional(),
  /** A membership ended with a last day rather than at once. */
  lastDay: z.string().optional(),
  /** The kind of event recorded (a decision, changed wellbeing…); its note stays off the timeline. */
  eventType: z.string().optional(),
});
export type TimelineDetail = z.infer<typeof TimelineDetail>;

export const TimelineEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: TimelineAction,
  /** Who did it; null for the child's own actions and for Navet itself. */
  actor: z.object({ userId: z.string().uuid(), displayName: z.string() }).nullable(),
  /** True when the child did it through their own page. */
  byChild: z.boolean(),
  detail: TimelineDetail,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineQuery = z.object({
  /** Newest first; pass the smallest id seen to get older entries. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const TimelinePage = z.object({
  items: z.array(TimelineEntry),
  next: z.number().int().nullable(),
  /** True when entries about items not shared with the reader (a hub question) are left out of the history. */
  someWithheld: z.boolean(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

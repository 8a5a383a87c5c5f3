import { z } from 'zod';
import { limits } from '../limits.ts';
import { Role } from '../roles.ts';
import { Version } from './int.ts';
import { InfoCategory, SharingPurpose } from './sharing.ts';

/**
 * The competence basis (step 4 of the guide): competence needs, training with
 * renewal and coverage, the shared knowledge base, and "May I share this?".
 * Nothing here names a child except the optional child of a sharing question.
 */

const uuid = z.string().uuid();
const title = z.string().trim().min(1).max(limits.nameMax);
const isoDate = z.iso.date();

export const CompetenceParams = z.object({ id: uuid });
export const NeedParams = z.object({ id: uuid, needId: uuid });
export const SessionParams = z.object({ id: uuid, sessionId: uuid });

// ---- competence needs -------------------------------------------------------------

/** Where a need came from; `sourceId` then points at the annotation, barrier or evaluation (no foreign key). */
export const needSourceKinds = ['manual', 'annotation', 'barrier', 'evaluation'] as const;
export const NeedSourceKind = z.enum(needSourceKinds);
export type NeedSourceKind = z.infer<typeof NeedSourceKind>;

export const needStatuses = ['open', 'planned', 'met', 'dropped'] as const;
export const NeedStatus = z.enum(needStatuses);
export type NeedStatus = z.infer<typeof NeedStatus>;

export const needPriorities = ['low', 'medium', 'high'] as const;
export const NeedPriority = z.enum(needPriorities);
export type NeedPriority = z.infer<typeof NeedPriority>;

export const NeedBody = z.object({
  /** What competence is missing. */
  title,
  description: z.string().trim().max(4000).default(''),
  /** The roles that need it. */
  roles: z.array(Role).max(10).default([]),
  /** Parties of this collaboration that need it. */
  partyIds: z.array(uuid).max(50).default([]),
  sourceKind: NeedSourceKind.default('manual'),
  sourceId: uuid.nullable().default(null),
  priority: NeedPriority.default('medium'),
  /** Who answers for it: a staff member of a participating municipality. */
  ownerUserId: uuid,
  dueOn: isoDate,
});
export type NeedBody = z.infer<typeof NeedBody>;
export type NeedInput = z.input<typeof NeedBody>;

export const NeedPatch = z.object({
  status: NeedStatus.optional(),
  priority: NeedPriority.optional(),
  ownerUserId: uuid.optional(),
  dueOn: isoDate.optional(),
});
export type NeedPatch = z.infer<typeof NeedPatch>;

const Person = z.object({ id: uuid, name: z.string() });

export const Need = z.object({
  id: uuid,
  title: z.string(),
  description: z.string(),
  roles: z.array(Role),
  parties: z.array(z.object({ id: uuid, name: z.string() })),
  sourceKind: NeedSourceKind,
  sourceId: uuid.nullable(),
  /** A need made from a map's annotation: that map, so the need links back to it. */
  sourceMapId: uuid.nullable(),
  priority: NeedPriority,
  status: NeedStatus,
  owner: Person,
  dueOn: z.string(),
  /** Open or planned past its due date: nothing falls between chairs. */
  overdue: z.boolean(),
});
export type Need = z.infer<typeof Need>;

// ---- training ---------------------------------------------------------------------

export const TopicBody = z.object({
  name: title,
  /** Months a training stays valid (secrecy: 24); null when it never lapses. */
  renewalMonths: z.number().int().min(1).max(120).nullable().default(null),
});
export type TopicBody = z.infer<typeof TopicBody>;

export const Topic = z.object({ id: uuid, name: z.string(), renewalMonths: z.number().int().nullable() });
export type Topic = z.infer<typeof Topic>;

export const SessionBody = z.object({
  topicId: uuid,
  heldOn: isoDate,
  /** Who should attend: roles and parties. */
  roles: z.array(Role).max(10).default([]),
  partyIds: z.array(uuid).max(50).default([]),
  /** Who attended: staff of the participating municipalities. */
  attendeeUserIds: z.array(uuid).max(500).default([]),
});
export type SessionBody = z.infer<typeof SessionBody>;

export const AttendanceBody = z.object({ attendeeUserIds: z.array(uuid).max(500) });
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const Session = z.object({
  id: uuid,
  topic: Topic,
  heldOn: z.string(),
  roles: z.array(Role),
  parties: z.array(z.object({ id: uuid, name: z.string() })),
  attendees: z.array(Person),
});
export type Session = z.infer<typeof Session>;

/** A count, or "<5" when below the threshold: a small count never leaves the database. */
export const MaskedCount = z.string();

export const CoverageRow = z.object({
  partyId: uuid,
  partyName: z.string(),
  topicId: uuid,
  /** Staff of the party (its organisation's open memberships). */
  staff: MaskedCount,
  /** Of them, with a valid training in the topic today. */
  valid: MaskedCount,
  /** Share in whole percent; null when either count is masked (it would give the masked one away). */
  percent: z.number().int().nullable(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const CompetenceOverview = z.object({
  needs: z.array(Need),
  topics: z.array(Topic),
  sessions: z.array(Session),
  coverage: z.array(CoverageRow),
  parties: z.array(z.object({ id: uuid, name: z.string() })),
  /** Staff who may own a need or attend: users of the participating municipalities. */
  staff: z.array(Person),
  abilities: z.object({ manage: z.boolean() }),
});
export type CompetenceOverview = z.infer<typeof CompetenceOverview>;

/** The actor's own trainings: valid until, per topic. */
export const MyTraining = z.object({
  items: z.array(
    z.object({
      topicId: uuid,
      topicName: z.string(),
      collaborationId: uuid,
      lastHeldOn: z.string(),
      validUntil: z.string().nullable(),
      valid: z.boolean(),
    }),
  ),
});
export type MyTraining = z.infer<typeof MyTraining>;

// ---- knowledge base ---------------------------------------------------------------

export const articleLangs = ['sv', 'en'] as const;
export const ArticleLang = z.enum(articleLangs);
export type ArticleLang = z.infer<typeof ArticleLang>;

export const ArticleParams = z.object({ articleId: uuid });
export const ArticleQuery = z.object({ lang: ArticleLang.optional() });

export const ArticleBody = z.object({
  title,
  /** Markdown; rendered with raw HTML off and only http(s), mailto and relative links. */
  body: z.string().trim().min(1).max(50_000),
  lang: ArticleLang,
  /** Null: the municipality's own article; else shared in that collaboration. */
  collaborationId: uuid.nullable().default(null),
  reviewOn: isoDate,
});
export type ArticleBody = z.infer<typeof ArticleBody>;

export const ArticleUpdate = z.object({
  title,
  body: z.string().trim().min(1).max(50_000),
  reviewOn: isoDate,
  /** The version read: a stale one gets 409 with the current article. */
  version: Version,
});
export type ArticleUpdate = z.infer<typeof ArticleUpdate>;

export const ArticleSummary = z.object({
  id: uuid,
  title: z.string(),
  lang: ArticleLang,
  collaborationId: uuid.nullable(),
  owner: Person,
  version: z.number().int(),
  reviewOn: z.string(),
  /** The review date has passed. */
  reviewOverdue: z.boolean(),
  updatedAt: z.string(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend({
  body: z.string(),
  /** The body rendered to inert HTML on the server. */
  html: z.string(),
  abilities: z.object({ edit: z.boolean() }),
});
export type Article = z.infer<typeof Article>;

export const ArticleList = z.object({
  items: z.array(ArticleSummary),
  abilities: z.object({ create: z.boolean() }),
  /** Collaborations the actor may write in. */
  collaborations: z.array(z.object({ id: uuid, name: z.string() })),
});
export type ArticleList = z.infer<typeof ArticleList>;

// ---- May I share this? ------------------------------------------------------------

export const ShareQuestion = z.object({
  /** The asker's own organisation, which holds the information. */
  fromOrganisationId: uuid,
  /** The receiving organisation. */
  toOrganisationId: uuid,
  category: InfoCategory,
  purpose: SharingPurpose.default('hub'),
  /** A child in the asker's scope; without one the answer is the general rule. */
  childId: uuid.optional(),
});
export type ShareQuestion = z.infer<typeof ShareQuestion>;

export const shareVerdicts = ['yes', 'no', 'only_with_consent'] as const;
export const ShareVerdict = z.enum(shareVerdicts);
export type ShareVerdict = z.infer<typeof ShareVerdict>;

export const ShareAnswer = z.object({
  verdict: ShareVerdict,
  /** Why: same organisation, a valid consent, a recorded legal-basis share, a withdrawn consent, nothing. */
  reason: z.enum(['own', 'consent', 'legal_basis', 'consent_withdrawn', 'no_ground', 'no_child']),
  consent: z.object({ id: uuid, validTo: z.string(), givenBy: z.string() }).nullable(),
  legalBasis: z.object({ id: z.string(), labelSv: z.string(), labelEn: z.string() }).nullable(),
});
export type ShareAnswer = z.infer<typeof ShareAnswer>;

export const ShareOptions = z.object({
  /** The asker's own organisations. */
  mine: z.array(z.object({ id: uuid, name: z.string() })),
  /** Every organisation of the municipality (children in scope come from GET /api/children). */
  organisations: z.array(z.object({ id: uuid, name: z.string() })),
});
export type ShareOptions = z.infer<typeof ShareOptions>;

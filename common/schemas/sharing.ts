import { z } from 'zod';
import { PrincipalType } from '../roles.ts';

/**
 * Categories of information about a child. Every piece of child information
 * that the sharing rule guards carries one, beside the organisation that owns it.
 */
export const infoCategories = ['school', 'health', 'social_services', 'asylum_case', 'housing'] as const;
export const InfoCategory = z.enum(infoCategories);
export type InfoCategory = z.infer<typeof InfoCategory>;

/** What the information is shared for: the child's coordinated plan (SIP / I-SIP), or the hub's work. */
export const sharingPurposes = ['plan', 'hub'] as const;
export const SharingPurpose = z.enum(sharingPurposes);
export type SharingPurpose = z.infer<typeof SharingPurpose>;

/**
 * Legal bases every tenant has (the law, not a local choice). Paragraph numbers
 * are left out on purpose: the Social Services Act was replaced in 2025 and
 * the tenant writes its own reference text on the bases it adds.
 */
export const builtInLegalBases = {
  necessary_care: {
    labelSv: 'Socialtjänst och hälso- och sjukvård: uppgifter som behövs för barnets nödvändiga vård',
    labelEn: 'Social services and health care: information needed for the child’s necessary care',
  },
  report_of_concern: {
    labelSv: 'Anmälningsplikt vid oro för ett barn',
    labelEn: 'Duty to report concern for a child',
  },
} as const;
export type BuiltInLegalBasis = keyof typeof builtInLegalBases;

const uuid = z.string().uuid();

/** An organisation as the sharing screens show it. */
export const OrganisationRef = z.object({ id: uuid, name: z.string(), principalType: PrincipalType });
export type OrganisationRef = z.infer<typeof OrganisationRef>;

export const PersonRef = z.object({ userId: uuid, displayName: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

// ---- the tenant's list of legal bases -----------------------------------------

export const LegalBasis = z.object({
  /** A built-in key (e.g. "necessary_care") or the id of a basis the tenant added. */
  id: z.string(),
  builtIn: z.boolean(),
  labelSv: z.string(),
  labelEn: z.string(),
  /** The tenant's reference to the law or agreement; null for built-in ones. */
  reference: z.string().nullable(),
  archived: z.boolean(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const LegalBasisList = z.object({
  items: z.array(LegalBasis),
  abilities: z.object({ manage: z.boolean() }),
});
export type LegalBasisList = z.infer<typeof LegalBasisList>;

const label = z.string().trim().min(1).max(300);

export const LegalBasisBody = z.object({
  labelSv: label,
  labelEn: label,
  /** Where the basis is written down (a law, a local agreement). */
  reference: z.string().trim().min(1).max(500),
});
export type LegalBasisBody = z.infer<typeof LegalBasisBody>;

export const LegalBasisParams = z.object({ id: uuid });

// ---- shares on a legal basis ------------------------------------------------------

/**
 * A share without consent: the owning organisation lets another organisation
 * see categories of the child's information, on a recorded legal basis.
 */
export const ShareBody = z.object({
  /** The organisation that owns the information: one of the recorder's own. */
  fromOrganisationId: uuid,
  /** Who may see it; another organisation of the municipality. */
  toOrganisationId: uuid,
  categories: z.array(InfoCategory).min(1).max(infoCategories.length),
  purpose: SharingPurpose,
  /** From the tenant's list (GET /api/legal-bases): a built-in key or a tenant basis id. */
  legalBasisId: z.string().trim().min(1).max(100),
  /** Why this basis applies here. */
  note: z.string().trim().min(1).max(2000),
  /** Last day; leave out for "until ended". */
  validTo: z.iso.date().nullable().default(null),
});
export type ShareBody = z.infer<typeof ShareBody>;

export const Share = z.object({
  id: uuid,
  childId: uuid,
  from: OrganisationRef,
  to: OrganisationRef,
  categories: z.array(InfoCategory),
  purpose: SharingPurpose,
  legalBasis: LegalBasis,
  note: z.string(),
  validTo: z.string().nullable(),
  recordedBy: PersonRef,
  recordedAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: PersonRef.nullable(),
  active: z.boolean(),
  abilities: z.object({ end: z.boolean() }),
});
export type Share = z.infer<typeof Share>;

export const ShareList = z.object({
  items: z.array(Share),
  abilities: z.object({ record: z.boolean() }),
});
export type ShareList = z.infer<typeof ShareList>;

export const ShareParams = z.object({ id: uuid });

// ---- default categories of hub items ------------------------------------------------

/** Topics of the matrix that are about the asylum case. */
const asylumTopics: readonly string[] = ['asylum_case', 'return'];
const topicCategories: Partial<Record<string, InfoCategory>> = {
  school: 'school',
  health: 'health',
  housing: 'housing',
};

/**
 * The category a besked entry or hub question gets from its topic when the
 * writer does not choose one. A tenant's own topics (and no topic) fall under
 * social services, whose secrecy is the widest.
 */
export function categoryOfTopic(topic: string | null | undefined): InfoCategory {
  if (!topic) return 'social_services';
  if (asylumTopics.includes(topic)) return 'asylum_case';
  return topicCategories[topic] ?? 'social_services';
}

/** Event types about the asylum case: their note is always asylum_case information. */
export const asylumEventTypes: readonly string[] = [
  'asylum_granted',
  'asylum_rejected',
  'asylum_rejected_removal',
  'appeal_filed',
  'decision_final',
  'return_talk_held',
  'departure_date_set',
  'age_assessment',
];

/** The category an event's note gets unless the recorder chooses (asylum events cannot choose). */
export function categoryOfEvent(type: string): InfoCategory {
  if (asylumEventTypes.includes(type)) return 'asylum_case';
  if (type === 'school_absence') return 'school';
  if (type === 'placement_changed') return 'housing';
  return 'social_services';
}

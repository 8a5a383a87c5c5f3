import { z } from 'zod';
import { PastDate } from './children.ts';
import {
  InfoCategory,
  OrganisationRef,
  PersonRef,
  SharingPurpose,
  infoCategories,
  sharingPurposes,
} from './sharing.ts';

/** Who gave the consent: the child, the god man in the custodian's place, or both together. */
export const consentGivers = ['child', 'god_man', 'both'] as const;
export const ConsentGiver = z.enum(consentGivers);
export type ConsentGiver = z.infer<typeof ConsentGiver>;

/** Written (signed) or oral (then the record says who heard it). */
export const consentForms = ['written', 'oral'] as const;
export const ConsentForm = z.enum(consentForms);
export type ConsentForm = z.infer<typeof ConsentForm>;

/** Derived, never stored: a consent ends by its last day or by withdrawal, and the effect is immediate. */
export const consentStates = ['valid', 'not_yet_valid', 'expired', 'withdrawn'] as const;
export const ConsentState = z.enum(consentStates);
export type ConsentState = z.infer<typeof ConsentState>;

/** Organisations a consent may name: enough for a large hub, few enough to read aloud to the child. */
export const CONSENT_MAX_ORGANISATIONS = 20;

const uuid = z.string().uuid();

/**
 * A consent is never general: it names the organisations that may share with
 * each other, the categories, the purpose and the period. Without any of them
 * it is rejected.
 */
export const ConsentBody = z
  .object({
    givenBy: ConsentGiver,
    /** The organisations that may share with each other; the owner and the receiver must both be named. */
    organisationIds: z.array(uuid).min(1).max(CONSENT_MAX_ORGANISATIONS),
    categories: z.array(InfoCategory).min(1).max(infoCategories.length),
    purposes: z.array(SharingPurpose).min(1).max(sharingPurposes.length),
    /** First day the consent applies. */
    validFrom: z.iso.date(),
    /** Last day; a consent always ends. On or after `validFrom`. */
    validTo: z.iso.date(),
    form: ConsentForm,
    /** Oral consent: the hub member who heard it (defaults to the recorder). */
    receivedByUserId: uuid.nullable().default(null),
    /** Written consent: where the signed form is kept, e.g. a document number. */
    documentReference: z.string().trim().max(300).nullable().default(null),
    /** What the child was told, and anything the child asked to be left out. */
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .superRefine((b, ctx) => {
    if (b.validTo < b.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'The consent cannot end before it starts.' });
    if (b.form === 'written' && b.receivedByUserId)
      ctx.addIssue({
        code: 'custom',
        path: ['receivedByUserId'],
        message: 'Only oral consent names who heard it.',
      });
    for (const [field, list] of [
      ['organisationIds', b.organisationIds],
      ['categories', b.categories],
      ['purposes', b.purposes],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [field, i], message: 'Named twice.' });
        seen.add(v);
      });
    }
  });
export type ConsentBody = z.infer<typeof ConsentBody>;

export const WithdrawConsentBody = z.object({
  /** The day the child or god man withdrew it (today or earlier); the effect starts when it is recorded. */
  withdrawnOn: PastDate,
  note: z.string().trim().max(2000).nullable().default(null),
});
export type WithdrawConsentBody = z.infer<typeof WithdrawConsentBody>;

export const Consent = z.object({
  id: uuid,
  childId: uuid,
  givenBy: ConsentGiver,
  organisations: z.array(OrganisationRef),
  categories: z.array(InfoCategory),
  purposes: z.array(SharingPurpose),
  validFrom: z.string(),
  validTo: z.string(),
  form: ConsentForm,
  receivedBy: PersonRef.nullable(),
  documentReference: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: PersonRef,
  recordedAt: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: PersonRef.nullable(),
  withdrawalNote: z.string().nullable(),
  state: ConsentState,
  abilities: z.object({ withdraw: z.boolean() }),
});
export type Consent = z.infer<typeof Consent>;

export const ConsentList = z.object({
  /** Newest first; withdrawn and expired ones stay as history. */
  items: z.array(Consent),
  abilities: z.object({ record: z.boolean() }),
});
export type ConsentList = z.infer<typeof ConsentList>;

export const ConsentParams = z.object({ id: uuid });

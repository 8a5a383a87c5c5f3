import { z } from 'zod';
import { conflictBody } from '../errors.ts';
import { Version } from './int.ts';
import { limits } from '../limits.ts';

/*
 * The governance document (samverkansdokument): a structured text drafted
 * from a template that follows the guide. Each version is signed off by every
 * party; when all have signed the version is adopted and read-only.
 */

const uuid = z.string().uuid();
const section = z.string().trim().max(20_000);
const name = z.string().trim().min(1).max(limits.nameMax);

export const governanceLevels = ['strategic', 'operational', 'individual'] as const;
export const GovernanceLevelKey = z.enum(governanceLevels);
export type GovernanceLevelKey = z.infer<typeof GovernanceLevelKey>;

export const GovernanceLevel = z.object({
  /** Who sits on the level: filled from the parties' representatives, editable. */
  members: z.array(z.string().trim().min(1).max(400)).max(100),
  mandate: section,
  /** How often the level meets. */
  meets: section,
});
export type GovernanceLevel = z.infer<typeof GovernanceLevel>;

export const GovernanceContent = z
  .object({
    purpose: section,
    /** The shared goal: the child's best interest. */
    sharedGoal: section,
    levels: z.object({ strategic: GovernanceLevel, operational: GovernanceLevel, individual: GovernanceLevel }),
    /** How questions travel between the levels. */
    questionPath: section,
    routines: section,
    /** Links to routines (the routines library's, once adopted there). */
    routineLinks: z
      .array(
        z.object({
          title: name,
          url: z
            .string()
            .trim()
            .max(2000)
            .regex(/^https?:\/\/\S+$|^\/\S*$/, 'A link.'),
        }),
      )
      .max(100),
    secrecyAndConsent: section,
    followUp: z.object({ indicators: section, when: section }),
  })
  .strict();
export type GovernanceContent = z.infer<typeof GovernanceContent>;

export const governanceStatuses = ['draft', 'adopted', 'superseded'] as const;
export const GovernanceStatus = z.enum(governanceStatuses);
export type GovernanceStatus = z.infer<typeof GovernanceStatus>;

export const GovernanceVersionParams = z.object({ id: uuid, number: z.coerce.number().int().min(1).max(100_000) });
export const GovernancePdfQuery = z.object({ lang: z.enum(['sv', 'en']).default('sv') });

export const StartDraftBody = z.object({ lang: z.enum(['sv', 'en']).default('sv') }).strict();
export const DraftBody = z
  .object({
    /** The revision read; a stale one gets 409 with the current text. */
    revision: Version,
    content: GovernanceContent,
  })
  .strict();
export type DraftBody = z.infer<typeof DraftBody>;
export const SignOffBody = z
  .object({
    partyId: uuid,
    /** Who signs for the party, by name and title. */
    signedBy: name,
    /** The revision of the text signed: a stale one gets 409 with the current text. */
    revision: Version,
  })
  .strict();
export type SignOffBody = z.infer<typeof SignOffBody>;

export const SignOff = z.object({
  partyId: uuid,
  partyName: z.string(),
  signedBy: z.string(),
  signedAt: z.string(),
  recordedBy: z.string(),
});
export type SignOff = z.infer<typeof SignOff>;

export const GovernanceVersion = z.object({
  number: z.number().int(),
  status: GovernanceStatus,
  revision: z.number().int(),
  content: GovernanceContent,
  signOffs: z.array(SignOff),
  /** Parties that have not signed this revision yet. */
  /** `mayRecord`: the reader's municipality records this party's sign-off (its own organisation, or an outside one). */
  unsigned: z.array(z.object({ partyId: uuid, partyName: z.string(), mayRecord: z.boolean() })),
  updatedAt: z.string(),
  updatedBy: z.string(),
  adoptedAt: z.string().nullable(),
});
export type GovernanceVersion = z.infer<typeof GovernanceVersion>;

export const Governance = z.object({
  versions: z.array(z.object({ number: z.number().int(), status: GovernanceStatus, adoptedAt: z.string().nullable() })),
  /** The draft being worked on, or else the adopted version. */
  current: GovernanceVersion.nullable(),
  /** The representatives at each level, to refill the members from. */
  representatives: z.object({ strategic: z.array(z.string()), operational: z.array(z.string()) }),
});
export type Governance = z.infer<typeof Governance>;

// Pure: the client never reads this response schema, so its bundle leaves it (and the error list) out.
/** 409 on a stale draft or sign-off: the version as it is now. Absent when the 409 is not about the revision. */
export const GovernanceConflict = /* @__PURE__ */ conflictBody(GovernanceVersion.optional());

import { z } from 'zod';
import { conflictBody } from '../errors.ts';
import { Version, Version0 } from './int.ts';
import { limits } from '../limits.ts';

/*
 * The guide's seven steps to set collaboration up, and the artefacts of the
 * steps this part of Navet owns: each party's decision (1), the development
 * proposals (3) and the follow-up reviews (7). Steps 2, 4 and 5 record a
 * reference to a document until process maps and competence have their own part.
 */

const uuid = z.string().uuid();
const isoDate = z.iso.date();
const title = z.string().trim().min(1).max(limits.nameMax);
const text = z.string().trim().min(1).max(10_000);
const optionalText = z.string().trim().max(10_000).nullable().optional();

export const stepNumbers = [1, 2, 3, 4, 5, 6, 7] as const;
export const stepKeys = [
  'decision',
  'process_mapping',
  'proposals',
  'competence',
  'process_map_adopted',
  'governance_document',
  'follow_up',
] as const;
export type StepKey = (typeof stepKeys)[number];
export const stepStatuses = ['not_started', 'in_progress', 'done'] as const;
export const StepStatus = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof StepStatus>;
/** The steps whose artefact is, for now, a recorded reference to a document (title and a link or a note). */
export const referenceSteps: readonly number[] = [2, 4, 5];

export const StepParams = z.object({ id: uuid, step: z.coerce.number().int().min(1).max(7) });

export const Reference = z
  .object({
    title,
    /** Where the document lives (https only). */
    url: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https:\/\/\S+$/, 'Use an https:// link.')
      .nullable()
      .optional(),
    note: optionalText,
  })
  .refine((r) => Boolean(r.url) || Boolean(r.note), { message: 'Give a link or a note.', path: ['url'] });
export type Reference = z.infer<typeof Reference>;

export const StepBody = z
  .object({
    version: Version0,
    status: StepStatus,
    /** Who drives the step, by name. */
    owner: z.string().trim().max(limits.nameMax).nullable().optional(),
    dueOn: isoDate.nullable().optional(),
    /** Steps 2, 4, 5: the document that shows the step's work. */
    reference: Reference.nullable().optional(),
  })
  .strict();
export type StepBody = z.infer<typeof StepBody>;

/** What a step still lacks before it can be marked done. */
export const missingKinds = [
  'parties',
  'party_decision',
  'reference',
  'proposal',
  'adopted_document',
  'held_review',
  'mapped_process',
  'adopted_map',
  'competence_need',
  'training',
] as const;
export const Missing = z.object({ what: z.enum(missingKinds), name: z.string().optional() });
export type Missing = z.infer<typeof Missing>;

export const Step = z.object({
  number: z.number().int(),
  key: z.enum(stepKeys),
  status: StepStatus,
  owner: z.string().nullable(),
  dueOn: z.string().nullable(),
  reference: z.object({ title: z.string(), url: z.string().nullable(), note: z.string().nullable() }).nullable(),
  /** What the step has produced so far, counted. */
  produced: z.object({ count: z.number().int(), of: z.number().int().nullable() }),
  /** Empty when the step may be marked done. */
  missing: z.array(Missing),
  version: z.number().int(),
});
export type Step = z.infer<typeof Step>;
export const Roadmap = z.object({ steps: z.array(Step) });
export type Roadmap = z.infer<typeof Roadmap>;

// Pure: the client never reads this response schema, so its bundle leaves it (and the error list) out.
/** 409 on a stale step, or a step marked done too early: the step as it is now, with what it still misses. */
export const StepConflict = /* @__PURE__ */ conflictBody(Step.optional());

// Step 1: each party's decision.
/** Largest attached decision document, in bytes; fits a JSON body of 1 MB in base64. */
export const DECISION_PDF_MAX_BYTES = 700 * 1024;
export const DecisionDocument = z.object({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(limits.nameMax)
    .regex(/^[^/\\]+$/, 'A file name without folders.'),
  /** The file, base64-encoded. Checked to be a PDF by its bytes. */
  contentBase64: z
    .string()
    .max(1_100_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64.'),
});
export const DecisionBody = z
  .object({
    partyId: uuid,
    /** Who decided: the body or the manager, by name. */
    decidedBy: title,
    decidedOn: isoDate,
    /** The decision's words; or attach the document, or both. */
    text: optionalText,
    document: DecisionDocument.nullable().optional(),
  })
  .strict();
export type DecisionBody = z.infer<typeof DecisionBody>;
export const DecisionParams = z.object({ id: uuid, decisionId: uuid });
export const Decision = z.object({
  id: uuid,
  partyId: uuid,
  partyName: z.string(),
  decidedBy: z.string(),
  decidedOn: z.string(),
  text: z.string().nullable(),
  document: z.object({ filename: z.string(), bytes: z.number().int() }).nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Decision = z.infer<typeof Decision>;
export const DecisionList = z.object({ decisions: z.array(Decision) });

// Step 3: development proposals.
export const proposalOrigins = ['process_map_gap', 'forum_question', 'barrier', 'evaluation', 'other'] as const;
export const ProposalOrigin = z.enum(proposalOrigins);
export type ProposalOrigin = z.infer<typeof ProposalOrigin>;
/** proposed → accepted / rejected / deferred (with the decision) → implemented → evaluated. */
export const proposalStatuses = ['proposed', 'accepted', 'rejected', 'deferred', 'implemented', 'evaluated'] as const;
export const ProposalStatus = z.enum(proposalStatuses);
export type ProposalStatus = z.infer<typeof ProposalStatus>;
export const proposalMoves: Record<ProposalStatus, readonly ProposalStatus[]> = {
  proposed: ['accepted', 'rejected', 'deferred'],
  deferred: ['accepted', 'rejected'],
  accepted: ['implemented'],
  implemented: ['evaluated'],
  rejected: [],
  evaluated: [],
};

export const ProposalBody = z
  .object({
    title,
    description: optionalText,
    origin: ProposalOrigin,
    /** Where it came from in words (which gap, question, barrier or review). */
    originNote: optionalText,
    owner: z.string().trim().max(limits.nameMax).nullable().optional(),
  })
  .strict();
export type ProposalBody = z.infer<typeof ProposalBody>;
export const ProposalParams = z.object({ id: uuid, proposalId: uuid });
export const ProposalPatch = z
  .object({
    version: Version,
    status: ProposalStatus.optional(),
    /** The decision that settled it: required when it becomes accepted, rejected or deferred. */
    decision: optionalText,
    owner: z.string().trim().max(limits.nameMax).nullable().optional(),
    /** What the evaluation found: required when it becomes evaluated. */
    evaluation: optionalText,
  })
  .strict();
export type ProposalPatch = z.infer<typeof ProposalPatch>;
/** The kinds of item a proposal can be made from with one action, linked both ways. */
export const proposalSourceKinds = ['barrier', 'forum_question', 'annotation'] as const;
/** The item a proposal was made from, named so the register can link to it. */
export const ProposalSource = z.object({
  kind: z.enum(proposalSourceKinds),
  id: uuid,
  /** The barrier's description, the question's title or the annotation's text. */
  title: z.string(),
  /** Barriers and questions: the level that holds it now (its page). */
  level: z.enum(['strategic', 'operational']).nullable(),
  /** Annotations: the map it belongs to. */
  mapId: uuid.nullable(),
});
export type ProposalSource = z.infer<typeof ProposalSource>;

export const Proposal = z.object({
  id: uuid,
  title: z.string(),
  description: z.string().nullable(),
  origin: ProposalOrigin,
  originNote: z.string().nullable(),
  /** The item it was made from (null when written by hand, or when that item is gone). */
  source: ProposalSource.nullable(),
  owner: z.string().nullable(),
  status: ProposalStatus,
  decision: z.string().nullable(),
  decidedOn: z.string().nullable(),
  evaluation: z.string().nullable(),
  reviewId: uuid.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Proposal = z.infer<typeof Proposal>;
export const ProposalList = z.object({ proposals: z.array(Proposal) });
// Pure: the client never reads this response schema, so its bundle leaves it (and the error list) out.
/** 409 on a stale proposal: the proposal as it is now. */
export const ProposalConflict = /* @__PURE__ */ conflictBody(Proposal.optional());

// Step 7: reviews.
export const ReviewBody = z.object({ dueOn: isoDate }).strict();
export const ReviewParams = z.object({ id: uuid, reviewId: uuid });
export const ReviewRecordBody = z
  .object({
    heldOn: isoDate,
    whatWorks: text,
    whatDoesNot: text,
    /** Each action becomes a development proposal (origin: evaluation). */
    actions: z.array(z.object({ title, owner: z.string().trim().max(limits.nameMax).nullable().optional() })).max(50),
    /** Start a revision of the governance document from the adopted version. */
    startRevision: z.boolean().default(false),
  })
  .strict();
export type ReviewRecordBody = z.infer<typeof ReviewRecordBody>;
export const Review = z.object({
  id: uuid,
  dueOn: z.string(),
  heldOn: z.string().nullable(),
  whatWorks: z.string().nullable(),
  whatDoesNot: z.string().nullable(),
  proposalIds: z.array(uuid),
  startedRevision: z.boolean(),
});
export type Review = z.infer<typeof Review>;
export const ReviewList = z.object({ reviews: z.array(Review) });

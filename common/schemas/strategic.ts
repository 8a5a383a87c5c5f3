import { z } from 'zod';
import { limits } from '../limits.ts';
import { Proposal } from './collaboration-roadmap.ts';

/**
 * The strategic level (övergripande nivå): agreements, the needs mapping of
 * the target group, the barrier register and effect evaluations. Nothing here
 * names a child; the needs mapping holds only counts, small ones masked.
 */

const uuid = z.string().uuid();
const title = z.string().trim().min(1).max(limits.nameMax);
const text = z.string().trim().min(1).max(4000);
const isoDate = z.iso.date();

export const BarrierParams = z.object({ id: uuid, barrierId: uuid });

/** The barriers the guide names. */
export const barrierTypes = ['rules', 'structural', 'knowledge', 'time_resources', 'staff_turnover', 'other'] as const;
export const BarrierType = z.enum(barrierTypes);
export type BarrierType = z.infer<typeof BarrierType>;

/** A barrier is raised at a level; escalated ones move to the strategic level. */
export const barrierStatuses = ['open', 'in_progress', 'removed', 'accepted'] as const;
export const BarrierStatus = z.enum(barrierStatuses);
export type BarrierStatus = z.infer<typeof BarrierStatus>;

export const BarrierBody = z.object({
  type: BarrierType,
  description: text,
  /** Who answers for removing it, with the date it is due. */
  ownerUserId: uuid,
  dueOn: isoDate,
  action: z.string().trim().max(4000).nullable().default(null),
  /** Raised at the forum (operational) or directly at the strategic level. */
  level: z.enum(['strategic', 'operational']).default('strategic'),
});
export type BarrierBody = z.infer<typeof BarrierBody>;

export const BarrierPatch = z.object({
  status: BarrierStatus.optional(),
  action: z.string().trim().max(4000).nullable().optional(),
  ownerUserId: uuid.optional(),
  dueOn: isoDate.optional(),
  /** A development proposal made from it (collab-core's register). */
  proposalId: uuid.nullable().optional(),
});
export type BarrierPatch = z.infer<typeof BarrierPatch>;

export const Barrier = z.object({
  id: uuid,
  type: BarrierType,
  description: z.string(),
  level: z.enum(['strategic', 'operational']),
  raisedBy: z.object({ id: uuid, name: z.string() }),
  owner: z.object({ id: uuid, name: z.string() }),
  dueOn: z.string(),
  overdue: z.boolean(),
  action: z.string().nullable(),
  status: BarrierStatus,
  escalatedAt: z.string().nullable(),
  proposalIds: z.array(uuid),
});
export type Barrier = z.infer<typeof Barrier>;
export const BarrierList = z.object({ items: z.array(Barrier) });
/** A barrier made a development proposal (step 3): both, linked both ways. */
export const BarrierProposalMade = z.object({ barrier: Barrier, proposal: Proposal });

export const AgreementBody = z.object({
  title,
  /** The parties, in words (outside parties have no account). */
  parties: z.array(z.string().trim().min(1).max(limits.nameMax)).min(1).max(30),
  signedOn: isoDate,
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  text: z.string().trim().min(1).max(50_000),
});
export type AgreementBody = z.infer<typeof AgreementBody>;
export const Agreement = AgreementBody.extend({ id: uuid, createdAt: z.string() });
export const AgreementList = z.object({ items: z.array(Agreement) });

export const EvaluationBody = z.object({
  title,
  evaluatedOn: isoDate,
  /** What works. */
  works: z.string().trim().max(10_000).default(''),
  /** What does not. */
  lacks: z.string().trim().max(10_000).default(''),
  /** Actions decided (each may become a development proposal). */
  actions: z.string().trim().max(10_000).default(''),
});
export type EvaluationBody = z.infer<typeof EvaluationBody>;
export const Evaluation = EvaluationBody.extend({ id: uuid, createdAt: z.string() });
export const EvaluationList = z.object({ items: z.array(Evaluation) });

/** The dimensions of the needs mapping. */
export const needsDimensions = ['asylum_status', 'age_band', 'placement', 'time_since_arrival'] as const;
export const NeedsDimension = z.enum(needsDimensions);
export type NeedsDimension = z.infer<typeof NeedsDimension>;

/** Counts below this are shown as "<5" so that no child can be picked out. */
export const NEEDS_MIN_COUNT = 5;

export const NeedsMapping = z.object({
  generatedAt: z.string(),
  municipalities: z.array(
    z.object({
      tenantId: uuid,
      name: z.string(),
      /** The number, or "<5". */
      total: z.string(),
      cells: z.array(z.object({ dimension: NeedsDimension, value: z.string(), count: z.string() })),
    }),
  ),
});
export type NeedsMapping = z.infer<typeof NeedsMapping>;

import { z } from 'zod';
import { limits } from '../limits.ts';

/** A refused attempt on a child's route (action `access.denied`): what was answered, to which request. */
export const DeniedAttempt = z.object({
  status: z.number().int(),
  method: z.string(),
  /** The route pattern, e.g. `/api/children/:id/questions`: never the child's data. */
  route: z.string(),
});
export type DeniedAttempt = z.infer<typeof DeniedAttempt>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  childId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  organisationId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  /** Set on `access.denied` rows only. */
  denied: DeniedAttempt.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPageQuery = z.object({
  /** Newest first; pass the smallest id seen to get the next page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  /** Pass as `before` for older entries; null at the end. */
  next: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

const isoDate = z.iso.date();

export const LogReviewBody = z
  .object({
    /** What was reviewed: one child's log or one user's log. */
    subjectKind: z.enum(['child', 'user']),
    subjectId: z.string().uuid(),
    periodFrom: isoDate,
    periodTo: isoDate,
    /** What the review found; "no remarks" is a finding too. */
    findings: z.string().trim().min(1).max(5000),
  })
  .refine((b) => b.periodFrom <= b.periodTo, {
    path: ['periodTo'],
    message: 'The period must end on or after its start.',
  });
export type LogReviewBody = z.infer<typeof LogReviewBody>;

export const LogReview = z.object({
  id: z.string().uuid(),
  /** `sample`: a sampled review closed (`/api/audit/sampled-reviews`), subjectId its id. */
  subjectKind: z.enum(['child', 'user', 'sample']),
  subjectId: z.string().uuid(),
  periodFrom: z.string(),
  periodTo: z.string(),
  findings: z.string(),
  reviewerId: z.string().uuid(),
  reviewerName: z.string(),
  reviewedAt: z.string(),
});
export type LogReview = z.infer<typeof LogReview>;

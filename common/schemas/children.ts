import { z } from 'zod';
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

export const ChildSummary = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  /** Age in whole years, from the date of birth or the assessed age. */
  age: z.number().int().nullable(),
  asylumStatus: AsylumStatus,
  caseStatus: CaseStatus,
  /** Core roles (social worker, god man, contact person) without an active member. */
  missingCoreRoles: z.array(HubRole),
  /** The actor's own role(s) in this child's hub; empty when seen as a manager. */
  myHubRoles: z.array(HubRole),
});
export type ChildSummary = z.infer<typeof ChildSummary>;

export const ChildListQuery = z.object({
  /** Free-text search in the display name. */
  q: z.string().trim().max(limits.nameMax).optional(),
  caseStatus: CaseStatus.optional(),
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

import { z } from 'zod';

/** What kind of principal (huvudman) an organisation is. Drives secrecy rules later. */
export const principalTypes = ['municipality', 'region', 'state_agency', 'private_provider', 'civil_society'] as const;
export const PrincipalType = z.enum(principalTypes);
export type PrincipalType = z.infer<typeof PrincipalType>;

/**
 * Roles a user holds through a membership in an organisation.
 * The guide's adults around the child, plus the people who run the collaboration.
 */
export const roles = [
  'social_worker',
  'god_man',
  'contact_person',
  'school_mentor',
  'school_health',
  'child_psychiatry',
  'manager',
  'coordinator',
  'tenant_admin',
  'volunteer',
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Roles that may read the audit log of a child or a user and record log reviews. */
export const auditReviewRoles: readonly Role[] = ['manager', 'tenant_admin'];

/**
 * Roles a tenant admin grants only with a second admin's approval: every role that opens children's data (a place
 * in a hub — see `hubRoleHolders` in `common/hub-roles.ts` — or a manager's view of their organisation's children)
 * and the admin role itself. A coordinator works at the operational and strategic levels and sees no child.
 */
export const approvalRoles: readonly Role[] = roles.filter((r) => r !== 'coordinator');

/** Whether granting this role waits for a second admin. */
export const needsApproval = (role: Role): boolean => approvalRoles.includes(role);

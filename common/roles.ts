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

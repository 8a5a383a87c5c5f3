import type { PrincipalType, Role } from './roles.ts';
import { hubRoles, type HubRole } from './schemas/children.ts';

/**
 * Who may take which place in a child's hub: the role the person holds at work (their membership) and the
 * kind of principal their organisation is. A hub role opens abilities (the god man sees the full case number,
 * records consent and creates the child's links; the social worker runs the hub), so it must be the person's
 * real role: a school mentor is never made the child's god man. The one table server and client share.
 */
export interface HubRoleRule {
  /** Membership roles that may take the place. */
  roles: readonly Role[];
  /** Principal types of the organisation the person acts for in the hub. */
  principalTypes: readonly PrincipalType[];
}

/** Staff of some organisation of the child's care, school or case: interpreters and other staff come from them. */
const staffRoles: readonly Role[] = [
  'social_worker',
  'contact_person',
  'school_mentor',
  'school_health',
  'child_psychiatry',
];
const staffPrincipals: readonly PrincipalType[] = ['municipality', 'region', 'state_agency', 'private_provider'];

export const hubRoleRules: Record<HubRole, HubRoleRule> = {
  // Social services are the municipality's.
  social_worker: { roles: ['social_worker'], principalTypes: ['municipality'] },
  // A god man is appointed by the överförmyndare, a municipal authority.
  god_man: { roles: ['god_man'], principalTypes: ['municipality'] },
  // The contact person of an HVB or a foster home, run by the municipality or a private provider.
  contact_person: { roles: ['contact_person'], principalTypes: ['municipality', 'private_provider'] },
  // Municipal schools and independent schools (friskolor).
  school_mentor: { roles: ['school_mentor'], principalTypes: ['municipality', 'private_provider'] },
  school_health: { roles: ['school_health'], principalTypes: ['municipality', 'private_provider'] },
  // BUP is the region's, or a provider the region contracts.
  child_psychiatry: { roles: ['child_psychiatry'], principalTypes: ['region', 'private_provider'] },
  interpreter: { roles: staffRoles, principalTypes: staffPrincipals },
  other_staff: { roles: staffRoles, principalTypes: staffPrincipals },
  // Volunteers of civil society, through its narrow view.
  civil_society: { roles: ['volunteer'], principalTypes: ['civil_society'] },
};

/** Whether someone holding `role` in an organisation of `principalType` may take `hubRole`. */
export function mayTakeHubRole(hubRole: HubRole, role: Role, principalType: PrincipalType): boolean {
  const rule = hubRoleRules[hubRole];
  return rule.roles.includes(role) && rule.principalTypes.includes(principalType);
}

/** The hub roles open to one membership (role in an organisation of a principal type), in the hubs' order. */
export function hubRolesFor(role: Role, principalType: PrincipalType): HubRole[] {
  return hubRoles.filter((h) => mayTakeHubRole(h, role, principalType));
}

/** Roles that can hold a place in some hub, and so read children's data. */
export const hubRoleHolders: readonly Role[] = [...new Set(Object.values(hubRoleRules).flatMap((r) => r.roles))];

import { PrincipalType, Role } from '../../../common/roles.ts';
import type { AdminUser, Organisation, TenantSettings } from '../../../common/schemas/tenancy.ts';
import type { MembershipWithOrg, OrganisationRow, TenantRow, UserRow } from './repo.ts';

/*
 * Fields are picked one by one, never spread from a row: a new column (a
 * secret, a hash) stays hidden until someone decides to show it.
 */

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    principalType: PrincipalType.parse(row.principalType),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentUser(user: UserRow, memberships: MembershipWithOrg[], now = new Date()): AdminUser {
  const own = memberships.filter((m) => m.userId === user.id);
  // Active first: that is what an admin looks for; ended ones stay visible as history.
  const ordered = [...own.filter((m) => !m.endedAt), ...own.filter((m) => m.endedAt)];
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    totpEnabled: user.totpEnabled,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    disabledAt: iso(user.disabledAt),
    createdAt: user.createdAt.toISOString(),
    memberships: ordered.map((m) => ({
      id: m.id,
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      role: Role.parse(m.role),
      createdAt: m.createdAt.toISOString(),
      endedAt: iso(m.endedAt),
    })),
  };
}

export function presentTenant(row: TenantRow): TenantSettings {
  return { id: row.id, name: row.name, requireTotp: row.requireTotp, isDemo: row.isDemo };
}

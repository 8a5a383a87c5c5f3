import { PrincipalType, Role } from '../../../common/roles.ts';
import type { AdminUser, Organisation, RoleGrant, TenantSettings } from '../../../common/schemas/tenancy.ts';
import type { Actor } from '../../context.ts';
import type { GrantWithNames, MembershipWithOrg, OrganisationRow, TenantRow, UserRow } from './repo.ts';

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

export function presentUser(
  user: UserRow,
  memberships: MembershipWithOrg[],
  grants: RoleGrant[],
  now = new Date(),
): AdminUser {
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
    pendingGrants: grants.filter((g) => g.userId === user.id && g.status === 'pending'),
  };
}

/** A grant as an admin sees it, with what this admin may do with it: never decide a role for themselves. */
export function presentGrant(g: GrantWithNames, actor: Actor): RoleGrant {
  const pending = g.grant.status === 'pending';
  const own = g.grant.requestedBy === actor.userId || g.grant.userId === actor.userId;
  return {
    id: g.grant.id,
    userId: g.grant.userId,
    userName: g.userName,
    organisationId: g.grant.organisationId,
    organisationName: g.organisationName,
    role: Role.parse(g.grant.role),
    status: g.grant.status,
    requestedBy: { id: g.grant.requestedBy, name: g.requestedByName },
    requestedAt: g.grant.requestedAt.toISOString(),
    decidedBy: g.grant.decidedBy && g.decidedByName ? { id: g.grant.decidedBy, name: g.decidedByName } : null,
    decidedAt: iso(g.grant.decidedAt),
    abilities: { approve: pending && !own, reject: pending },
  };
}

export function presentTenant(row: TenantRow): TenantSettings {
  return { id: row.id, name: row.name, requireTotp: row.requireTotp, isDemo: row.isDemo };
}

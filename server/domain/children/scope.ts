import { and, eq, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.ts';
import { children, hubMembers } from './tables.ts';

/** An open hub membership: not ended, or ending later. Ending it removes access at once. */
export function activeMembership(): SQL {
  return or(isNull(hubMembers.endedAt), gt(hubMembers.endedAt, sql`now()`)) as SQL;
}

function managedOrganisations(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'manager').map((m) => m.organisationId);
}

/** A user whose every role is volunteer sees children only through civil society's narrow view. */
export function isVolunteerOnly(actor: Actor): boolean {
  return actor.memberships.every((m) => m.role === 'volunteer');
}

/**
 * The one rule for which children an actor sees, applied in every query for
 * child data: the actor's tenant, and either an open place in the child's hub,
 * or a manager role in an organisation that has an open place in it.
 */
export function visibleChildren(actor: Actor): SQL {
  const managedOrgs = managedOrganisations(actor);
  const member = sql`exists (select 1 from ${hubMembers} where ${and(
    eq(hubMembers.childId, children.id),
    eq(hubMembers.userId, actor.userId),
    activeMembership(),
  )})`;
  const managed =
    managedOrgs.length > 0
      ? sql`exists (select 1 from ${hubMembers} where ${and(
          eq(hubMembers.childId, children.id),
          inArray(hubMembers.organisationId, managedOrgs),
          activeMembership(),
        )})`
      : undefined;
  return and(eq(children.tenantId, actor.tenantId), managed ? or(member, managed) : member) as SQL;
}

/**
 * Children the actor sees in full, not only through civil society's narrow
 * view: an open place in the hub in a role other than civil_society (or a
 * manager of such a member's organisation), and some role besides volunteer.
 * Mirrors `viewOf` in access.ts; filters on case data (asylum status) use it
 * so that a narrow viewer cannot learn case data by filtering.
 */
export function fullyVisibleChildren(actor: Actor): SQL {
  if (isVolunteerOnly(actor)) return sql`false`;
  const managedOrgs = managedOrganisations(actor);
  const through =
    managedOrgs.length > 0
      ? or(eq(hubMembers.userId, actor.userId), inArray(hubMembers.organisationId, managedOrgs))
      : eq(hubMembers.userId, actor.userId);
  return and(
    eq(children.tenantId, actor.tenantId),
    sql`exists (select 1 from ${hubMembers} where ${and(
      eq(hubMembers.childId, children.id),
      through,
      ne(hubMembers.hubRole, 'civil_society'),
      activeMembership(),
    )})`,
  ) as SQL;
}

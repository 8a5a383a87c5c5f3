import { and, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../context.ts';
import { children, hubMembers } from './tables.ts';

/** An open hub membership: not ended, or ending later. Ending it removes access at once. */
export function activeMembership(): SQL {
  return or(isNull(hubMembers.endedAt), gt(hubMembers.endedAt, sql`now()`)) as SQL;
}

/**
 * The one rule for which children an actor sees, applied in every query for
 * child data: the actor's tenant, and either an open place in the child's hub,
 * or a manager role in an organisation that has an open place in it.
 */
export function visibleChildren(actor: Actor): SQL {
  const managedOrgs = actor.memberships.filter((m) => m.role === 'manager').map((m) => m.organisationId);
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

import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { HubRole } from '../../common/schemas/children.ts';
import type { Db } from '../db/connect.ts';
import { activeMembership } from '../domain/children/scope.ts';
import { hubMembers } from '../domain/children/tables.ts';
import { memberships, users } from '../domain/tenancy/tables.ts';

/** A hub role, or 'manager': the managers of the organisations of the hub's social workers. */
export type Audience = HubRole | 'manager';

/**
 * The users a notice goes to, resolved now from the hub's open memberships:
 * a member who left the hub before this moment is not among them. Callers run
 * it when the job runs, not when it was scheduled.
 */
export async function hubRecipients(tx: Db, childId: string, audience: readonly Audience[]): Promise<string[]> {
  const roles = audience.filter((a): a is HubRole => a !== 'manager');
  const out = new Set<string>();
  if (roles.length > 0) {
    const rows = await tx
      .select({ userId: hubMembers.userId })
      .from(hubMembers)
      .where(and(eq(hubMembers.childId, childId), inArray(hubMembers.hubRole, roles), activeMembership()));
    for (const r of rows) out.add(r.userId);
  }
  if (audience.includes('manager')) for (const id of await managersOfSocialWorkers(tx, childId)) out.add(id);
  return [...out];
}

/** Managers (role 'manager', not disabled) of the organisations the child's social workers act for. */
export async function managersOfSocialWorkers(tx: Db, childId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.role, 'manager'),
        isNull(users.disabledAt),
        sql`${memberships.organisationId} in (select ${hubMembers.organisationId} from ${hubMembers} where ${and(
          eq(hubMembers.childId, childId),
          eq(hubMembers.hubRole, 'social_worker'),
          activeMembership(),
        )})`,
      ),
    );
  return rows.map((r) => r.userId);
}

/**
 * Whether the user still has the child in scope: an open place in the hub, or
 * a manager role in an organisation that has one (the rule of scope.ts). A
 * ping about a child goes only to someone who may still open it.
 */
export async function stillConcerned(tx: Db, userId: string, childId: string): Promise<boolean> {
  const result = await tx.execute(sql`select (
    exists (select 1 from ${hubMembers} where ${and(
      eq(hubMembers.childId, childId),
      eq(hubMembers.userId, userId),
      activeMembership(),
    )})
    or exists (select 1 from ${hubMembers} join ${memberships}
      on ${memberships.organisationId} = ${hubMembers.organisationId}
      where ${and(
        eq(hubMembers.childId, childId),
        eq(memberships.userId, userId),
        eq(memberships.role, 'manager'),
        activeMembership(),
      )})
  ) as ok`);
  return rowsOf<{ ok: boolean }>(result)[0]?.ok === true;
}

/** `execute` answers `{ rows }` on both drivers (node-postgres and PGlite). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

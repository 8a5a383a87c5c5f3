import { hasRole, type Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import * as repo from './repo.ts';

/*
 * Whose activity log a reader reviews, and what of it they see.
 *
 * - A tenant admin is the municipality's log reviewer: every user of the tenant, every row in full but
 *   for ids of children outside the municipality (a denied attempt may name one). They
 *   already review any child's log of the tenant (`reviewableChild`), so hiding child ids here would hide
 *   nothing they cannot read elsewhere.
 * - A manager reviews the users of the organisations they manage (current or former members), and of those
 *   rows only the ones about children in the manager's own scope keep the child's identity: a row about
 *   another child keeps what was done, when and from where, but neither the child id nor the entity id (an
 *   entity id of such a row — a meeting, a plan, a hub place — belongs to that child).
 */

/** Whether the actor may review this user's log; a user they may not review is answered 404. */
export async function reviewableUser(tx: Db, actor: Actor, userId: string): Promise<boolean> {
  if (hasRole(actor, 'tenant_admin')) return repo.userOfTenant(tx, actor.tenantId, userId);
  const managed = actor.memberships.filter((m) => m.role === 'manager').map((m) => m.organisationId);
  return repo.userOfOrganisations(tx, actor.tenantId, userId, managed);
}

type LogRow = { childId: string | null; entityId: string | null };

/**
 * The children of these rows that the actor may see identified; for a tenant admin, every child of the
 * municipality. A denied attempt may name any id the user typed, another municipality's child included: such an
 * id is never shown.
 */
export async function identifiableChildren(tx: Db, actor: Actor, rows: LogRow[]): Promise<Set<string>> {
  const ids = [...new Set(rows.map((r) => r.childId).filter((id): id is string => id !== null))];
  if (hasRole(actor, 'tenant_admin')) return repo.tenantChildIds(tx, actor.tenantId, ids);
  return repo.visibleChildIds(tx, actor, ids);
}

/** Rows with the identity of every child outside `visible` taken out. Pure. */
export function withoutForeignChildren<R extends LogRow>(rows: R[], visible: Set<string>): R[] {
  return rows.map((r) => (r.childId === null || visible.has(r.childId) ? r : { ...r, childId: null, entityId: null }));
}

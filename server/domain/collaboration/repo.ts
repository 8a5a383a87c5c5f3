import { and, asc, eq, ilike, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { CollaborationPersonRole } from '../../../common/schemas/collaboration.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { memberships, organisations, tenants, users } from '../tenancy/tables.ts';
import { collaborationSteps } from './roadmap/tables.ts';
import { collaborationParties, collaborationPeople, collaborationTenants, collaborations } from './tables.ts';

/*
 * Queries of the collaboration itself. Nothing here touches a child; the
 * scope rule (accepted municipalities) is applied by `access.ts` before any
 * of these run for a request.
 */

export type CollaborationRow = typeof collaborations.$inferSelect;
export type PartyRow = typeof collaborationParties.$inferSelect;
export type PersonRow = typeof collaborationPeople.$inferSelect;

export async function insertCollaboration(tx: Db, v: typeof collaborations.$inferInsert) {
  const [row] = await tx.insert(collaborations).values(v).returning();
  return row!;
}

export async function insertTenantRow(tx: Db, v: typeof collaborationTenants.$inferInsert) {
  await tx.insert(collaborationTenants).values(v);
}

export async function tenantRow(tx: Db, collaborationId: string, tenantId: string) {
  const [row] = await tx
    .select()
    .from(collaborationTenants)
    .where(and(eq(collaborationTenants.collaborationId, collaborationId), eq(collaborationTenants.tenantId, tenantId)));
  return row;
}

export async function setTenantStatus(
  tx: Db,
  collaborationId: string,
  tenantId: string,
  v: Partial<typeof collaborationTenants.$inferInsert>,
) {
  await tx
    .update(collaborationTenants)
    .set(v)
    .where(and(eq(collaborationTenants.collaborationId, collaborationId), eq(collaborationTenants.tenantId, tenantId)));
}

/** Renames if the version still matches; undefined when someone else changed it first. */
export async function rename(tx: Db, id: string, version: number, name: string) {
  const [row] = await tx
    .update(collaborations)
    .set({ name, version: sql`${collaborations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(collaborations.id, id), eq(collaborations.version, version)))
    .returning();
  return row;
}

export async function municipalitiesOf(tx: Db, collaborationIds: string[]) {
  if (collaborationIds.length === 0) return [];
  return tx
    .select({
      collaborationId: collaborationTenants.collaborationId,
      tenantId: collaborationTenants.tenantId,
      name: tenants.name,
      status: collaborationTenants.status,
      respondedAt: collaborationTenants.respondedAt,
    })
    .from(collaborationTenants)
    .innerJoin(tenants, eq(tenants.id, collaborationTenants.tenantId))
    .where(inArray(collaborationTenants.collaborationId, collaborationIds))
    .orderBy(asc(collaborationTenants.invitedAt));
}

export async function collaborationsByIds(tx: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(collaborations).where(inArray(collaborations.id, ids)).orderBy(asc(collaborations.name));
}

/** Invitations to a municipality not yet answered, with who invited. */
export async function openInvitations(tx: Db, tenantId: string) {
  return tx
    .select({
      collaborationId: collaborations.id,
      name: collaborations.name,
      invitedBy: users.displayName,
      invitedAt: collaborationTenants.invitedAt,
    })
    .from(collaborationTenants)
    .innerJoin(collaborations, eq(collaborations.id, collaborationTenants.collaborationId))
    .leftJoin(users, eq(users.id, collaborationTenants.invitedBy))
    .where(and(eq(collaborationTenants.tenantId, tenantId), eq(collaborationTenants.status, 'invited')))
    .orderBy(asc(collaborationTenants.invitedAt));
}

export async function activeParties(tx: Db, collaborationId: string) {
  return tx
    .select({ party: collaborationParties, municipality: tenants.name })
    .from(collaborationParties)
    .leftJoin(tenants, eq(tenants.id, collaborationParties.tenantId))
    .where(and(eq(collaborationParties.collaborationId, collaborationId), isNull(collaborationParties.endedAt)))
    .orderBy(asc(collaborationParties.createdAt));
}

export async function findParty(tx: Db, collaborationId: string, partyId: string) {
  const [row] = await tx
    .select()
    .from(collaborationParties)
    .where(and(eq(collaborationParties.collaborationId, collaborationId), eq(collaborationParties.id, partyId)));
  return row;
}

export async function insertParty(tx: Db, v: typeof collaborationParties.$inferInsert) {
  const [row] = await tx.insert(collaborationParties).values(v).returning();
  return row!;
}

export async function endParty(tx: Db, partyId: string) {
  await tx.update(collaborationParties).set({ endedAt: new Date() }).where(eq(collaborationParties.id, partyId));
  await tx
    .update(collaborationPeople)
    .set({ endedAt: new Date() })
    .where(and(eq(collaborationPeople.partyId, partyId), isNull(collaborationPeople.endedAt)));
}

export async function activePeople(tx: Db, collaborationId: string) {
  return tx
    .select()
    .from(collaborationPeople)
    .where(and(eq(collaborationPeople.collaborationId, collaborationId), isNull(collaborationPeople.endedAt)))
    .orderBy(asc(collaborationPeople.createdAt));
}

export async function findPerson(tx: Db, collaborationId: string, personId: string) {
  const [row] = await tx
    .select()
    .from(collaborationPeople)
    .where(and(eq(collaborationPeople.collaborationId, collaborationId), eq(collaborationPeople.id, personId)));
  return row;
}

export async function insertPerson(tx: Db, v: typeof collaborationPeople.$inferInsert) {
  const [row] = await tx.insert(collaborationPeople).values(v).returning();
  return row!;
}

export async function endPerson(tx: Db, personId: string) {
  await tx.update(collaborationPeople).set({ endedAt: new Date() }).where(eq(collaborationPeople.id, personId));
}

export async function findTenant(tx: Db, id: string) {
  const [row] = await tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.id, id));
  return row;
}

/** The directory other municipalities are invited from: names only. */
export async function searchTenants(tx: Db, q: string | undefined, except: string) {
  const where = q ? and(ne(tenants.id, except), ilike(tenants.name, `%${escapeLike(q)}%`)) : ne(tenants.id, except);
  return tx
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(where)
    .orderBy(asc(tenants.name))
    .limit(50);
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findOrganisation(tx: Db, id: string) {
  const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

/** A user with the organisations of their live memberships, or undefined. */
export async function userWithOrganisations(tx: Db, id: string) {
  const [user] = await tx
    .select({ id: users.id, tenantId: users.tenantId, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)));
  if (!user) return undefined;
  const orgs = await tx
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, id), isNull(memberships.endedAt)));
  return { ...user, organisationIds: orgs.map((o) => o.organisationId) };
}

/** Users of the collaboration's municipalities, to pick representatives and coordinators from. */
export async function candidates(tx: Db, tenantIds: string[], q: string | undefined) {
  if (tenantIds.length === 0) return [];
  const base = and(inArray(users.tenantId, tenantIds), isNull(users.disabledAt), isNull(memberships.endedAt));
  return tx
    .select({
      id: users.id,
      displayName: users.displayName,
      municipality: tenants.name,
      tenantId: users.tenantId,
      organisationId: organisations.id,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(q ? and(base, ilike(users.displayName, `%${escapeLike(q)}%`)) : base)
    .orderBy(asc(users.displayName))
    .limit(200);
}

export async function userNames(tx: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Steps marked done per collaboration, for the list. */
export async function stepsDone(tx: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: collaborationSteps.collaborationId, n: sql<number>`count(*)::int` })
    .from(collaborationSteps)
    .where(and(inArray(collaborationSteps.collaborationId, ids), eq(collaborationSteps.status, 'done')))
    .groupBy(collaborationSteps.collaborationId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Whether the user is named a coordinator of the collaboration (any municipality; scope is checked apart). */
export async function isNamedCoordinator(tx: Db, userId: string, collaborationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: collaborationPeople.id })
    .from(collaborationPeople)
    .where(
      and(
        eq(collaborationPeople.collaborationId, collaborationId),
        eq(collaborationPeople.userId, userId),
        eq(collaborationPeople.role, 'coordinator'),
        isNull(collaborationPeople.endedAt),
      ),
    );
  return row !== undefined;
}

// ---- what the scope rule (`access.ts`) reads ------------------------------------------

/** The collaboration with each municipality that has accepted to take part: one row per municipality. */
export async function collaborationWithAcceptedTenants(db: Db, collaborationId: string) {
  return db
    .select({ collaboration: collaborations, tenantId: collaborationTenants.tenantId })
    .from(collaborations)
    .innerJoin(collaborationTenants, eq(collaborationTenants.collaborationId, collaborations.id))
    .where(and(eq(collaborations.id, collaborationId), eq(collaborationTenants.status, 'accepted')));
}

/** The roles a user holds in the collaboration now (coordinator, representative at a level). */
export async function openPersonRolesOf(
  db: Db,
  collaborationId: string,
  userId: string,
): Promise<CollaborationPersonRole[]> {
  const rows = await db
    .select({ role: collaborationPeople.role })
    .from(collaborationPeople)
    .where(
      and(
        eq(collaborationPeople.collaborationId, collaborationId),
        eq(collaborationPeople.userId, userId),
        isNull(collaborationPeople.endedAt),
      ),
    );
  return rows.map((p) => p.role);
}

/** Ids of the collaborations the actor's municipality has accepted to take part in. */
export async function visibleCollaborationIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ id: collaborationTenants.collaborationId })
    .from(collaborationTenants)
    .where(and(eq(collaborationTenants.tenantId, actor.tenantId), eq(collaborationTenants.status, 'accepted')));
  return rows.map((r) => r.id);
}

/** The collaborations the actor coordinates: the coordinator's start page begins here. */
export async function coordinatedCollaborationIds(db: Db, actor: Actor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: collaborationPeople.collaborationId })
    .from(collaborationPeople)
    .where(
      and(
        inArray(collaborationPeople.collaborationId, ids),
        eq(collaborationPeople.userId, actor.userId),
        eq(collaborationPeople.role, 'coordinator'),
        isNull(collaborationPeople.endedAt),
      ),
    );
  return rows.map((r) => r.id);
}

import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { UserListQuery } from '../../../common/schemas/tenancy.ts';
import type { Db } from '../../db/connect.ts';
import { alias } from 'drizzle-orm/pg-core';
import { memberships, organisations, roleGrants, tenants, users } from './tables.ts';

/* Every query here takes the tenant id: nothing an admin asks for crosses tenants. */

export type OrganisationRow = typeof organisations.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type TenantRow = typeof tenants.$inferSelect;
export type MembershipWithOrg = Awaited<ReturnType<typeof membershipsOf>>[number];

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listOrganisations(db: Db, tenantId: string): Promise<OrganisationRow[]> {
  return db
    .select()
    .from(organisations)
    .where(eq(organisations.tenantId, tenantId))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

export async function organisationNamed(db: Db, tenantId: string, name: string): Promise<OrganisationRow | null> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), sql`lower(${organisations.name}) = ${name.toLowerCase()}`));
  return row ?? null;
}

export async function insertOrganisation(db: Db, row: typeof organisations.$inferInsert): Promise<OrganisationRow> {
  const [created] = await db.insert(organisations).values(row).returning();
  if (!created) throw new Error('insert returned nothing');
  return created;
}

/** Which of the given organisation ids belong to the tenant. */
export async function organisationIdsInTenant(db: Db, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function listUsers(
  db: Db,
  tenantId: string,
  q: UserListQuery,
): Promise<{ rows: UserRow[]; total: number }> {
  const filters: SQL[] = [eq(users.tenantId, tenantId)];
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    const match = or(ilike(users.displayName, pattern), ilike(users.email, pattern));
    if (match) filters.push(match);
  }
  // Role and organisation judge the same open membership: "a manager at the school", not one of each.
  if (q.role || q.organisationId)
    filters.push(
      sql`exists (select 1 from ${memberships} where ${and(
        eq(memberships.userId, users.id),
        eq(memberships.tenantId, tenantId),
        isNull(memberships.endedAt),
        q.role ? eq(memberships.role, q.role) : undefined,
        q.organisationId ? eq(memberships.organisationId, q.organisationId) : undefined,
      )})`,
    );
  const where = and(...filters);
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [totalRow] = await db.select({ n: count() }).from(users).where(where);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function findUser(db: Db, tenantId: string, id: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.tenantId, tenantId)));
  return row ?? null;
}

/** E-mail addresses are unique across the server (login finds the tenant by them). */
export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row !== undefined;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  if (!created) throw new Error('insert returned nothing');
  return created;
}

export async function updateUser(db: Db, tenantId: string, id: string, patch: Partial<UserRow>): Promise<void> {
  await db
    .update(users)
    .set(patch)
    .where(and(eq(users.id, id), eq(users.tenantId, tenantId)));
}

/** All memberships (ended ones too) of the given users, with the organisation's name. */
export async function membershipsOf(db: Db, tenantId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
      createdAt: memberships.createdAt,
      endedAt: memberships.endedAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.userId, userIds)))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
}

export async function insertMemberships(db: Db, rows: (typeof memberships.$inferInsert)[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const created = await db.insert(memberships).values(rows).returning({ id: memberships.id });
  return created.map((r) => r.id);
}

export async function findMembership(db: Db, tenantId: string, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, id), eq(memberships.userId, userId), eq(memberships.tenantId, tenantId)));
  return row ?? null;
}

export async function activeMembershipExists(
  db: Db,
  userId: string,
  organisationId: string,
  role: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, role),
        isNull(memberships.endedAt),
      ),
    );
  return row !== undefined;
}

export async function endMembership(db: Db, id: string): Promise<void> {
  await db.update(memberships).set({ endedAt: new Date() }).where(eq(memberships.id, id));
}

/** Enabled users holding an active tenant_admin membership: the tenant must never drop to zero. */
export async function activeAdminIds(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(users.tenantId, tenantId),
        isNull(users.disabledAt),
        eq(memberships.role, 'tenant_admin'),
        isNull(memberships.endedAt),
      ),
    );
  return rows.map((r) => r.id);
}

export async function findTenant(db: Db, tenantId: string): Promise<TenantRow | null> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  return row ?? null;
}

export async function updateTenant(db: Db, tenantId: string, patch: Partial<TenantRow>): Promise<TenantRow | null> {
  const [row] = await db.update(tenants).set(patch).where(eq(tenants.id, tenantId)).returning();
  return row ?? null;
}

// ---- role grants waiting for a second admin ----

export type GrantRow = typeof roleGrants.$inferSelect;

/** Grants with the names an admin reads: who, where, asked by whom, decided by whom. */
export async function grantsWithNames(db: Db, tenantId: string, filter: SQL) {
  const target = alias(users, 'grant_user');
  const requester = alias(users, 'grant_requester');
  const decider = alias(users, 'grant_decider');
  return db
    .select({
      grant: roleGrants,
      userName: target.displayName,
      organisationName: organisations.name,
      requestedByName: requester.displayName,
      decidedByName: decider.displayName,
    })
    .from(roleGrants)
    .innerJoin(target, eq(target.id, roleGrants.userId))
    .innerJoin(organisations, eq(organisations.id, roleGrants.organisationId))
    .innerJoin(requester, eq(requester.id, roleGrants.requestedBy))
    .leftJoin(decider, eq(decider.id, roleGrants.decidedBy))
    .where(and(eq(roleGrants.tenantId, tenantId), filter))
    .orderBy(asc(roleGrants.requestedAt), asc(roleGrants.id))
    .limit(500);
}
export type GrantWithNames = Awaited<ReturnType<typeof grantsWithNames>>[number];

/** Pending grants, of the given users only when named. */
export const pendingGrants = (userIds?: string[]): SQL =>
  and(eq(roleGrants.status, 'pending'), userIds ? inArray(roleGrants.userId, userIds) : undefined) as SQL;

export const grantById = (id: string): SQL => eq(roleGrants.id, id);

export async function pendingGrantExists(db: Db, userId: string, organisationId: string, role: string) {
  const [row] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.organisationId, organisationId),
        eq(roleGrants.role, role as GrantRow['role']),
        eq(roleGrants.status, 'pending'),
      ),
    );
  return row !== undefined;
}

export async function insertGrant(db: Db, row: typeof roleGrants.$inferInsert): Promise<GrantRow> {
  const [created] = await db.insert(roleGrants).values(row).returning();
  if (!created) throw new Error('insert returned nothing');
  return created;
}

/** Decides a pending grant; null when it was no longer pending (decided by someone else meanwhile). */
export async function decideGrant(
  db: Db,
  id: string,
  patch: Pick<GrantRow, 'status' | 'decidedBy' | 'decidedAt' | 'membershipId'>,
): Promise<GrantRow | null> {
  const [row] = await db
    .update(roleGrants)
    .set(patch)
    .where(and(eq(roleGrants.id, id), eq(roleGrants.status, 'pending')))
    .returning();
  return row ?? null;
}

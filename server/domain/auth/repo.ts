import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { memberships, organisations, tenants, users } from '../tenancy/tables.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

export async function findUser(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findTenant(db: Db, id: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
  return row ?? null;
}

export async function updateUser(db: Db, id: string, patch: Partial<UserRow>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function activeMembershipsWithOrg(db: Db, userId: string) {
  return db
    .select({
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      principalType: organisations.principalType,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt)));
}

export async function demoTenant(db: Db) {
  const [row] = await db.select().from(tenants).where(eq(tenants.isDemo, true)).limit(1);
  return row ?? null;
}

import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { memberships, organisations, tenants, users } from '../tenancy/tables.ts';
import { loginFailures } from './tables.ts';

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

// ---- failed sign-ins (throttle.ts) ----------------------------------------------------------

export type LoginFailureRow = typeof loginFailures.$inferSelect;

/** Failures on one account since `since`: from this address, the last of them, and from anywhere. */
export async function failureCounts(db: Db, accountKey: string, ip: string, since: Date) {
  const [row] = await db
    .select({
      pair: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})`.mapWith(Number),
      pairLastAt: sql<Date | null>`max(${loginFailures.at}) filter (where ${loginFailures.ip} = ${ip})`.mapWith(
        (v: string | Date | null) => (v === null ? null : new Date(v)),
      ),
      account: sql<number>`count(*)`.mapWith(Number),
    })
    .from(loginFailures)
    .where(and(eq(loginFailures.accountKey, accountKey), gt(loginFailures.at, since)));
  return row ?? { pair: 0, pairLastAt: null, account: 0 };
}

export async function insertLoginFailure(db: Db, row: Omit<LoginFailureRow, 'id'>): Promise<void> {
  await db.insert(loginFailures).values(row);
}

/** Forgets the failures of one account from one address (after a sign-in from there). */
export async function clearPairFailures(db: Db, accountKey: string, ip: string): Promise<void> {
  await db.delete(loginFailures).where(and(eq(loginFailures.accountKey, accountKey), eq(loginFailures.ip, ip)));
}

/** Forgets every failure of one account (the admin's unlock). Returns how many there were. */
export async function clearAccountFailures(db: Db, accountKey: string): Promise<number> {
  const gone = await db
    .delete(loginFailures)
    .where(eq(loginFailures.accountKey, accountKey))
    .returning({ id: loginFailures.id });
  return gone.length;
}

export async function pruneLoginFailures(db: Db, before: Date): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}

/** One account's failures since `since`, per address: how many, how many in the window, first and last. */
export async function failuresByAddress(db: Db, accountKey: string, since: Date, windowStart: Date) {
  const asDate = (v: string | Date) => new Date(v);
  return db
    .select({
      ip: loginFailures.ip,
      failures: sql<number>`count(*)`.mapWith(Number),
      inWindow: sql<number>`count(*) filter (where ${loginFailures.at} > ${windowStart.toISOString()})`.mapWith(Number),
      firstAt: sql<Date>`min(${loginFailures.at})`.mapWith(asDate),
      lastAt: sql<Date>`max(${loginFailures.at})`.mapWith(asDate),
    })
    .from(loginFailures)
    .where(and(eq(loginFailures.accountKey, accountKey), gt(loginFailures.at, since)))
    .groupBy(loginFailures.ip)
    .orderBy(desc(sql`max(${loginFailures.at})`))
    .limit(50);
}

export async function recentLoginFailures(db: Db, accountKey: string, since: Date, limit: number) {
  return db
    .select({ at: loginFailures.at, ip: loginFailures.ip, kind: loginFailures.kind })
    .from(loginFailures)
    .where(and(eq(loginFailures.accountKey, accountKey), gt(loginFailures.at, since)))
    .orderBy(desc(loginFailures.at))
    .limit(limit);
}

// ---------------------------------------------------------------------------------------------

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

/** What the login page says of the demo: whether there is one, and whether every demo municipality has two-factor off. */
export async function demoLoginInfo(db: Db): Promise<{ demo: boolean; demoTotpOff: boolean }> {
  const rows = await db.select({ requireTotp: tenants.requireTotp }).from(tenants).where(eq(tenants.isDemo, true));
  return { demo: rows.length > 0, demoTotpOff: rows.length > 0 && rows.every((r) => !r.requireTotp) };
}

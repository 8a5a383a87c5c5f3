import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { users } from '../tenancy/tables.ts';
import { sessions } from './tables.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(tx: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(values);
}

/** The session stored under an id (the token's SHA-256), if not revoked. */
export async function unrevokedSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  return row;
}

export async function setLastSeen(db: Db, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function setActive(tx: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await tx.update(sessions).set({ stage: 'active', lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function setRevoked(tx: Db, id: string): Promise<void> {
  await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, id));
}

/** Revokes every open session of the user; how many there were. */
export async function setAllRevoked(tx: Db, userId: string): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** The user's open memberships, oldest first, as one JSON array inside the session's row. */
const openMemberships = sql<{ organisationId: string; role: string }[]>`coalesce((
  select json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role) order by m.created_at, m.id)
  from memberships m
  where m.user_id = ${users.id} and m.ended_at is null
), '[]'::json)`;

function buildQuery(db: Db) {
  return db
    .select({
      session: sessions,
      user: { id: users.id, tenantId: users.tenantId, displayName: users.displayName },
      memberships: openMemberships,
    })
    .from(sessions)
    .leftJoin(users, and(eq(users.id, sessions.userId), isNull(users.disabledAt)))
    .where(and(eq(sessions.id, sql.placeholder('id')), isNull(sessions.revokedAt)))
    .prepare('navet_session_and_actor');
}

// Every request runs it: prepared once per database (on PostgreSQL once per connection), not rebuilt.
const prepared = new WeakMap<Db, ReturnType<typeof buildQuery>>();

/** The unrevoked session under an id, its user (null when disabled) and open memberships: one statement. */
export async function sessionUserAndMemberships(db: Db, id: string) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = buildQuery(db)));
  const [row] = await query.execute({ id });
  return row;
}

import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { tenants, users } from '../tenancy/tables.ts';
import { invitations, passwordResets } from './invitations-tables.ts';

/** A one-time link token and the hash that is stored for it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(db: Db, row: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [saved] = await db.insert(invitations).values(row).returning();
  if (!saved) throw new Error('invitation not saved');
  return saved;
}

/** The invitation of a token with its user and tenant, used or not: the caller tells used from expired. */
export async function invitationByToken(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, user: users, tenantName: tenants.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  return row ?? null;
}

export async function findInvitation(db: Db, id: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
  return row ?? null;
}

/** Marks the invitation used unless it already is or has expired; false when another request won. */
export async function useInvitation(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ usedAt: new Date() })
    .where(and(eq(invitations.id, id), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/** Earlier unused invitations of the user stop working when a new one is sent. */
export async function retireInvitations(db: Db, userId: string): Promise<void> {
  await db
    .update(invitations)
    .set({ usedAt: new Date() })
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt)));
}

export async function hasOpenInvitation(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())));
  return rows.length > 0;
}

export type ResetRow = typeof passwordResets.$inferSelect;

export async function insertReset(db: Db, row: typeof passwordResets.$inferInsert): Promise<void> {
  await db.insert(passwordResets).values(row);
}

export async function resetByToken(db: Db, token: string) {
  const [row] = await db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  return row ?? null;
}

export async function useReset(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
    .returning({ id: passwordResets.id });
  return rows.length === 1;
}

/** A new reset link replaces the user's earlier ones. */
export async function retireResets(db: Db, userId: string): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { children } from '../children/tables.ts';
import { sharedWith, withheldRows, type Guarded } from '../sharing/rule.ts';
import { childMessages } from './tables.ts';

export type ChildMessageRow = typeof childMessages.$inferSelect;

export const messageCols = {
  childId: childMessages.childId,
  owner: childMessages.ownerOrganisationId,
  category: childMessages.category,
};

/** Locks the child's row for the transaction: one message at a time per child. */
export async function lockChild(tx: Db, childId: string): Promise<void> {
  await tx.execute(sql`select 1 from ${children} where ${children.id} = ${childId} for update`);
}

/** How many messages the child sent since `since`: the rate limit counts these. */
export async function countSince(db: Db, childId: string, since: Date): Promise<{ n: number; oldest: Date | null }> {
  const rows = await db
    .select({ createdAt: childMessages.createdAt })
    .from(childMessages)
    .where(and(eq(childMessages.childId, childId), gt(childMessages.createdAt, since)))
    .orderBy(childMessages.createdAt);
  return { n: rows.length, oldest: rows[0]?.createdAt ?? null };
}

export async function insertMessage(db: Db, values: typeof childMessages.$inferInsert): Promise<ChildMessageRow> {
  const [row] = await db.insert(childMessages).values(values).returning();
  if (!row) throw new Error('message insert returned nothing');
  return row;
}

/** The child's own messages, newest first: the child reads what they sent. */
export async function messagesOfChild(db: Db, childId: string, limit = 50): Promise<ChildMessageRow[]> {
  return db
    .select()
    .from(childMessages)
    .where(eq(childMessages.childId, childId))
    .orderBy(desc(childMessages.createdAt))
    .limit(limit);
}

/** The child's messages the actor may see (purpose hub), newest first. */
export async function visibleMessages(db: Db, actor: Actor, childId: string, limit = 100): Promise<ChildMessageRow[]> {
  return db
    .select()
    .from(childMessages)
    .where(and(eq(childMessages.childId, childId), sharedWith(actor, messageCols, 'hub')))
    .orderBy(desc(childMessages.createdAt))
    .limit(limit);
}

export async function withheldMessages(db: Db, actor: Actor, childId: string): Promise<Guarded[]> {
  return withheldRows(db, actor, childMessages, messageCols, eq(childMessages.childId, childId), 'hub');
}

export async function findVisibleMessage(
  db: Db,
  actor: Actor,
  childId: string,
  id: string,
): Promise<ChildMessageRow | null> {
  const [row] = await db
    .select()
    .from(childMessages)
    .where(and(eq(childMessages.id, id), eq(childMessages.childId, childId), sharedWith(actor, messageCols, 'hub')));
  return row ?? null;
}

/** Sets the answer once; null when someone answered a moment before. */
export async function answerOnce(
  db: Db,
  id: string,
  answer: { answerText: string; answerLang: string; answeredBy: string; answeredByMemberId: string | null },
): Promise<ChildMessageRow | null> {
  const [row] = await db
    .update(childMessages)
    .set({ ...answer, answeredAt: new Date() })
    .where(and(eq(childMessages.id, id), isNull(childMessages.answeredAt)))
    .returning();
  return row ?? null;
}

export async function unansweredCount(db: Db, childId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(childMessages)
    .where(and(eq(childMessages.childId, childId), isNull(childMessages.answeredAt)));
  return row?.n ?? 0;
}

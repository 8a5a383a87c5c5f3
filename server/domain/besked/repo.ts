import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { sharedWith, withheldRows } from '../sharing/rule.ts';
import { users } from '../tenancy/tables.ts';
import { beskedContradictions, beskedEntries, beskedLines } from './tables.ts';

export type EntryRow = typeof beskedEntries.$inferSelect;
export type ContradictionRow = typeof beskedContradictions.$inferSelect;
export type LineRow = typeof beskedLines.$inferSelect;

/** What the sharing rule reads on an entry: the teller's organisation owns it. */
const entryCols = {
  childId: beskedEntries.childId,
  owner: beskedEntries.ownerOrganisationId,
  category: beskedEntries.category,
};

export async function userNames(tx: Db, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** The child's entries the sharing rule lets the actor see (purpose hub), newest first. */
export function visibleEntries(tx: Db, actor: Actor, childId: string) {
  return tx
    .select()
    .from(beskedEntries)
    .where(and(eq(beskedEntries.childId, childId), sharedWith(actor, entryCols, 'hub')))
    .orderBy(desc(beskedEntries.toldOn), desc(beskedEntries.createdAt));
}

/** What the sharing rule keeps back from the actor of the child's entries, counted by owner and category. */
export function withheldEntries(tx: Db, actor: Actor, childId: string) {
  return withheldRows(tx, actor, beskedEntries, entryCols, eq(beskedEntries.childId, childId), 'hub');
}

/** The given entries of the child, of those the actor sees. */
export function visibleEntriesById(tx: Db, actor: Actor, childId: string, ids: string[]) {
  return tx
    .select()
    .from(beskedEntries)
    .where(
      and(eq(beskedEntries.childId, childId), inArray(beskedEntries.id, ids), sharedWith(actor, entryCols, 'hub')),
    );
}

export async function insertEntry(tx: Db, values: typeof beskedEntries.$inferInsert): Promise<EntryRow> {
  const [row] = await tx.insert(beskedEntries).values(values).returning();
  return row!;
}

export function contradictionsOf(tx: Db, childId: string) {
  return tx
    .select()
    .from(beskedContradictions)
    .where(eq(beskedContradictions.childId, childId))
    .orderBy(asc(beskedContradictions.markedAt));
}

/** Whether the pair (in sorted order) is already marked and not resolved. */
export async function openContradictionOf(tx: Db, entryA: string, entryB: string): Promise<boolean> {
  const [existing] = await tx
    .select({ id: beskedContradictions.id })
    .from(beskedContradictions)
    .where(
      and(
        eq(beskedContradictions.entryA, entryA),
        eq(beskedContradictions.entryB, entryB),
        isNull(beskedContradictions.resolvedAt),
      ),
    );
  return existing !== undefined;
}

export async function insertContradiction(
  tx: Db,
  values: typeof beskedContradictions.$inferInsert,
): Promise<ContradictionRow> {
  const [row] = await tx.insert(beskedContradictions).values(values).returning();
  return row!;
}

/** Resolves the open contradictions of the child's topic by an agreed line; the ids resolved. */
export function resolveContradictions(tx: Db, childId: string, topic: string, lineId: string) {
  return tx
    .update(beskedContradictions)
    .set({ resolvedAt: new Date(), resolvedByLineId: lineId })
    .where(
      and(
        eq(beskedContradictions.childId, childId),
        eq(beskedContradictions.topic, topic),
        isNull(beskedContradictions.resolvedAt),
      ),
    )
    .returning({ id: beskedContradictions.id });
}

export function linesOf(tx: Db, childId: string) {
  return tx.select().from(beskedLines).where(eq(beskedLines.childId, childId)).orderBy(desc(beskedLines.createdAt));
}

export async function insertLine(tx: Db, values: typeof beskedLines.$inferInsert): Promise<LineRow> {
  const [row] = await tx.insert(beskedLines).values(values).returning();
  return row!;
}

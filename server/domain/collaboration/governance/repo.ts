import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { GovernanceContent } from '../../../../common/schemas/governance.ts';
import type { Db } from '../../../db/connect.ts';
import { users } from '../../tenancy/tables.ts';
import { collaborationParties } from '../tables.ts';
import { governanceSignOffs, governanceVersions } from './tables.ts';

/* Queries of the governance document. Every one names its collaboration or a version found through it. */

export type VersionRow = typeof governanceVersions.$inferSelect;

export async function versionsOf(tx: Db, collaborationId: string) {
  return tx
    .select()
    .from(governanceVersions)
    .where(eq(governanceVersions.collaborationId, collaborationId))
    .orderBy(desc(governanceVersions.number));
}

export async function findVersion(tx: Db, collaborationId: string, number: number) {
  const [row] = await tx
    .select()
    .from(governanceVersions)
    .where(and(eq(governanceVersions.collaborationId, collaborationId), eq(governanceVersions.number, number)));
  return row;
}

export async function insertVersion(tx: Db, v: typeof governanceVersions.$inferInsert) {
  const [row] = await tx.insert(governanceVersions).values(v).onConflictDoNothing().returning();
  return row;
}

/** Saves the draft if the revision read is still the current one; undefined when someone saved first. */
export async function saveContent(tx: Db, id: string, revision: number, content: GovernanceContent, userId: string) {
  const [row] = await tx
    .update(governanceVersions)
    .set({ content, revision: sql`${governanceVersions.revision} + 1`, updatedBy: userId, updatedAt: new Date() })
    .where(
      and(
        eq(governanceVersions.id, id),
        eq(governanceVersions.revision, revision),
        eq(governanceVersions.status, 'draft'),
      ),
    )
    .returning();
  return row;
}

export async function signOffsOf(tx: Db, versionId: string, revision: number) {
  return tx
    .select({
      partyId: governanceSignOffs.partyId,
      partyName: collaborationParties.name,
      signedBy: governanceSignOffs.signedBy,
      signedAt: governanceSignOffs.signedAt,
      recordedBy: users.displayName,
    })
    .from(governanceSignOffs)
    .innerJoin(collaborationParties, eq(collaborationParties.id, governanceSignOffs.partyId))
    .innerJoin(users, eq(users.id, governanceSignOffs.recordedBy))
    .where(and(eq(governanceSignOffs.versionId, versionId), eq(governanceSignOffs.revision, revision)))
    .orderBy(asc(governanceSignOffs.signedAt));
}
export type SignOffRow = Awaited<ReturnType<typeof signOffsOf>>[number];

export async function insertSignOff(tx: Db, v: typeof governanceSignOffs.$inferInsert) {
  const [row] = await tx.insert(governanceSignOffs).values(v).onConflictDoNothing().returning();
  return row;
}

/** Adopts a version and retires the version adopted before it. */
export async function adopt(tx: Db, collaborationId: string, versionId: string) {
  await tx
    .update(governanceVersions)
    .set({ status: 'superseded' })
    .where(
      and(
        eq(governanceVersions.collaborationId, collaborationId),
        eq(governanceVersions.status, 'adopted'),
        ne(governanceVersions.id, versionId),
      ),
    );
  const [row] = await tx
    .update(governanceVersions)
    .set({ status: 'adopted', adoptedAt: new Date() })
    .where(eq(governanceVersions.id, versionId))
    .returning();
  return row!;
}

export async function userName(tx: Db, id: string): Promise<string> {
  const [row] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? '—';
}

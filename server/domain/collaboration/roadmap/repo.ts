import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { adoptedVersions, mappedWithWorkshop } from '../../processmaps/repo.ts';
import { users } from '../../tenancy/tables.ts';
import { governanceVersions } from '../governance/tables.ts';
import { collaborationParties } from '../tables.ts';
import { collaborationDecisions, collaborationProposals, collaborationReviews, collaborationSteps } from './tables.ts';

/* Queries of the roadmap: the steps and the artefacts of steps 1, 3 and 7. Every one names its collaboration. */

export type StepRow = typeof collaborationSteps.$inferSelect;
export type ProposalRow = typeof collaborationProposals.$inferSelect;
export type ReviewRow = typeof collaborationReviews.$inferSelect;

export async function stepsOf(tx: Db, collaborationId: string) {
  return tx.select().from(collaborationSteps).where(eq(collaborationSteps.collaborationId, collaborationId));
}

/** Writes a step if the version read still holds (0: the step has no row yet); undefined when stale. */
export async function saveStep(tx: Db, version: number, v: typeof collaborationSteps.$inferInsert) {
  if (version === 0) {
    const [row] = await tx.insert(collaborationSteps).values(v).onConflictDoNothing().returning();
    return row;
  }
  const [row] = await tx
    .update(collaborationSteps)
    .set({ ...v, version: sql`${collaborationSteps.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(collaborationSteps.collaborationId, v.collaborationId),
        eq(collaborationSteps.step, v.step),
        eq(collaborationSteps.version, version),
      ),
    )
    .returning();
  return row;
}

/** What each step has produced: the facts the "done" rule and the roadmap read. */
export async function artefacts(tx: Db, collaborationId: string) {
  const [parties, decided, proposals, adopted, held, mapped, adoptedMaps] = await Promise.all([
    tx
      .select({ id: collaborationParties.id, name: collaborationParties.name })
      .from(collaborationParties)
      .where(
        and(eq(collaborationParties.collaborationId, collaborationId), sql`${collaborationParties.endedAt} is null`),
      )
      .orderBy(asc(collaborationParties.createdAt)),
    tx
      .selectDistinct({ partyId: collaborationDecisions.partyId })
      .from(collaborationDecisions)
      .where(eq(collaborationDecisions.collaborationId, collaborationId)),
    count(tx, collaborationProposals, eq(collaborationProposals.collaborationId, collaborationId)),
    count(
      tx,
      governanceVersions,
      and(eq(governanceVersions.collaborationId, collaborationId), isNotNull(governanceVersions.adoptedAt)),
    ),
    count(
      tx,
      collaborationReviews,
      and(eq(collaborationReviews.collaborationId, collaborationId), isNotNull(collaborationReviews.heldOn)),
    ),
    // Step 2: maps with a workshop recorded; step 5: adopted map versions.
    mappedWithWorkshop(tx, collaborationId),
    adoptedVersions(tx, collaborationId),
  ]);
  const decidedPartyIds = new Set(decided.map((d) => d.partyId));
  return { parties, decidedPartyIds, proposals, adopted, held, mapped, adoptedMaps };
}
export type Artefacts = Awaited<ReturnType<typeof artefacts>>;

async function count(
  tx: Db,
  table: typeof collaborationProposals | typeof governanceVersions | typeof collaborationReviews,
  where: ReturnType<typeof and>,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
}

// Step 1.
export async function decisionsOf(tx: Db, collaborationId: string) {
  return tx
    .select({
      id: collaborationDecisions.id,
      partyId: collaborationDecisions.partyId,
      partyName: collaborationParties.name,
      decidedBy: collaborationDecisions.decidedBy,
      decidedOn: collaborationDecisions.decidedOn,
      text: collaborationDecisions.text,
      documentName: collaborationDecisions.documentName,
      documentSize: collaborationDecisions.documentSize,
      recordedBy: users.displayName,
      recordedAt: collaborationDecisions.recordedAt,
    })
    .from(collaborationDecisions)
    .innerJoin(collaborationParties, eq(collaborationParties.id, collaborationDecisions.partyId))
    .innerJoin(users, eq(users.id, collaborationDecisions.recordedBy))
    .where(eq(collaborationDecisions.collaborationId, collaborationId))
    .orderBy(asc(collaborationDecisions.decidedOn), asc(collaborationDecisions.recordedAt));
}
export type DecisionListRow = Awaited<ReturnType<typeof decisionsOf>>[number];

export async function insertDecision(tx: Db, v: typeof collaborationDecisions.$inferInsert) {
  const [row] = await tx.insert(collaborationDecisions).values(v).returning({ id: collaborationDecisions.id });
  return row!;
}

export async function decisionDocument(tx: Db, collaborationId: string, decisionId: string) {
  const [row] = await tx
    .select({ name: collaborationDecisions.documentName, bytes: collaborationDecisions.documentBytes })
    .from(collaborationDecisions)
    .where(and(eq(collaborationDecisions.collaborationId, collaborationId), eq(collaborationDecisions.id, decisionId)));
  return row;
}

// Step 3.
export async function proposalsOf(tx: Db, collaborationId: string) {
  return tx
    .select()
    .from(collaborationProposals)
    .where(eq(collaborationProposals.collaborationId, collaborationId))
    .orderBy(desc(collaborationProposals.createdAt));
}

export async function findProposal(tx: Db, collaborationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(collaborationProposals)
    .where(and(eq(collaborationProposals.collaborationId, collaborationId), eq(collaborationProposals.id, id)));
  return row;
}

export async function insertProposal(tx: Db, v: typeof collaborationProposals.$inferInsert) {
  const [row] = await tx.insert(collaborationProposals).values(v).returning();
  return row!;
}

export async function updateProposal(
  tx: Db,
  id: string,
  version: number,
  v: Partial<typeof collaborationProposals.$inferInsert>,
) {
  const [row] = await tx
    .update(collaborationProposals)
    .set({ ...v, version: sql`${collaborationProposals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(collaborationProposals.id, id), eq(collaborationProposals.version, version)))
    .returning();
  return row;
}

// Step 7.
export async function reviewsOf(tx: Db, collaborationId: string) {
  return tx
    .select()
    .from(collaborationReviews)
    .where(eq(collaborationReviews.collaborationId, collaborationId))
    .orderBy(asc(collaborationReviews.dueOn));
}

export async function findReview(tx: Db, collaborationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(collaborationReviews)
    .where(and(eq(collaborationReviews.collaborationId, collaborationId), eq(collaborationReviews.id, id)));
  return row;
}

export async function insertReview(tx: Db, v: typeof collaborationReviews.$inferInsert) {
  const [row] = await tx.insert(collaborationReviews).values(v).returning();
  return row!;
}

export async function recordReview(tx: Db, id: string, v: Partial<typeof collaborationReviews.$inferInsert>) {
  const [row] = await tx
    .update(collaborationReviews)
    .set(v)
    .where(and(eq(collaborationReviews.id, id), sql`${collaborationReviews.heldOn} is null`))
    .returning();
  return row;
}

export async function proposalIdsOfReviews(tx: Db, collaborationId: string) {
  return tx
    .select({ id: collaborationProposals.id, reviewId: collaborationProposals.reviewId })
    .from(collaborationProposals)
    .where(
      and(eq(collaborationProposals.collaborationId, collaborationId), isNotNull(collaborationProposals.reviewId)),
    );
}

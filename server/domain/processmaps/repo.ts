import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { users } from '../tenancy/tables.ts';
import { processMapAnnotations, processMaps, processMapVersions, processMapWorkshops } from './tables.ts';

/* Every query of the process maps. Each names its collaboration or a map already found in it. */

export type MapRow = typeof processMaps.$inferSelect;
export type VersionRow = Omit<typeof processMapVersions.$inferSelect, 'xml'> & {
  savedByName: string;
  recordedByName: string | null;
};
export type WorkshopRow = typeof processMapWorkshops.$inferSelect;
export type AnnotationRow = typeof processMapAnnotations.$inferSelect & { createdByName: string };

export async function mapsOf(tx: Db, collaborationId: string) {
  return tx
    .select({
      map: processMaps,
      adoptedNumber: sql<number | null>`(select max(v.number) from process_map_versions v
        where v.map_id = ${processMaps.id} and v.adopted_on is not null)`,
    })
    .from(processMaps)
    .where(eq(processMaps.collaborationId, collaborationId))
    .orderBy(desc(processMaps.createdAt));
}

export async function findMap(tx: Db, collaborationId: string, mapId: string, forUpdate = false) {
  const q = tx
    .select()
    .from(processMaps)
    .where(and(eq(processMaps.collaborationId, collaborationId), eq(processMaps.id, mapId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertMap(tx: Db, v: typeof processMaps.$inferInsert) {
  const [row] = await tx.insert(processMaps).values(v).returning();
  return row!;
}

export async function setHead(tx: Db, mapId: string, head: number) {
  await tx.update(processMaps).set({ head }).where(eq(processMaps.id, mapId));
}

export async function insertVersion(tx: Db, v: typeof processMapVersions.$inferInsert) {
  const [row] = await tx.insert(processMapVersions).values(v).returning({ id: processMapVersions.id });
  return row!;
}

const recorder = sql<
  string | null
>`(select u.display_name from users u where u.id = ${processMapVersions.adoptionRecordedBy})`;

/** The versions without their XML, newest first. */
export async function versionsOf(tx: Db, mapId: string): Promise<VersionRow[]> {
  return tx
    .select({
      id: processMapVersions.id,
      mapId: processMapVersions.mapId,
      number: processMapVersions.number,
      basedOn: processMapVersions.basedOn,
      note: processMapVersions.note,
      savedBy: processMapVersions.savedBy,
      savedAt: processMapVersions.savedAt,
      adoptedBody: processMapVersions.adoptedBody,
      adoptedDecidedBy: processMapVersions.adoptedDecidedBy,
      adoptedOn: processMapVersions.adoptedOn,
      adoptionText: processMapVersions.adoptionText,
      adoptionRecordedBy: processMapVersions.adoptionRecordedBy,
      savedByName: users.displayName,
      recordedByName: recorder,
    })
    .from(processMapVersions)
    .innerJoin(users, eq(users.id, processMapVersions.savedBy))
    .where(eq(processMapVersions.mapId, mapId))
    .orderBy(desc(processMapVersions.number));
}

export async function findVersion(tx: Db, mapId: string, number: number) {
  const [row] = await tx
    .select()
    .from(processMapVersions)
    .where(and(eq(processMapVersions.mapId, mapId), eq(processMapVersions.number, number)));
  return row;
}

/** Records the adoption unless the version already carries one; undefined when it did. */
export async function adopt(
  tx: Db,
  versionId: string,
  v: Pick<
    typeof processMapVersions.$inferInsert,
    'adoptedBody' | 'adoptedDecidedBy' | 'adoptedOn' | 'adoptionText' | 'adoptionRecordedBy'
  >,
) {
  const [row] = await tx
    .update(processMapVersions)
    .set(v)
    .where(and(eq(processMapVersions.id, versionId), sql`${processMapVersions.adoptedOn} is null`))
    .returning({ id: processMapVersions.id });
  return row;
}

export async function workshopsOf(tx: Db, mapId: string) {
  return tx
    .select()
    .from(processMapWorkshops)
    .where(eq(processMapWorkshops.mapId, mapId))
    .orderBy(asc(processMapWorkshops.heldOn));
}

export async function insertWorkshop(tx: Db, v: typeof processMapWorkshops.$inferInsert) {
  const [row] = await tx.insert(processMapWorkshops).values(v).returning();
  return row!;
}

export async function annotationsOf(tx: Db, mapId: string): Promise<AnnotationRow[]> {
  const rows = await tx
    .select({ a: processMapAnnotations, createdByName: users.displayName })
    .from(processMapAnnotations)
    .innerJoin(users, eq(users.id, processMapAnnotations.createdBy))
    .where(eq(processMapAnnotations.mapId, mapId))
    .orderBy(asc(processMapAnnotations.createdAt));
  return rows.map((r) => ({ ...r.a, createdByName: r.createdByName }));
}

export async function findAnnotation(tx: Db, mapId: string, id: string) {
  const rows = await annotationsOf(tx, mapId);
  return rows.find((r) => r.id === id);
}

export async function insertAnnotation(tx: Db, v: typeof processMapAnnotations.$inferInsert) {
  const [row] = await tx.insert(processMapAnnotations).values(v).returning({ id: processMapAnnotations.id });
  return row!;
}

export async function updateAnnotation(
  tx: Db,
  id: string,
  v: Partial<Pick<typeof processMapAnnotations.$inferInsert, 'kind' | 'text'>>,
) {
  await tx.update(processMapAnnotations).set(v).where(eq(processMapAnnotations.id, id));
}

/** Links the proposal unless another request did first; undefined then. */
export async function linkProposal(tx: Db, id: string, proposalId: string) {
  const [row] = await tx
    .update(processMapAnnotations)
    .set({ proposalId })
    .where(and(eq(processMapAnnotations.id, id), sql`${processMapAnnotations.proposalId} is null`))
    .returning({ id: processMapAnnotations.id });
  return row;
}

/** Links the competence need unless another request did first; undefined then. */
export async function linkNeed(tx: Db, id: string, needId: string) {
  const [row] = await tx
    .update(processMapAnnotations)
    .set({ competenceNeedId: needId })
    .where(and(eq(processMapAnnotations.id, id), sql`${processMapAnnotations.competenceNeedId} is null`))
    .returning({ id: processMapAnnotations.id });
  return row;
}

/** For proposals and needs made from annotations: each annotation's text and map, within one collaboration. */
export async function annotationSources(tx: Db, collaborationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: processMapAnnotations.id, title: processMapAnnotations.text, mapId: processMapAnnotations.mapId })
    .from(processMapAnnotations)
    .innerJoin(processMaps, eq(processMaps.id, processMapAnnotations.mapId))
    .where(and(eq(processMaps.collaborationId, collaborationId), inArray(processMapAnnotations.id, ids)));
}

/** For the roadmap: maps of the collaboration that have a workshop recorded (step 2). */
export async function mappedWithWorkshop(tx: Db, collaborationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(distinct ${processMaps.id})::int` })
    .from(processMaps)
    .innerJoin(processMapWorkshops, eq(processMapWorkshops.mapId, processMaps.id))
    .where(eq(processMaps.collaborationId, collaborationId));
  return row?.n ?? 0;
}

/** For the roadmap: adopted map versions of the collaboration (step 5). */
export async function adoptedVersions(tx: Db, collaborationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(processMapVersions)
    .innerJoin(processMaps, eq(processMaps.id, processMapVersions.mapId))
    .where(and(eq(processMaps.collaborationId, collaborationId), isNotNull(processMapVersions.adoptedOn)));
  return row?.n ?? 0;
}

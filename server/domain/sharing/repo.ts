import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { builtInLegalBases, type BuiltInLegalBasis, type LegalBasis } from '../../../common/schemas/sharing.ts';
import type { Db } from '../../db/connect.ts';
import { legalBases, legalShares } from './tables.ts';

export type ShareRow = typeof legalShares.$inferSelect;

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

function builtIn(key: BuiltInLegalBasis): LegalBasis {
  return { id: key, builtIn: true, ...builtInLegalBases[key], reference: null, archived: false };
}

/** The built-in bases, then the tenant's own in the order they were added. */
export async function legalBasesOf(db: Db, tenantId: string): Promise<LegalBasis[]> {
  const rows = await db
    .select()
    .from(legalBases)
    .where(eq(legalBases.tenantId, tenantId))
    .orderBy(asc(legalBases.createdAt), asc(legalBases.id));
  return [
    ...(Object.keys(builtInLegalBases) as BuiltInLegalBasis[]).map(builtIn),
    ...rows.map((r) => ({
      id: r.id,
      builtIn: false,
      labelSv: r.labelSv,
      labelEn: r.labelEn,
      reference: r.reference,
      archived: r.archivedAt !== null,
    })),
  ];
}

/** One basis of the tenant's list by id (built-in key or uuid), archived ones included; null if unknown. */
export async function findLegalBasis(db: Db, tenantId: string, id: string): Promise<LegalBasis | null> {
  if (id in builtInLegalBases) return builtIn(id as BuiltInLegalBasis);
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(legalBases)
    .where(and(eq(legalBases.tenantId, tenantId), eq(legalBases.id, id)));
  if (!row) return null;
  return {
    id: row.id,
    builtIn: false,
    labelSv: row.labelSv,
    labelEn: row.labelEn,
    reference: row.reference,
    archived: row.archivedAt !== null,
  };
}

export async function insertLegalBasis(db: Db, values: typeof legalBases.$inferInsert) {
  const [row] = await db.insert(legalBases).values(values).returning();
  if (!row) throw new Error('legal basis insert returned nothing');
  return row;
}

export async function archiveLegalBasis(db: Db, tenantId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(legalBases)
    .set({ archivedAt: new Date() })
    .where(and(eq(legalBases.tenantId, tenantId), eq(legalBases.id, id), isNull(legalBases.archivedAt)))
    .returning({ id: legalBases.id });
  return rows.length > 0;
}

export async function sharesOf(db: Db, tenantId: string, childId: string): Promise<ShareRow[]> {
  return db
    .select()
    .from(legalShares)
    .where(and(eq(legalShares.tenantId, tenantId), eq(legalShares.childId, childId)))
    .orderBy(desc(legalShares.recordedAt), desc(legalShares.id));
}

export async function findShare(db: Db, tenantId: string, id: string): Promise<ShareRow | null> {
  const [row] = await db
    .select()
    .from(legalShares)
    .where(and(eq(legalShares.tenantId, tenantId), eq(legalShares.id, id)));
  return row ?? null;
}

export async function insertShare(db: Db, values: typeof legalShares.$inferInsert): Promise<ShareRow> {
  const [row] = await db.insert(legalShares).values(values).returning();
  if (!row) throw new Error('share insert returned nothing');
  return row;
}

export async function endShare(db: Db, id: string, by: string): Promise<ShareRow | null> {
  const [row] = await db
    .update(legalShares)
    .set({ endedAt: new Date(), endedBy: by })
    .where(and(eq(legalShares.id, id), isNull(legalShares.endedAt)))
    .returning();
  return row ?? null;
}

import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ConsentState } from '../../../common/schemas/consent.ts';
import type { Db } from '../../db/connect.ts';
import { consentOrganisations, consents } from './tables.ts';

export type ConsentRow = typeof consents.$inferSelect;
export type ConsentWithOrgs = ConsentRow & { organisationIds: string[] };

/** Derived from the dates and the withdrawal; `today` is a Swedish calendar day. */
export function stateOf(c: Pick<ConsentRow, 'validFrom' | 'validTo' | 'withdrawnAt'>, today: string): ConsentState {
  if (c.withdrawnAt) return 'withdrawn';
  if (c.validFrom > today) return 'not_yet_valid';
  if (c.validTo < today) return 'expired';
  return 'valid';
}

async function withOrganisations(db: Db, rows: ConsentRow[]): Promise<ConsentWithOrgs[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(consentOrganisations)
    .where(
      inArray(
        consentOrganisations.consentId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    organisationIds: links.filter((l) => l.consentId === r.id).map((l) => l.organisationId),
  }));
}

export async function consentsOf(db: Db, tenantId: string, childId: string): Promise<ConsentWithOrgs[]> {
  const rows = await db
    .select()
    .from(consents)
    .where(and(eq(consents.tenantId, tenantId), eq(consents.childId, childId)))
    .orderBy(desc(consents.recordedAt), desc(consents.id));
  return withOrganisations(db, rows);
}

export async function findConsent(db: Db, tenantId: string, id: string): Promise<ConsentWithOrgs | null> {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.tenantId, tenantId), eq(consents.id, id)));
  if (!row) return null;
  const [out] = await withOrganisations(db, [row]);
  return out ?? null;
}

export async function insertConsent(
  db: Db,
  values: typeof consents.$inferInsert,
  organisationIds: string[],
): Promise<ConsentWithOrgs> {
  const [row] = await db.insert(consents).values(values).returning();
  if (!row) throw new Error('consent insert returned nothing');
  await db
    .insert(consentOrganisations)
    .values(organisationIds.map((organisationId) => ({ consentId: row.id, organisationId })));
  return { ...row, organisationIds };
}

/** Sets the withdrawal only if none is recorded yet; null when someone was first. */
export async function markWithdrawn(
  db: Db,
  id: string,
  patch: Pick<ConsentRow, 'withdrawnOn' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawalNote'>,
): Promise<ConsentRow | null> {
  const [row] = await db
    .update(consents)
    .set(patch)
    .where(and(eq(consents.id, id), isNull(consents.withdrawnAt)))
    .returning();
  return row ?? null;
}

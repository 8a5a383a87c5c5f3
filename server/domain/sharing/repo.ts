import { and, asc, count, desc, eq, inArray, isNull, not, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { PrincipalType } from '../../../common/roles.ts';
import {
  builtInLegalBases,
  type BuiltInLegalBasis,
  type LegalBasis,
  type OrganisationRef,
  type PersonRef,
  type SharingPurpose,
} from '../../../common/schemas/sharing.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { consentOrganisations, consents } from '../consent/tables.ts';
import { organisations, users } from '../tenancy/tables.ts';
import { organisationsOf, sharedWith, type GuardedColumns, type Grants, type Guarded } from './rule.ts';
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

// ---- references shown beside guarded items -----------------------------------------

/** The tenant's organisations among `ids`, by id. An id missing from the map is not the tenant's. */
export async function organisationRefs(
  db: Db,
  tenantId: string,
  ids: (string | null)[],
): Promise<Map<string, OrganisationRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, principalType: organisations.principalType })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, wanted)));
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, principalType: PrincipalType.parse(r.principalType) }]),
  );
}

/** Display names of the tenant's users among `ids`. */
export async function personRefs(db: Db, tenantId: string, ids: (string | null)[]): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, { userId: r.id, displayName: r.displayName }]));
}

// ---- what the sharing rule reads -----------------------------------------------------

/**
 * The rows of `table` (narrowed by `where`) that the rule keeps from the actor, one per row, by owner and
 * category: what the audit records as withheld. The rows themselves never leave the database.
 */
export async function withheldRows(
  db: Db,
  actor: Actor,
  table: PgTable,
  cols: GuardedColumns,
  where: SQL | undefined,
  purpose: SharingPurpose,
): Promise<Guarded[]> {
  const rows = await db
    .select({ owner: sql<string>`${cols.owner}`, category: sql<string>`${cols.category}`, n: count() })
    .from(table)
    .where(and(where, not(sharedWith(actor, cols, purpose))))
    .groupBy(sql`${cols.owner}`, sql`${cols.category}`);
  return rows.flatMap((r) => Array.from({ length: r.n }, () => ({ owner: r.owner, category: r.category })));
}

/** Loads the child's consents and legal-basis shares (all of them: `decide` applies the dates). */
export async function loadGrants(tx: Db, actor: Actor, childId: string, now: Date = new Date()): Promise<Grants> {
  return (await loadGrantsOf(tx, actor, [childId], now)).get(childId)!;
}

/**
 * The grants of several children in two statements, not two per child: a list
 * across children (the task list, the start page) judges each row by its own child.
 */
export async function loadGrantsOf(
  tx: Db,
  actor: Actor,
  childIds: string[],
  now: Date = new Date(),
): Promise<Map<string, Grants>> {
  const out = new Map<string, Grants>();
  if (childIds.length === 0) return out;
  const consentRows = await tx
    .select({
      id: consents.id,
      childId: consents.childId,
      categories: consents.categories,
      purposes: consents.purposes,
      validFrom: consents.validFrom,
      validTo: consents.validTo,
      withdrawnAt: consents.withdrawnAt,
      organisationIds: sql<
        string[]
      >`array(select co.organisation_id::text from ${consentOrganisations} co where co.consent_id = ${consents.id})`,
    })
    .from(consents)
    .where(and(inArray(consents.childId, childIds), eq(consents.tenantId, actor.tenantId)));
  const shareRows = await tx
    .select()
    .from(legalShares)
    .where(and(inArray(legalShares.childId, childIds), eq(legalShares.tenantId, actor.tenantId)));
  const actorOrganisationIds = new Set(organisationsOf(actor));
  const today = todayInSweden(now);
  for (const childId of childIds)
    out.set(childId, {
      childId,
      actorOrganisationIds,
      today,
      consents: consentRows
        .filter((c) => c.childId === childId)
        .map((c) => ({
          id: c.id,
          organisationIds: new Set(c.organisationIds),
          categories: c.categories,
          purposes: c.purposes,
          validFrom: c.validFrom,
          validTo: c.validTo,
          withdrawn: c.withdrawnAt !== null,
        })),
      shares: shareRows
        .filter((s) => s.childId === childId)
        .map((s) => ({
          id: s.id,
          from: s.fromOrganisationId,
          to: s.toOrganisationId,
          categories: s.categories,
          purpose: s.purpose,
          validTo: s.validTo,
          ended: s.endedAt !== null,
        })),
    });
  return out;
}

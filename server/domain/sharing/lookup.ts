import { and, eq, inArray } from 'drizzle-orm';
import { PrincipalType } from '../../../common/roles.ts';
import type { OrganisationRef, PersonRef } from '../../../common/schemas/sharing.ts';
import type { Db } from '../../db/connect.ts';
import { organisations, users } from '../tenancy/tables.ts';

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

/** A reference that must exist (rows reference it by foreign key); a stand-in keeps a response whole if not. */
export function personOf(map: Map<string, PersonRef>, id: string): PersonRef {
  return map.get(id) ?? { userId: id, displayName: '—' };
}

export function organisationOf(map: Map<string, OrganisationRef>, id: string): OrganisationRef {
  return map.get(id) ?? { id, name: '—', principalType: 'municipality' };
}

/** Principals in the law's sense: the municipality and the region. */
export function isPrincipal(o: Pick<OrganisationRef, 'principalType'>): boolean {
  return o.principalType === 'municipality' || o.principalType === 'region';
}

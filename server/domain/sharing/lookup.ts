import type { OrganisationRef, PersonRef } from '../../../common/schemas/sharing.ts';

// The two lookups are statements, so they live in the repository; plans imports them from here still.
export { organisationRefs, personRefs } from './repo.ts';

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

import type { Collaboration, Party, Person } from '../../../common/schemas/collaboration-core.ts';
import type { CollaborationRow } from './access.ts';
import type { PartyRow, PersonRow } from './repo.ts';

/** Pure: picks the fields a response may carry. */

export const presentParty = (p: PartyRow, municipality: string | null): Party => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  organisationId: p.organisationId,
  tenantId: p.tenantId,
  municipality,
});

export const presentPerson = (p: PersonRow): Person => ({
  id: p.id,
  role: p.role,
  partyId: p.partyId,
  userId: p.userId,
  name: p.name,
  tenantId: p.tenantId,
});

export function presentCollaboration(
  c: CollaborationRow,
  municipalities: {
    tenantId: string;
    name: string;
    status: Collaboration['municipalities'][number]['status'];
    respondedAt: Date | null;
  }[],
  parties: { party: PartyRow; municipality: string | null }[],
  people: PersonRow[],
  manage: boolean,
): Collaboration {
  return {
    id: c.id,
    name: c.name,
    version: c.version,
    ownerTenantId: c.ownerTenantId,
    createdAt: c.createdAt.toISOString(),
    municipalities: municipalities.map((m) => ({
      tenantId: m.tenantId,
      name: m.name,
      status: m.status,
      respondedAt: m.respondedAt?.toISOString() ?? null,
    })),
    parties: parties.map((p) => presentParty(p.party, p.municipality)),
    people: people.map(presentPerson),
    abilities: { manage },
  };
}

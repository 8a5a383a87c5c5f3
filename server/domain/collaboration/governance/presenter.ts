import type { GovernanceVersion } from '../../../../common/schemas/governance.ts';
import type { SignOffRow, VersionRow } from './repo.ts';

/** Pure. A draft lists the parties still to sign its current text; an adopted version was signed by all. */
export function presentVersion(
  v: VersionRow,
  signOffs: SignOffRow[],
  parties: { id: string; name: string; tenantId: string | null }[],
  updatedBy: string,
  readerTenantId: string,
): GovernanceVersion {
  const signed = new Set(signOffs.map((s) => s.partyId));
  return {
    number: v.number,
    status: v.status,
    revision: v.revision,
    content: v.content,
    signOffs: signOffs.map((s) => ({
      partyId: s.partyId,
      partyName: s.partyName,
      signedBy: s.signedBy,
      signedAt: s.signedAt.toISOString(),
      recordedBy: s.recordedBy,
    })),
    unsigned:
      v.status === 'draft'
        ? parties
            .filter((p) => !signed.has(p.id))
            .map((p) => ({
              partyId: p.id,
              partyName: p.name,
              // A municipality's own organisation signs through it; an outside party through any coordinator.
              mayRecord: p.tenantId === null || p.tenantId === readerTenantId,
            }))
        : [],
    updatedAt: v.updatedAt.toISOString(),
    updatedBy,
    adoptedAt: v.adoptedAt?.toISOString() ?? null,
  };
}

import type { SharingPurpose } from '../../../common/schemas/sharing.ts';
import { audit, type AuditEntry } from '../../audit/write.ts';
import type { Db } from '../../db/connect.ts';
import { decide, type Grants, type Guarded } from './rule.ts';

export interface SharingRead {
  grants: Grants;
  purpose: SharingPurpose;
  /** What was read, e.g. entity 'plan' and its id. */
  entity: string;
  entityId: string;
  /** Items handed to the reader. */
  shown: Guarded[];
  /** Items kept from the reader. */
  withheld: Guarded[];
}

function groupCount<T>(items: T[], key: (t: T) => string): Map<string, { item: T; count: number }> {
  const out = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const k = key(item);
    const prev = out.get(k);
    out.set(k, { item, count: (prev?.count ?? 0) + 1 });
  }
  return out;
}

/**
 * Audits a read of guarded information: one `sharing.disclosed` row per ground
 * (consent or legal-basis share), owner and category of what another
 * organisation's information the reader received, and one `sharing.withheld`
 * row per owner and category that was kept back. Own information is not a share.
 */
export async function auditSharing(tx: Db, r: SharingRead): Promise<void> {
  await audit(tx, sharingEntries(r));
}

/** The rows `auditSharing` writes, built without writing them: for a read that writes its audit rows in one statement. */
export function sharingEntries(r: SharingRead): AuditEntry[] {
  const entries: AuditEntry[] = [];
  const disclosed = r.shown.flatMap((item) => {
    const d = decide(r.grants, item, r.purpose);
    return d.visible && d.ground !== 'own' ? [{ ...item, ground: d.ground, ref: d.ref, to: d.to }] : [];
  });
  for (const { item, count } of groupCount(disclosed, (d) => `${d.ground}|${d.ref}|${d.owner}|${d.category}`).values())
    entries.push({
      action: 'sharing.disclosed',
      entity: r.entity,
      entityId: r.entityId,
      childId: r.grants.childId,
      detail: {
        purpose: r.purpose,
        ground: item.ground,
        [item.ground === 'consent' ? 'consentId' : 'shareId']: item.ref,
        fromOrganisationId: item.owner,
        toOrganisationId: item.to,
        category: item.category,
        items: count,
      },
    });
  for (const { item, count } of groupCount(r.withheld, (w) => `${w.owner}|${w.category}`).values())
    entries.push({
      action: 'sharing.withheld',
      entity: r.entity,
      entityId: r.entityId,
      childId: r.grants.childId,
      detail: { purpose: r.purpose, fromOrganisationId: item.owner, category: item.category, items: count },
    });
  return entries;
}

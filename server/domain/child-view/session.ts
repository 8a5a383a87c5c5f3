import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../audit/write.ts';
import type { Db } from '../../db/connect.ts';
import { errors } from '../../errors.ts';
import * as repo from './repo.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The child's actions are logged like anyone's, with no user behind them. */
export function childAudit(link: repo.ChildLinkRow, action: string, detail: Record<string, unknown> = {}): AuditEntry {
  return {
    action,
    entity: 'child_link',
    entityId: link.id,
    childId: link.childId,
    tenantId: link.tenantId,
    actorUserId: null,
    organisationId: null,
    detail: { childView: true, ...detail },
  };
}

export async function childClosed(tx: Db, childId: string): Promise<boolean> {
  return (await repo.caseStatus(tx, childId)) !== 'active';
}

/** The live session behind a child cookie, or 401. */
export async function sessionOf(tx: Db, sessionToken: string): Promise<repo.ChildLinkRow> {
  const link = await repo.findLiveSession(tx, sha256(sessionToken));
  if (!link || (await childClosed(tx, link.childId))) throw errors.unauthenticated();
  return link;
}

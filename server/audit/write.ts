import type { Db } from '../db/connect.ts';
import { currentContext } from '../context.ts';
import { auditLog } from './tables.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  childId?: string | null;
  detail?: Record<string, unknown>;
  /** Defaults to the request's actor's tenant. */
  tenantId?: string | null;
  /** Defaults to the request's actor. */
  actorUserId?: string | null;
  organisationId?: string | null;
}

/**
 * Writes audit rows. Call it inside the transaction that reads or writes the
 * data, so the rows and the change commit together. A list read passes one
 * entry per child, so the log for a child finds every read of it.
 *
 * One INSERT and no lock: the rows go in unsealed, and the sealer (`seal.ts`)
 * hash-chains them within about a second of the commit, so requests of one
 * tenant never wait for each other here.
 */
export async function audit(tx: Db, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (entries.length === 0) return;
  const ctx = currentContext();
  const at = new Date();
  const rows = entries.map((e) => {
    const tenantId = e.tenantId !== undefined ? e.tenantId : (ctx.actor?.tenantId ?? null);
    return {
      chain: tenantId ?? 'system',
      tenantId,
      actorUserId: e.actorUserId !== undefined ? e.actorUserId : (ctx.actor?.userId ?? null),
      organisationId:
        e.organisationId !== undefined ? e.organisationId : (ctx.actor?.memberships[0]?.organisationId ?? null),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      childId: e.childId ?? null,
      at,
      requestId: ctx.requestId,
      ip: ctx.ip,
      detail: e.detail ?? null,
    };
  });
  await tx.insert(auditLog).values(rows);
}

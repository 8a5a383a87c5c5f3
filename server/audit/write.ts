import { eq } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { currentContext } from '../context.ts';
import { auditHeads, auditLog } from './tables.ts';
import { GENESIS, auditHash } from './hash.ts';

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
 * Appends rows to the tenant's chain. Call it inside the transaction that reads
 * or writes the data, so the rows and the change commit together. A list read
 * passes one entry per child, so the log for a child finds every read of it.
 */
export async function audit(tx: Db, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (entries.length === 0) return;
  const ctx = currentContext();
  const chains = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const tenantId = e.tenantId !== undefined ? e.tenantId : (ctx.actor?.tenantId ?? null);
    const chain = tenantId ?? 'system';
    chains.set(chain, [...(chains.get(chain) ?? []), { ...e, tenantId }]);
  }
  for (const [chain, list] of chains) await appendToChain(tx, chain, list);
}

async function appendToChain(tx: Db, chain: string, entries: AuditEntry[]): Promise<void> {
  const ctx = currentContext();
  // Create the head if missing, then lock it: appends to one chain are serialised.
  await tx
    .insert(auditHeads)
    .values({ chain, seq: 0, hash: GENESIS })
    .onConflictDoNothing({ target: auditHeads.chain });
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.chain, chain)).for('update');
  if (!head) throw new Error('audit head vanished');

  const at = new Date();
  let { seq, hash: prevHash } = head;
  const rows = entries.map((e) => {
    seq += 1;
    const fields = {
      chain,
      seq,
      tenantId: e.tenantId ?? null,
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
      prevHash,
    };
    const hash = auditHash(fields);
    prevHash = hash;
    return { ...fields, hash };
  });
  await tx.insert(auditLog).values(rows);
  await tx.update(auditHeads).set({ seq, hash: prevHash }).where(eq(auditHeads.chain, chain));
}

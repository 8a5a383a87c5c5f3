import { createHash } from 'node:crypto';

/** The fields of an audit row that the hash covers, in a fixed order. */
export interface ChainedFields {
  chain: string;
  seq: number;
  tenantId: string | null;
  actorUserId: string | null;
  organisationId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  childId: string | null;
  at: Date;
  requestId: string | null;
  ip: string | null;
  detail: unknown;
  prevHash: string;
}

export const GENESIS = '0'.repeat(64);

/** Stable JSON: object keys sorted, so jsonb's reordering does not change the hash. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(f: ChainedFields): string {
  const body = canonical({
    chain: f.chain,
    seq: f.seq,
    tenantId: f.tenantId,
    actorUserId: f.actorUserId,
    organisationId: f.organisationId,
    action: f.action,
    entity: f.entity,
    entityId: f.entityId,
    childId: f.childId,
    at: f.at.toISOString(),
    requestId: f.requestId,
    ip: f.ip,
    detail: f.detail ?? null,
    prevHash: f.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

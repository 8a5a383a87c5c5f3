import { GENESIS, auditHash } from '../../../server/audit/hash.ts';
import { auditHeads, auditLog } from '../../../server/audit/tables.ts';
import type { Area, AuditTemplate, GenContext, GenMember, GenTenant } from '../context.ts';

const DAY = 86_400_000;
const CHUNK = 5000;
/** A list read writes one row per listed child, up to a page. */
const PAGE = 25;

type Row = typeof auditLog.$inferInsert & { seq: number; hash: string };

/**
 * Two years of audit log per municipality, written as valid hash chains (same
 * hash as server/audit/hash.ts, heads included) so `navet audit verify` passes.
 * The actions are the other areas' templates, weighted; actors are hub members
 * reading and writing about their own children.
 */
export const area: Area = {
  name: 'audit log (hash-chained)',
  // Last: it reads every other area's people and children.
  order: 1000,
  estimate: (plan) => plan.auditRows,
  async generate(ctx) {
    if (ctx.plan.auditRows === 0) return;
    const templates = ctx.auditTemplates;
    if (templates.length === 0) throw new Error('no audit templates: no area declares any');
    // One lane per connection; a chain stays in one lane so its ids grow with its seq.
    const queue = [...ctx.tenants];
    const lane = async () => {
      for (let t = queue.shift(); t; t = queue.shift()) await writeChain(ctx, t, templates);
    };
    await ctx.withoutIndexes('audit_log', async () => {
      await Promise.all(Array.from({ length: ctx.lanes }, lane));
    });
  },
};

async function writeChain(ctx: GenContext, t: GenTenant, templates: AuditTemplate[]): Promise<void> {
  const { rng, plan } = ctx;
  const total = Math.round((plan.auditRows * t.childCount) / plan.children);
  if (total === 0) return;
  const open = t.members.filter((m) => m.endedAt === null);
  const childrenOf = new Map<string, GenMember[]>();
  for (const m of open) {
    const list = childrenOf.get(m.userId);
    if (list) list.push(m);
    else childrenOf.set(m.userId, [m]);
  }
  const weighted = templates.map((tpl) => [tpl, tpl.weight] as const);

  const start = plan.now.getTime() - 730 * DAY;
  const span = 730 * DAY - 3_600_000;
  let seq = 0;
  let prevHash = GENESIS;
  let chunk: Row[] = [];

  const push = (fields: Omit<Row, 'seq' | 'hash' | 'prevHash' | 'chain'>) => {
    seq++;
    // One object is both what the hash covers and the row written (plus its hash).
    const row = {
      chain: t.id,
      seq,
      tenantId: fields.tenantId ?? null,
      actorUserId: fields.actorUserId ?? null,
      organisationId: fields.organisationId ?? null,
      action: fields.action,
      entity: fields.entity,
      entityId: fields.entityId ?? null,
      childId: fields.childId ?? null,
      at: fields.at,
      requestId: fields.requestId ?? null,
      ip: fields.ip ?? null,
      detail: fields.detail ?? null,
      prevHash,
      hash: '',
    };
    row.hash = auditHash(row);
    prevHash = row.hash;
    chunk.push(row);
  };
  const flush = async () => {
    if (chunk.length === 0) return;
    const rows = chunk;
    chunk = [];
    await ctx.insert(auditLog, rows);
    ctx.progress(rows.length);
  };

  const base = { tenantId: t.id, ip: null as string | null, detail: null as unknown };
  push({
    ...base,
    actorUserId: null,
    organisationId: null,
    action: 'tenant.created',
    entity: 'tenant',
    entityId: t.id,
    childId: null,
    at: new Date(start),
    requestId: null,
    detail: { source: 'cli' },
  });
  while (seq < total) {
    const tpl = rng.weighted(weighted);
    // Millisecond steps: the column keeps milliseconds, and the hash covers the stored value.
    const at = new Date(Math.floor(start + (seq / total) * span));
    const requestId = rng.uuid();
    const ip = `10.${t.index % 256}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    const detail = tpl.detail?.(rng) ?? null;
    if (tpl.kind === 'session' || open.length === 0) {
      const user = rng.pick(t.users);
      const entityId = (rng.uuid() + rng.uuid()).replaceAll('-', '').slice(0, 16);
      push({ ...base, actorUserId: user.id, organisationId: user.orgId, action: tpl.action, entity: tpl.entity, entityId, childId: null, at, requestId, ip, detail });
    } else {
      const m = rng.pick(open);
      const about = tpl.kind === 'list' ? (childrenOf.get(m.userId) ?? [m]).slice(0, PAGE) : [m];
      for (const c of about) {
        const entityId = tpl.entity === 'child' ? c.childId : rng.uuid();
        push({ ...base, actorUserId: m.userId, organisationId: m.orgId, action: tpl.action, entity: tpl.entity, entityId, childId: c.childId, at, requestId, ip, detail });
        if (seq >= total) break;
      }
    }
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  await ctx.insert(auditHeads, [{ chain: t.id, seq, hash: prevHash }]);
}

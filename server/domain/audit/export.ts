import { eq } from 'drizzle-orm';
import { auditLog } from '../../audit/tables.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { toCsv } from '../../http/csv.ts';
import { authorize } from './policy.ts';
import * as repo from './repo.ts';
import { reviewableChild } from './service.ts';
import { identifiableChildren, reviewableUser, withoutForeignChildren } from './user-scope.ts';

/** A log longer than this is exported newest first up to here; the JSON log pages further back. */
export const CSV_MAX_ROWS = 10_000;

const HEADER = [
  'id',
  'at',
  'action',
  'entity',
  'entity_id',
  'child_id',
  'actor_user_id',
  'actor_name',
  'organisation_id',
  'request_id',
  'ip',
] as const;

function csvOf(rows: Awaited<ReturnType<typeof repo.pageOfLog>>): string {
  return toCsv(
    HEADER,
    rows.map((r) => [
      r.id,
      r.at.toISOString(),
      r.action,
      r.entity,
      r.entityId,
      r.childId,
      r.actorUserId,
      r.actorName,
      r.organisationId,
      r.requestId,
      r.ip,
    ]),
  );
}

/** The log of one child as CSV: same rule and scope as the JSON log; the export is itself logged. */
export async function childLogCsv(deps: Deps, actor: Actor, childId: string): Promise<string> {
  authorize(actor, 'readChildLog');
  return deps.db.transaction(async (tx) => {
    if (!(await reviewableChild(tx, actor, childId))) throw errors.notFound('child');
    const rows = await repo.pageOfLog(tx, actor.tenantId, eq(auditLog.childId, childId), undefined, CSV_MAX_ROWS);
    await audit(tx, { action: 'audit.export_child_log', entity: 'audit_log', childId, detail: { rows: rows.length } });
    return csvOf(rows);
  });
}

/** What one user did, as CSV: same rule and scope as the JSON log; the export is itself logged. */
export async function userLogCsv(deps: Deps, actor: Actor, userId: string): Promise<string> {
  authorize(actor, 'readUserLog');
  return deps.db.transaction(async (tx) => {
    if (!(await reviewableUser(tx, actor, userId))) throw errors.notFound('user');
    const all = await repo.pageOfLog(tx, actor.tenantId, eq(auditLog.actorUserId, userId), undefined, CSV_MAX_ROWS);
    const rows = withoutForeignChildren(all, await identifiableChildren(tx, actor, all));
    await audit(tx, {
      action: 'audit.export_user_log',
      entity: 'audit_log',
      entityId: userId,
      detail: { rows: rows.length },
    });
    return csvOf(rows);
  });
}

import type {
  ActiveHold,
  ActiveHoldList,
  LegalHoldBody,
  PlaceHoldBody,
  LegalHoldState,
  RetentionRun,
  RetentionSettings,
  RetentionSettingsBody,
} from '../../../common/schemas/retention.ts';
import { recordTypes } from '../../../common/schemas/retention.ts';
import { audit } from '../../audit/write.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { enqueue } from '../../jobs/index.ts';
import { MINIMUM_MONTHS } from './defaults.ts';
import { BATCH_JOB, buildDryRun } from './execute.ts';
import { presentHold, presentRun } from './presenter.ts';
import { childOfTenant } from '../children/repo.ts';
import * as repo from './repo.ts';
import { selectExpired } from './select.ts';

/** Retention is the tenant admin's: the municipality's records management. */
function authorize(actor: Actor): void {
  if (!hasRole(actor, 'tenant_admin')) throw errors.forbidden('Only a tenant admin manages retention.');
}

export async function settings(deps: Deps, actor: Actor): Promise<RetentionSettings> {
  authorize(actor);
  const { months, set } = await repo.periodsOf(deps.db, actor.tenantId);
  return {
    periods: recordTypes.map((type) => ({
      type,
      months: months[type],
      minimumMonths: MINIMUM_MONTHS[type],
      isDefault: !set.has(type),
    })),
  };
}

export async function saveSettings(deps: Deps, actor: Actor, body: RetentionSettingsBody): Promise<RetentionSettings> {
  authorize(actor);
  const issues = body.periods.flatMap((p, i) =>
    p.months < MINIMUM_MONTHS[p.type]
      ? [{ path: `body.periods.${i}.months`, message: `At least ${MINIMUM_MONTHS[p.type]} months.` }]
      : [],
  );
  // Below the installation's floor is a conflict with its configuration, not malformed input.
  if (issues.length > 0)
    throw errors.conflict('retention_below_minimum', 'A period is shorter than this installation allows.', { issues });
  await deps.db.transaction(async (tx) => {
    for (const p of body.periods) await repo.savePeriod(tx, actor.tenantId, p.type, p.months, actor.userId);
    await audit(tx, {
      action: 'retention.settings_changed',
      entity: 'retention_settings',
      detail: { periods: body.periods },
    });
  });
  return settings(deps, actor);
}

export async function hold(deps: Deps, actor: Actor, childId: string): Promise<LegalHoldState> {
  authorize(actor);
  return deps.db.transaction(async (tx) => {
    if (!(await childOfTenant(tx, actor.tenantId, childId))) throw errors.notFound('child');
    const row = await repo.openHold(tx, actor.tenantId, childId);
    return {
      hold: row ? { ...row.hold, placedByName: row.placedByName, placedAt: row.hold.placedAt.toISOString() } : null,
    };
  });
}

export async function placeHold(deps: Deps, actor: Actor, childId: string, body: LegalHoldBody) {
  authorize(actor);
  await deps.db.transaction(async (tx) => {
    if (!(await childOfTenant(tx, actor.tenantId, childId))) throw errors.notFound('child');
    const open = await repo.openHold(tx, actor.tenantId, childId);
    if (open) await repo.setHoldReason(tx, open.hold.id, body.reason);
    else await repo.insertHold(tx, actor.tenantId, childId, body.reason, actor.userId);
    await audit(tx, { action: 'retention.hold_placed', entity: 'legal_hold', childId });
  });
  return hold(deps, actor, childId);
}

export async function releaseHold(deps: Deps, actor: Actor, childId: string): Promise<void> {
  authorize(actor);
  await deps.db.transaction(async (tx) => {
    if (!(await childOfTenant(tx, actor.tenantId, childId))) throw errors.notFound('child');
    await repo.releaseHolds(tx, childId, actor.userId);
    await audit(tx, { action: 'retention.hold_released', entity: 'legal_hold', childId });
  });
}

/** The tenant's open holds; each listed child gets its own audit row, as for every list read. */
export async function listHolds(deps: Deps, actor: Actor): Promise<ActiveHoldList> {
  authorize(actor);
  return deps.db.transaction(async (tx) => {
    const rows = await repo.openHolds(tx, actor);
    await audit(
      tx,
      rows.map((r) => ({
        action: 'retention.holds_read',
        entity: 'legal_hold',
        entityId: r.hold.id,
        childId: r.hold.childId,
      })),
    );
    return { items: rows.map(presentHold) };
  });
}

/** "Ärende 1a2b 3c4d" → "1A2B3C4D": the pseudonym's code however it was copied. */
const codeOf = (reference: string) =>
  reference
    .replace(/^ärende\s*/iu, '')
    .replace(/\s+/g, '')
    .toUpperCase();

/**
 * Places a hold on the case a reference names, as the admin knows it: the pseudonym of a dry run or the
 * Migrationsverket case number (an admin outside the child's hub has no other name for it). A reference that
 * names no case (404) or more than one (400) is refused at its field.
 */
export async function placeHoldByReference(deps: Deps, actor: Actor, body: PlaceHoldBody): Promise<ActiveHold> {
  authorize(actor);
  return deps.db.transaction(async (tx) => {
    const ids = await repo.childrenByReference(tx, actor.tenantId, codeOf(body.reference), body.reference);
    const path = 'body.reference';
    // No case of the municipality: not found, as an id of another municipality is, but said at the field.
    if (ids.length === 0)
      throw new AppError(404, 'not_found', 'No such case.', [{ path, message: 'No case has this reference.' }]);
    if (ids.length > 1) throw errors.validation([{ path, message: 'Several cases match; give the pseudonym.' }]);
    const childId = ids[0]!;
    const open = await repo.openHold(tx, actor.tenantId, childId);
    if (open) await repo.setHoldReason(tx, open.hold.id, body.reason);
    else await repo.insertHold(tx, actor.tenantId, childId, body.reason, actor.userId);
    const [row] = await repo.openHolds(tx, actor, childId);
    await audit(tx, { action: 'retention.hold_placed', entity: 'legal_hold', childId });
    return presentHold(row!);
  });
}

export async function listRuns(deps: Deps, actor: Actor): Promise<{ items: RetentionRun[] }> {
  authorize(actor);
  const rows = await repo.runs(deps.db, actor.tenantId);
  return { items: rows.map((r) => presentRun(r.run, r.approvedByName)) };
}

export async function getRun(deps: Deps, actor: Actor, id: string): Promise<RetentionRun> {
  authorize(actor);
  const row = (await repo.runs(deps.db, actor.tenantId, 1000)).find((r) => r.run.id === id);
  if (!row) throw errors.notFound('retention run');
  return presentRun(row.run, row.approvedByName);
}

/** A dry run now, on the admin's request (the daily job builds one too). */
export async function dryRun(deps: Deps, actor: Actor, now = new Date()): Promise<RetentionRun> {
  authorize(actor);
  const run = await deps.db.transaction(async (tx) => {
    const row = (await buildDryRun(tx, actor.tenantId, now, Boolean(deps.config.secretKey), true))!;
    await audit(tx, { action: 'retention.dry_run', entity: 'retention_run', entityId: row.id });
    return row;
  });
  return presentRun(run, null);
}

/**
 * Approves a dry run: its selection is built again at the same instant under the same periods, and must
 * match the fingerprint; anything changed since (a hold, a reopened case, an edited row) is 409 and
 * nothing is deleted. The deletion then runs in batches as jobs.
 */
export async function approve(deps: Deps, actor: Actor, id: string): Promise<RetentionRun> {
  authorize(actor);
  await deps.db.transaction(async (tx) => {
    const run = await repo.run(tx, actor.tenantId, id, true);
    if (!run) throw errors.notFound('retention run');
    if (run.status !== 'proposed')
      throw errors.conflict('retention_not_proposed', 'This dry run is not open for approval.');
    const now = await selectExpired(tx, actor.tenantId, run.periods, run.asOf, Boolean(deps.config.secretKey));
    if (now.fingerprint !== run.fingerprint)
      throw errors.conflict('retention_stale', 'The data changed since this dry run. Build a new one.');
    await repo.markApproved(tx, id, actor.userId);
    await enqueue(tx, {
      tenantId: actor.tenantId,
      kind: BATCH_JOB,
      runAt: new Date(),
      payload: { runId: id },
      dedupeKey: `retention:${id}:0`,
    });
    await audit(tx, { action: 'retention.approved', entity: 'retention_run', entityId: id });
  });
  return getRun(deps, actor, id);
}

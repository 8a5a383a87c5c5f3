import {
  indicatorIds,
  type ChildrenBehindQuery,
  type Figure,
  type FigurePoint,
  type Figures,
  type FiguresQuery,
  type IndicatorId,
  type TargetBody,
} from '../../../common/schemas/followup.ts';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { visibleChildren } from '../children/scope.ts';
import { visibleCollaborationIds } from '../collaboration/access.ts';
import { addMonths } from '../events/deadlines.ts';
import { swedishTime } from '../events/working-hours.ts';
import { indicators } from './indicators/index.ts';
import type { IndicatorContext, IndicatorDefinition } from './indicators/types.ts';
import { authorizeDefinitions, authorizeTargets, loadScope, type FollowupScope } from './policy.ts';
import * as repo from './repo.ts';
import * as rollup from './rollup-repo.ts';
import { MIN_CHILDREN, maskPoints } from './suppress.ts';

export async function listIndicators(deps: Deps, actor: Actor) {
  authorizeDefinitions(actor);
  const targets = await repo.targetsFor(deps.db, await visibleCollaborationIds(deps.db, actor));
  return {
    items: indicatorIds.map((id) => ({
      id,
      unit: indicators[id].unit,
      higherIsBetter: indicators[id].higherIsBetter,
      target: targets.get(id) ?? null,
    })),
  };
}

/** The strategic level sets (or, with null, removes) an indicator's target; a share lies between 0 and 1. */
export async function setTarget(
  deps: Deps,
  actor: Actor,
  collaborationId: string,
  indicator: IndicatorId,
  body: TargetBody,
) {
  if (body.target !== null && indicators[indicator].unit === 'share' && body.target > 1)
    throw errors.validation([{ path: 'body.target', message: 'A share lies between 0 and 1.' }]);
  return deps.db.transaction(async (tx) => {
    await authorizeTargets(tx, actor, collaborationId);
    await repo.setTarget(tx, collaborationId, indicator, body.target, actor.userId);
    await audit(tx, {
      action: 'followup.target_set',
      entity: 'collaboration',
      entityId: collaborationId,
      detail: { indicator, target: body.target },
    });
    return { indicator, target: body.target };
  });
}

function contextOf(q: FiguresQuery, scope: FollowupScope): IndicatorContext {
  const fromDay = `${q.from}-01`;
  const toDay = addMonths(`${q.to}-01`, 1);
  return {
    inScope: repo.scopeOf(scope.tenantIds, scope.organisationId),
    from: swedishTime(fromDay, 0),
    to: swedishTime(toDay, 0),
    fromDay,
    toDay,
    today: todayInSweden(),
    period: q.period,
    periodOf: repo.periodOf(q.period),
  };
}

/** The latest shown value against the target, and against the shown value before it. */
export function judge(points: FigurePoint[], target: number | null, higherIsBetter: boolean) {
  const shown = points.filter((p) => p.period !== 'total' && p.value !== null).map((p) => p.value!);
  const last = shown.at(-1);
  const before = shown.at(-2);
  const better = (a: number, b: number) => (higherIsBetter ? a > b : a < b);
  const status: Figure['status'] =
    last === undefined
      ? points.length > 0
        ? 'withheld'
        : 'no_data'
      : target === null
        ? 'no_target'
        : last === target || better(last, target)
          ? 'met'
          : 'not_met';
  const trend: Figure['trend'] =
    last === undefined || before === undefined
      ? 'unknown'
      : last === before
        ? 'same'
        : better(last, before)
          ? 'better'
          : 'worse';
  return { status, trend };
}

/**
 * The masked figures of every asked indicator, for a scope the caller has already authorised. No audit here.
 * Read from the roll-up (as fresh as its last build, `rollup-jobs.ts`), or directly before the first build.
 */
export async function computeFigures(tx: Db, scope: FollowupScope, q: FiguresQuery): Promise<Figure[]> {
  const ctx = contextOf(q, scope);
  const ids: IndicatorId[] = q.indicator ? [q.indicator] : [...indicatorIds];
  const targets = await repo.targetsFor(tx, scope.collaborationIds);
  // The roll-up once every municipality asked for has one; before its first build, the live tables.
  const rolledUp = await rollup.readsRollup(tx, scope.tenantIds);
  const sourceFor = (def: IndicatorDefinition, c: IndicatorContext): IndicatorDefinition =>
    rolledUp ? { ...def, facts: () => rollup.rollupFacts(def, c, scope.tenantIds) } : def;
  // The direct form's scope is in each indicator's facts (`inScope`); the roll-up's organisation scope is applied once.
  const within = rolledUp ? rollup.rollupWithin(scope.organisationId) : undefined;
  // The same range by month (its instants are costly to work out again: Swedish time through Intl).
  const monthCtx: IndicatorContext = { ...ctx, period: 'month', periodOf: repo.periodOf('month') };
  const raw = await repo.aggregate(
    tx,
    ids.map((id) => sourceFor(indicators[id], ctx)),
    ctx,
    within,
  );
  // A quarter is shown only when each of its months is: the quarter view needs the months too.
  const months =
    q.period === 'quarter'
      ? await repo.aggregate(
          tx,
          ids.map((id) => sourceFor(indicators[id], monthCtx)),
          monthCtx,
          within,
        )
      : raw;
  return ids.map((id) => {
    const def = indicators[id];
    const points = maskPoints(raw.get(id) ?? [], def.unit === 'share', months.get(id) ?? []);
    const target = targets.get(id) ?? null;
    return { indicator: id, unit: def.unit, target, points, ...judge(points, target, def.higherIsBetter) };
  });
}

/** The figures a reader asked for; `format` names the export (CSV, XLSX) in the audit row. */
export async function figures(
  deps: Deps,
  actor: Actor,
  q: FiguresQuery,
  format: 'json' | 'csv' | 'xlsx' = 'json',
): Promise<Figures> {
  return deps.db.transaction(async (tx) => {
    const scope = await loadScope(tx, actor, q.level, q.id);
    const ids: IndicatorId[] = q.indicator ? [q.indicator] : [...indicatorIds];
    const out = await computeFigures(tx, scope, q);
    await audit(tx, {
      action: 'followup.figures_read',
      entity: q.level,
      entityId: q.id,
      detail: { from: q.from, to: q.to, period: q.period, indicators: ids, format },
    });
    return { level: q.level, id: q.id, period: q.period, minChildren: MIN_CHILDREN, figures: out };
  });
}

/** The children behind a figure: only those in the reader's own scope (the children domain's rule), each read audited. */
export async function childrenBehind(deps: Deps, actor: Actor, q: ChildrenBehindQuery) {
  return deps.db.transaction(async (tx: Db) => {
    const scope = await loadScope(tx, actor, q.level, q.id);
    const items = await repo.childrenBehind(tx, indicators[q.indicator], contextOf(q, scope), visibleChildren(actor));
    await audit(
      tx,
      items.map((c) => ({ action: 'followup.children_read', entity: 'child', entityId: c.id, childId: c.id })),
    );
    return { items };
  });
}

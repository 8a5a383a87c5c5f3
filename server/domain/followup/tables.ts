import {
  boolean,
  date,
  doublePrecision,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { IndicatorId } from '../../../common/schemas/followup.ts';
import { collaborations } from '../collaboration/tables.ts';
import { tenants, users } from '../tenancy/tables.ts';

/** The target the strategic level of a collaboration set for an indicator: a share (0–1) or working hours. */
export const followupTargets = pgTable(
  'followup_targets',
  {
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    indicator: text('indicator').$type<IndicatorId>().notNull(),
    target: doublePrecision('target').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.collaborationId, t.indicator] })],
);

/**
 * The follow-up roll-up: the facts of every indicator (one row per thing
 * counted, as its `facts` selects them), per municipality and month, rebuilt
 * by jobs (`rollup-jobs.ts`) so that a dashboard groups a few rows per
 * indicator instead of scanning events, meetings and hubs on each request.
 * Facts, not counts: "children" counts distinct children over a range and the
 * hours give a median, neither of which adds up from monthly counts.
 */
export const followupFacts = pgTable(
  'followup_facts',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    indicator: text('indicator').$type<IndicatorId>().notNull(),
    /** The first day of the fact's month (Swedish time). */
    month: date('month').notNull(),
    childId: uuid('child_id').notNull(),
    hit: boolean('hit').notNull(),
    hours: numeric('hours'),
  },
  (t) => [index('followup_facts_tenant_indicator_month_idx').on(t.tenantId, t.indicator, t.month)],
);

/** When a municipality's roll-up was last built; none yet means its figures are computed directly. */
export const followupRollupState = pgTable('followup_rollup_state', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull(),
});

import { doublePrecision, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { IndicatorId } from '../../../common/schemas/followup.ts';
import { collaborations } from '../collaboration/tables.ts';
import { users } from '../tenancy/tables.ts';

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

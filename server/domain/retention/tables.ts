import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { RecordType, RunStatus } from '../../../common/schemas/retention.ts';
import { children } from '../children/tables.ts';
import { tenants } from '../tenancy/tables.ts';

/** A tenant admin's period for one record type; a type without a row has the installation's default. */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    recordType: text('record_type').$type<RecordType>().notNull(),
    months: integer('months').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.recordType] })],
);

/** A legal hold: while one is open, nothing of the child is deleted. */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    reason: text('reason').notNull(),
    placedBy: uuid('placed_by').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    releasedBy: uuid('released_by'),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('legal_holds_open_uidx')
      .on(t.childId)
      .where(sql`${t.releasedAt} is null`),
  ],
);

/** One unit of deletion work: one type of one child, or the tenant's old audit rows or sessions. */
export interface RunUnit {
  type: RecordType;
  childId: string | null;
}

/** A dry run, and once approved, the deletion it describes. See README.md. */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    status: text('status').$type<RunStatus>().notNull().default('proposed'),
    /** SHA-256 over the selected rows' tables and ids: approval recomputes it, a difference is a stale run. */
    fingerprint: text('fingerprint').notNull(),
    /** What the report shows (counts per type, cases by pseudonym). */
    report: jsonb('report').notNull(),
    units: jsonb('units').$type<RunUnit[]>().notNull(),
    /** The periods in force at the dry run: deletion applies these, not later edits. */
    periods: jsonb('periods').$type<Record<RecordType, number>>().notNull(),
    /** The instant the periods were measured from. */
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    progressDone: integer('progress_done').notNull().default(0),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('retention_runs_tenant_idx').on(t.tenantId, t.createdAt)],
);

/** Children whose record was anonymised (kept for statistics): a later dry run passes them by. */
export const retentionAnonymised = pgTable('retention_anonymised', {
  childId: uuid('child_id')
    .primaryKey()
    .references(() => children.id),
  tenantId: uuid('tenant_id').notNull(),
  runId: uuid('run_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

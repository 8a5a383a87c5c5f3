import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../domain/tenancy/tables.ts';

/**
 * Persisted background work: reminders, escalations, e-mail pings. A row is
 * claimed with FOR UPDATE SKIP LOCKED and its effects commit together with its
 * 'done' mark, so a job runs exactly once however many processes poll.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for work across tenants (the daily sweep). */
    tenantId: uuid('tenant_id').references(() => tenants.id),
    kind: text('kind').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** A second enqueue with the same key is ignored: "remind once", "escalate once". */
    dedupeKey: text('dedupe_key'),
    /** 'pending', 'done' or 'failed' (gave up after the last attempt; visible to the tenant admin). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_dedupe_uidx').on(t.dedupeKey),
    index('jobs_due_idx').on(t.status, t.runAt),
    index('jobs_tenant_status_idx').on(t.tenantId, t.status),
  ],
);

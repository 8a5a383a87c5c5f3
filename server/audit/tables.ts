import { bigint, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. One chain per tenant (chain = tenant id,
 * or 'system' for events without a tenant such as a login with an unknown e-mail).
 * The application inserts and reads; it never updates or deletes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    tenantId: uuid('tenant_id'),
    actorUserId: uuid('actor_user_id'),
    organisationId: uuid('organisation_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    childId: uuid('child_id'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    detail: jsonb('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_chain_seq_idx').on(t.chain, t.seq),
    // `navet audit verify` pages through a chain by id: without this it scans the whole log per page.
    index('audit_chain_id_idx').on(t.chain, t.id),
    index('audit_child_idx').on(t.tenantId, t.childId, t.at),
    index('audit_actor_idx').on(t.tenantId, t.actorUserId, t.at),
  ],
);

/** The head of each chain; its row lock serialises appends to one chain. */
export const auditHeads = pgTable('audit_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** A manager's documented review of the log (who, when, which period, findings). */
export const logReviews = pgTable(
  'log_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    findings: text('findings').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('log_reviews_tenant_idx').on(t.tenantId, t.reviewedAt)],
);

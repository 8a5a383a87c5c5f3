import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. One chain per tenant (chain = tenant id,
 * or 'system' for events without a tenant such as a login with an unknown e-mail).
 * A request inserts its rows unsealed (seq, prev_hash and hash null); the sealer
 * (`seal.ts`) fills those three columns once, in seal order. Nothing else ever
 * updates a row, and nothing deletes one (see README.md for the grants).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chain: text('chain').notNull(),
    /** Null until sealed. */
    seq: bigint('seq', { mode: 'number' }),
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
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    // `navet audit verify` walks a chain by seq; unique, so two sealers can never fork a chain.
    uniqueIndex('audit_chain_seq_idx').on(t.chain, t.seq),
    // What the sealer has still to do: small, since rows leave it within a second.
    index('audit_unsealed_idx')
      .on(t.id)
      .where(sql`${t.seq} is null`),
    index('audit_child_idx').on(t.tenantId, t.childId, t.at),
    index('audit_actor_idx').on(t.tenantId, t.actorUserId, t.at),
  ],
);

/** The head of each chain: the last sealed row. Only the sealer writes it. */
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

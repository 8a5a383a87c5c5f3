import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { children } from '../children/tables.ts';
import { tenants, users } from '../tenancy/tables.ts';

/**
 * A personal link to the child's own page. The URL token and the one-time code
 * are stored only as hashes. A redeemed link becomes the child's session: the
 * session token's hash lives on the same row, so revoking the link ends it.
 */
export const childLinks = pgTable(
  'child_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    tokenHash: text('token_hash').notNull(),
    /** SHA-256 over token and code: the code alone cannot be tried offline without the token. */
    codeHash: text('code_hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    burntAt: timestamp('burnt_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    sessionHash: text('session_hash'),
    sessionExpiresAt: timestamp('session_expires_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('child_links_token_uidx').on(t.tokenHash),
    uniqueIndex('child_links_session_uidx').on(t.sessionHash),
    index('child_links_child_idx').on(t.childId),
  ],
);

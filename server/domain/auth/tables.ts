import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants, users } from '../tenancy/tables.ts';

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256 is
 * stored, so a leaked table does not hand out sessions.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** 'totp' until the second factor is passed (or enrolled), then 'active'. */
    stage: text('stage').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

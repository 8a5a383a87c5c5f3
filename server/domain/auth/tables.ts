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

/**
 * Failed sign-in attempts, for throttling by account and address and for the
 * tenant admin's view of why an account is throttled. Kept a day, then pruned.
 * The account is keyed by a hash of the address typed, so an unknown address
 * is throttled exactly like a known one and no typed address is stored.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the lower-cased e-mail address typed. */
    accountKey: text('account_key').notNull(),
    /** The account, when the address belongs to one. */
    userId: uuid('user_id').references(() => users.id),
    ip: text('ip').notNull(),
    /** 'password' or 'totp'. */
    kind: text('kind').$type<'password' | 'totp'>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('login_failures_key_idx').on(t.accountKey, t.at),
    index('login_failures_user_idx').on(t.userId, t.at),
    index('login_failures_at_idx').on(t.at),
  ],
);

import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants, users } from '../tenancy/tables.ts';
import { invitations } from './invitations-tables.ts';

/** A municipality's identity provider. One per tenant; absent means password login only. */
export const oidcSettings = pgTable('oidc_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  enabled: boolean('enabled').notNull().default(false),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** AES-256-GCM under NAVET_SECRET_KEY (`oidc-secret.ts`); never leaves the server in clear. */
  clientSecretSealed: text('client_secret_sealed'),
  scopes: text('scopes').notNull().default('openid'),
  requiredAcr: text('required_acr'),
  label: text('label').notNull(),
  /** Off: only the identity provider logs people in (and resets and invitations by password stop). */
  passwordLogin: boolean('password_login').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who a provider's subject is here. The pair (issuer, subject) is what the provider guarantees unique. */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('oidc_identities_iss_sub_uidx').on(t.issuer, t.subject),
    index('oidc_identities_user_idx').on(t.userId),
  ],
);

/**
 * A login in flight between the redirect to the provider and its callback. Keyed by the SHA-256 of the
 * random value in the short-lived HttpOnly pre-login cookie, so state, nonce and PKCE verifier are bound
 * to the browser that started; deleted on first use, so a callback is taken at most once.
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    id: text('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** Set when the login links an invitee's identity instead of logging someone in. */
    invitationId: uuid('invitation_id').references(() => invitations.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_logins_expires_idx').on(t.expiresAt)],
);

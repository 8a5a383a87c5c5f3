import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../../common/roles.ts';
import type { GrantStatus } from '../../../common/schemas/tenancy.ts';

/** A municipality, or municipalities collaborating. Nothing ever crosses tenants. */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Tenant setting: every user must pass a TOTP step at login. */
  requireTotp: boolean('require_totp').notNull().default(true),
  /** Demo tenants are fictional and say so on the login page. */
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    principalType: text('principal_type').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_tenant_idx').on(t.tenantId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Lower-cased; unique across tenants so that login finds the tenant. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('sv'),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** Last accepted TOTP time step: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_uidx').on(sql`lower(${t.email})`), index('users_tenant_idx').on(t.tenantId)],
);

/** A user's role in an organisation. A user may hold several. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('memberships_user_idx').on(t.userId), index('memberships_org_role_idx').on(t.organisationId, t.role)],
);

/**
 * A role that opens children's data or runs the tenant, requested by one tenant admin and waiting for another
 * (`common/roles.ts` `approvalRoles`). Approval creates the membership; the row stays for the record.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<Role>().notNull(),
    /** pending, approved or rejected. */
    status: text('status').$type<GrantStatus>().notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The membership an approval created. */
    membershipId: uuid('membership_id').references(() => memberships.id),
  },
  (t) => [
    index('role_grants_tenant_status_idx').on(t.tenantId, t.status, t.requestedAt),
    // One open request per person, organisation and role: two admins asking at once get one.
    uniqueIndex('role_grants_pending_uidx')
      .on(t.userId, t.organisationId, t.role)
      .where(sql`${t.status} = 'pending'`),
  ],
);

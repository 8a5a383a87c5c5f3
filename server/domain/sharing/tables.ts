import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { children } from '../children/tables.ts';
import { organisations, tenants, users } from '../tenancy/tables.ts';

/** Legal bases a tenant adds to the built-in ones (which live in code). Archived, never deleted: shares cite them. */
export const legalBases = pgTable(
  'legal_bases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    labelSv: text('label_sv').notNull(),
    labelEn: text('label_en').notNull(),
    reference: text('reference').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('legal_bases_tenant_idx').on(t.tenantId)],
);

/**
 * A share without consent: the owning organisation lets another see some
 * categories of one child's information, on a recorded legal basis.
 */
export const legalShares = pgTable(
  'legal_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    categories: text('categories').array().notNull(),
    purpose: text('purpose').notNull(),
    /** A built-in key or a legal_bases id (as text). */
    legalBasis: text('legal_basis').notNull(),
    note: text('note').notNull(),
    validTo: date('valid_to'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id),
  },
  (t) => [index('legal_shares_child_idx').on(t.childId, t.toOrganisationId)],
);

import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { children } from '../children/tables.ts';
import { organisations, tenants, users } from '../tenancy/tables.ts';

/**
 * A child's consent (samtycke) to sharing between named organisations. Never
 * general: organisations, categories, purposes and a last day are required.
 * It is never edited: a change is a new consent, an end is a withdrawal.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** child, god_man or both. */
    givenBy: text('given_by').notNull(),
    /** Information categories (InfoCategory). */
    categories: text('categories').array().notNull(),
    /** plan and/or hub. */
    purposes: text('purposes').array().notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    /** written or oral. */
    form: text('form').notNull(),
    /** Oral consent: who heard it. */
    receivedBy: uuid('received_by').references(() => users.id),
    documentReference: text('document_reference'),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** The day it was withdrawn (as told); the effect starts at `withdrawnAt`, when it is recorded. */
    withdrawnOn: date('withdrawn_on'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawalNote: text('withdrawal_note'),
  },
  (t) => [index('consents_child_idx').on(t.childId, t.validTo)],
);

/** The organisations a consent names: they may share the consent's categories with each other. */
export const consentOrganisations = pgTable(
  'consent_organisations',
  {
    consentId: uuid('consent_id')
      .notNull()
      .references(() => consents.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.organisationId] }), index('consent_orgs_org_idx').on(t.organisationId)],
);

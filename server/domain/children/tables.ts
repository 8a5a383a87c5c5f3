import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, tenants, users } from '../tenancy/tables.ts';

/**
 * The child record, minimal by design: each column is needed by someone in the
 * hub to do their part (see docs/ARCHITECTURE.md, "Child data").
 */
export const children = pgTable(
  'children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** First name or chosen name: what the adults call the child. */
    displayName: text('display_name').notNull(),
    dateOfBirth: date('date_of_birth'),
    /** Set when the date of birth is unknown and an age was assessed. */
    assessedAge: integer('assessed_age'),
    /** ISO 639 codes, most fluent first: who can talk with the child, and the child's page language. */
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    /** Whether meetings and talks with the child need an interpreter. */
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    interpreterLanguage: text('interpreter_language'),
    /** Arrival in the municipality: where the process map starts. */
    arrivalDate: date('arrival_date'),
    /** Migrationsverket case number: sensitive, masked for roles that do not need it. */
    caseNumber: text('case_number'),
    /** The HVB or foster-care organisation the child lives with. */
    placementOrganisationId: uuid('placement_organisation_id').references(() => organisations.id),
    /** 'hvb' or 'foster_home'. */
    placementKind: text('placement_kind'),
    /** Drives what the hub must do next (a rejection must reach the social worker at once). */
    asylumStatus: text('asylum_status').notNull().default('in_process'),
    caseStatus: text('case_status').notNull().default('active'),
    /** turned_18, returned, moved or absconded. */
    closedReason: text('closed_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Optimistic concurrency: a write must name the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('children_tenant_idx').on(t.tenantId, t.caseStatus)],
);

/** A user's place in the hub around one child. Access to the child follows it. */
export const hubMembers = pgTable(
  'hub_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    hubRole: text('hub_role').notNull(),
    startsOn: date('starts_on').notNull(),
    /** Access ends at this instant; null while the membership is open. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // The communication agreement of the first meeting: when and how to reach this member.
    availability: text('availability'),
    /** 'phone', 'sms', 'email' or 'meeting'. */
    preferredChannel: text('preferred_channel'),
    contactDetail: text('contact_detail'),
    agreementUpdatedAt: timestamp('agreement_updated_at', { withTimezone: true }),
  },
  (t) => [
    // One open membership per person and child; the service answers 409 before this trips.
    uniqueIndex('hub_members_open_uidx')
      .on(t.childId, t.userId)
      .where(sql`${t.endedAt} is null`),
    index('hub_members_user_idx').on(t.userId, t.childId),
    index('hub_members_child_idx').on(t.childId),
    index('hub_members_org_idx').on(t.organisationId, t.childId),
  ],
);

import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    interpreterLanguage: text('interpreter_language'),
    arrivalDate: date('arrival_date'),
    /** Migrationsverket case number: sensitive, masked for roles that do not need it. */
    caseNumber: text('case_number'),
    placementOrganisationId: uuid('placement_organisation_id').references(() => organisations.id),
    placementKind: text('placement_kind'),
    asylumStatus: text('asylum_status').notNull().default('in_process'),
    caseStatus: text('case_status').notNull().default('active'),
    closedReason: text('closed_reason'),
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
  },
  (t) => [
    index('hub_members_user_idx').on(t.userId, t.childId),
    index('hub_members_child_idx').on(t.childId),
    index('hub_members_org_idx').on(t.organisationId, t.childId),
  ],
);

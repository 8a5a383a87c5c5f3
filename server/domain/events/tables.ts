import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { children } from '../children/tables.ts';
import { organisations, tenants, users } from '../tenancy/tables.ts';

/** Something that happened to a child (händelse): a decision, a changed wellbeing, an absence. */
export const childEvents = pgTable(
  'child_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    type: text('type').notNull(),
    /** For a decision, the day it was notified (delgivning): deadlines count from it. */
    occurredOn: date('occurred_on').notNull(),
    source: text('source').notNull(),
    /** Short note for the hub. Shown in Navet only, never in an e-mail. */
    note: text('note').notNull().default(''),
    departureDate: date('departure_date'),
    /** Null for events Navet records itself (turning 18). */
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** The asylum status the event set, when it changed it. */
    asylumStatusAfter: text('asylum_status_after'),
    /**
     * Owner and category of the note only: the event itself (type, date, status)
     * is hub information. The recorder's organisation; for Navet's own events,
     * the social worker's.
     */
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** An InfoCategory: asylum_case for asylum events, otherwise the recorder's choice. */
    category: text('category').notNull(),
  },
  (t) => [
    index('child_events_child_idx').on(t.childId, t.occurredOn),
    index('child_events_tenant_idx').on(t.tenantId, t.recordedAt),
    // Turning 18 happens once; the daily sweep may run on several processes.
    uniqueIndex('child_events_turned_18_uidx')
      .on(t.childId)
      .where(sql`${t.type} = 'turned_18'`),
  ],
);

/** A date that follows from an event: the appeal's last day, finality, departure, turning 18. */
export const childDeadlines = pgTable(
  'child_deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    kind: text('kind').notNull(),
    dueOn: date('due_on').notNull(),
    /** 'open', 'done' or 'superseded'. */
    status: text('status').notNull().default('open'),
    sourceEventId: uuid('source_event_id').references(() => childEvents.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // One open deadline of a kind per child: a new decision replaces the old dates.
    uniqueIndex('child_deadlines_open_uidx')
      .on(t.childId, t.kind)
      .where(sql`${t.status} = 'open'`),
    index('child_deadlines_tenant_due_idx').on(t.tenantId, t.status, t.dueOn),
  ],
);

/** A tenant's changes to the default routing rules (defaults live in code, rules.ts). */
export const noticeSettings = pgTable('notice_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  usesIsip: boolean('uses_isip').notNull().default(false),
  escalationWorkingHours: integer('escalation_working_hours').notNull().default(4),
  /** Overridden rules by event type; a missing type uses the default. */
  rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

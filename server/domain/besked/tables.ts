import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { children, hubMembers } from '../children/tables.ts';
import { organisations, tenants, users } from '../tenancy/tables.ts';

/** One thing an adult told the child on an important matter. Entries are never edited: the log is the record. */
export const beskedEntries = pgTable(
  'besked_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** A default topic key or a tenant topic id, as in the topic matrix. */
    topic: text('topic').notNull(),
    toldOn: date('told_on').notNull(),
    summary: text('summary').notNull(),
    language: text('language').notNull(),
    interpreterUsed: boolean('interpreter_used').notNull(),
    /** The membership of the adult who told the child. */
    memberId: uuid('member_id')
      .notNull()
      .references(() => hubMembers.id),
    /** The organisation of the member who told the child: it owns the entry under the sharing rule. */
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** An InfoCategory, from the topic unless the teller chose another. */
    category: text('category').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('besked_entries_child_idx').on(t.childId, t.topic, t.toldOn)],
);

/** Two entries a member marked as contradicting each other; open until the hub agrees its line. */
export const beskedContradictions = pgTable(
  'besked_contradictions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    topic: text('topic').notNull(),
    /** Stored in id order, so one pair is one row whichever way it was marked. */
    entryA: uuid('entry_a')
      .notNull()
      .references(() => beskedEntries.id),
    entryB: uuid('entry_b')
      .notNull()
      .references(() => beskedEntries.id),
    note: text('note'),
    markedBy: uuid('marked_by')
      .notNull()
      .references(() => users.id),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByLineId: uuid('resolved_by_line_id'),
  },
  (t) => [index('besked_contradictions_child_idx').on(t.childId, t.resolvedAt)],
);

/** The hub's agreed line (samsyn) on a topic. The newest row per child and topic is the current one. */
export const beskedLines = pgTable(
  'besked_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    topic: text('topic').notNull(),
    text: text('text').notNull(),
    /** Who tells the child. */
    tellerMemberId: uuid('teller_member_id')
      .notNull()
      .references(() => hubMembers.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('besked_lines_child_idx').on(t.childId, t.topic, t.createdAt)],
);

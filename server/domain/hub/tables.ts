import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { children, hubMembers } from '../children/tables.ts';
import { meetings } from '../meetings/tables.ts';
import { organisations, tenants, users } from '../tenancy/tables.ts';

/** Topics a tenant adds to the guide's default ones (which live in code, not here). */
export const tenantTopics = pgTable(
  'tenant_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    labelSv: text('label_sv').notNull(),
    labelEn: text('label_en').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tenant_topics_tenant_idx').on(t.tenantId)],
);

/**
 * "Who the child asks about what": one row per child and topic. `topic` is a
 * default topic key or a tenant topic id. Members are referenced, not copied,
 * so a member who leaves leaves the topic flagged as unassigned.
 */
export const topicAssignments = pgTable(
  'topic_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    topic: text('topic').notNull(),
    responsibleMemberId: uuid('responsible_member_id').references(() => hubMembers.id),
    fallbackMemberId: uuid('fallback_member_id').references(() => hubMembers.id),
    /** Civil-society members see this topic and who holds it. */
    shareableWithCivilSociety: boolean('shareable_with_civil_society').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('topic_assignments_child_topic_uidx').on(t.childId, t.topic)],
);

/**
 * The first meeting of the core three, proposed by Navet. `meetingId` is the meeting of kind `first_hub`
 * that plans it (the first one scheduled for the child); when that meeting is held, the checklist's
 * "meeting held" is ticked.
 */
export const firstMeetings = pgTable('first_meetings', {
  childId: uuid('child_id')
    .primaryKey()
    .references(() => children.id),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  proposedOn: date('proposed_on'),
  /** Cleared when retention removes the meeting before the child's record. */
  meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
  proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The outcome of one checklist item of the first meeting. A missing row is "not done". */
export const checklistOutcomes = pgTable(
  'checklist_outcomes',
  {
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    item: text('item').notNull(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    done: boolean('done').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.childId, t.item] })],
);

/** A question the hub agrees to raise with the child, and the one member who takes it. */
export const hubQuestions = pgTable(
  'hub_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    text: text('text').notNull(),
    topic: text('topic'),
    ownerMemberId: uuid('owner_member_id')
      .notNull()
      .references(() => hubMembers.id),
    dueOn: date('due_on').notNull(),
    /** 'open', 'done' or 'dropped'. */
    status: text('status').notNull().default('open'),
    dropReason: text('drop_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Bumped on every change; kept for a later optimistic check from the client. */
    version: integer('version').notNull().default(1),
    /** The organisation of the member who raised it: it owns the question under the sharing rule. */
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** An InfoCategory, from the topic unless the hub chose another. */
    category: text('category').notNull(),
  },
  (t) => [
    index('hub_questions_child_idx').on(t.childId, t.status),
    index('hub_questions_owner_idx').on(t.ownerMemberId, t.status),
  ],
);

import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Role } from '../../../../common/roles.ts';
import type { CollaborationLevel } from '../../../../common/schemas/collaboration.ts';
import type { QuestionOrigin, QuestionStatus } from '../../../../common/schemas/forum.ts';
import { meetings } from '../../meetings/tables.ts';
import { tenants, users } from '../../tenancy/tables.ts';
import { collaborations } from '../tables.ts';

/**
 * A question to the forum. It never refers to a child: a question raised from
 * a child's hub keeps only that it came from a hub (`origin`), and its text
 * was checked for the child's name and case number before it was stored.
 */
export const forumQuestions = pgTable(
  'forum_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    /** The raiser's municipality. */
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    title: text('title').notNull(),
    text: text('text').notNull(),
    origin: text('origin').$type<QuestionOrigin>().notNull(),
    /** Where it is handled now: the forum, or the strategic level once escalated. */
    level: text('level').$type<CollaborationLevel>().notNull().default('operational'),
    status: text('status').$type<QuestionStatus>().notNull().default('open'),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    dueOn: date('due_on'),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    escalationReason: text('escalation_reason'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** The meeting whose agenda took it. */
    meetingId: uuid('meeting_id').references(() => meetings.id),
    routineId: uuid('routine_id'),
    /** A development proposal made from it; wired to collab-core's register at merge. */
    proposalId: uuid('proposal_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('forum_questions_collaboration_idx').on(t.collaborationId, t.status),
    index('forum_questions_raiser_idx').on(t.raisedBy),
  ],
);

/** A routine or guideline of a level; its text lives in versions. */
export const routines = pgTable(
  'routines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    title: text('title').notNull(),
    level: text('level').$type<CollaborationLevel>().notNull(),
    /** The roles whose holders must read the current version. */
    roles: jsonb('roles').$type<Role[]>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('routines_collaboration_idx').on(t.collaborationId)],
);

/** A version of a routine: a draft until a decision of its level adopts it; then it never changes. */
export const routineVersions = pgTable(
  'routine_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    routineId: uuid('routine_id')
      .notNull()
      .references(() => routines.id),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    adoptedBy: uuid('adopted_by').references(() => users.id),
    adoptedDecision: text('adopted_decision'),
    adoptedMeetingId: uuid('adopted_meeting_id').references(() => meetings.id),
  },
  (t) => [uniqueIndex('routine_versions_uidx').on(t.routineId, t.version)],
);

/** A user's confirmation of having read one version. */
export const routineReads = pgTable(
  'routine_reads',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => routineVersions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.userId] })],
);

/** A recurring series of a level's meetings; its meetings carry `seriesId`. */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    level: text('level').$type<CollaborationLevel>().notNull(),
    title: text('title').notNull(),
    /** The RFC 5545 rule, e.g. FREQ=MONTHLY;INTERVAL=1;COUNT=10. */
    rrule: text('rrule').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_series_collaboration_idx').on(t.collaborationId)],
);

/** A representative's confirmation that they fed the meeting back to their staff. */
export const forumFeedback = pgTable(
  'forum_feedback',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

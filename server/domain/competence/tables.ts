import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ArticleLang, NeedPriority, NeedSourceKind, NeedStatus } from '../../../common/schemas/competence.ts';
import type { Role } from '../../../common/roles.ts';
import { collaborations } from '../collaboration/tables.ts';
import { tenants, users } from '../tenancy/tables.ts';

/*
 * The competence basis of a collaboration (step 4). Nothing here refers to a
 * child: needs, training and articles are about the adults around children.
 */

/** A competence need: what, for whom, from where, who answers for it and by when. */
export const competenceNeeds = pgTable(
  'competence_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    roles: text('roles')
      .array()
      .$type<Role[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Parties of the collaboration (checked on write; a party that leaves keeps its name). */
    partyIds: uuid('party_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    sourceKind: text('source_kind').$type<NeedSourceKind>().notNull().default('manual'),
    /** The annotation, barrier or evaluation it came from: no foreign key, the source may live in another area. */
    sourceId: uuid('source_id'),
    priority: text('priority').$type<NeedPriority>().notNull().default('medium'),
    status: text('status').$type<NeedStatus>().notNull().default('open'),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('competence_needs_collaboration_idx').on(t.collaborationId),
    index('competence_needs_source_idx').on(t.sourceKind, t.sourceId),
  ],
);

/** A training topic; `renewalMonths` says how long an attendance stays valid (null: for good). */
export const trainingTopics = pgTable(
  'training_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    name: text('name').notNull(),
    renewalMonths: integer('renewal_months'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_topics_name_uidx').on(t.collaborationId, t.name)],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => trainingTopics.id),
    heldOn: date('held_on').notNull(),
    /** Who should attend. */
    roles: text('roles')
      .array()
      .$type<Role[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    partyIds: uuid('party_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_sessions_collaboration_idx').on(t.collaborationId, t.topicId)],
);

/** Who attended: a user of one of the collaboration's municipalities. */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('training_attendance_user_idx').on(t.userId)],
);

/**
 * A knowledge-base article in one language. Owned by a municipality; shared in a
 * collaboration when `collaborationId` is set. `slug` ties the Swedish and the
 * English text of one article together.
 */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    collaborationId: uuid('collaboration_id').references(() => collaborations.id),
    slug: text('slug'),
    lang: text('lang').$type<ArticleLang>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    reviewOn: date('review_on').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('knowledge_articles_tenant_idx').on(t.tenantId),
    index('knowledge_articles_collaboration_idx').on(t.collaborationId),
  ],
);

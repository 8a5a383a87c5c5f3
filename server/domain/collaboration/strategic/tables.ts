import { date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CollaborationLevel } from '../../../../common/schemas/collaboration.ts';
import type { BarrierStatus, BarrierType } from '../../../../common/schemas/strategic.ts';
import { users } from '../../tenancy/tables.ts';
import { collaborations } from '../tables.ts';

/** A barrier to collaboration (hinder), with one owner and a due date. */
export const barriers = pgTable(
  'barriers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    type: text('type').$type<BarrierType>().notNull(),
    description: text('description').notNull(),
    /** Where it is handled: raised at the forum, moved up when escalated. */
    level: text('level').$type<CollaborationLevel>().notNull(),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on').notNull(),
    action: text('action'),
    status: text('status').$type<BarrierStatus>().notNull().default('open'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('barriers_collaboration_idx').on(t.collaborationId, t.status)],
);

/** Development proposals made from a barrier; the proposal id is wired to collab-core's register at merge. */
export const barrierProposals = pgTable(
  'barrier_proposals',
  {
    barrierId: uuid('barrier_id')
      .notNull()
      .references(() => barriers.id),
    proposalId: uuid('proposal_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.barrierId, t.proposalId] })],
);

/** An agreement other than the governance document (e.g. school and housing taking part in SIP). */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    title: text('title').notNull(),
    parties: jsonb('parties').$type<string[]>().notNull(),
    signedOn: date('signed_on').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    text: text('text').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreements_collaboration_idx').on(t.collaborationId)],
);

/** An evaluation of the collaboration's effects. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    title: text('title').notNull(),
    evaluatedOn: date('evaluated_on').notNull(),
    works: text('works').notNull(),
    lacks: text('lacks').notNull(),
    actions: text('actions').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluations_collaboration_idx').on(t.collaborationId)],
);

import { customType, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProposalOrigin, ProposalStatus, StepStatus } from '../../../../common/schemas/collaboration-roadmap.ts';
import { users } from '../../tenancy/tables.ts';
import { collaborationParties, collaborations } from '../tables.ts';

/** Raw bytes (an attached PDF), stored in the database so backups carry it. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * One of the guide's seven steps in one collaboration. A step without a row
 * has not started. Steps 2, 4 and 5 keep a reference to a document until the
 * process maps and competence have a part of their own.
 */
export const collaborationSteps = pgTable(
  'collaboration_steps',
  {
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    step: integer('step').notNull(),
    status: text('status').$type<StepStatus>().notNull().default('not_started'),
    owner: text('owner'),
    dueOn: date('due_on', { mode: 'string' }),
    referenceTitle: text('reference_title'),
    referenceUrl: text('reference_url'),
    referenceNote: text('reference_note'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.collaborationId, t.step] })],
);

/** Step 1: a party's management decision that collaboration is a priority. */
export const collaborationDecisions = pgTable(
  'collaboration_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => collaborationParties.id),
    decidedBy: text('decided_by').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    text: text('text'),
    documentName: text('document_name'),
    documentBytes: bytea('document_bytes'),
    documentSize: integer('document_size'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collaboration_decisions_collaboration_idx').on(t.collaborationId)],
);

/** Step 7: a review of the collaboration, planned for a date and recorded when held. */
export const collaborationReviews = pgTable(
  'collaboration_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    heldOn: date('held_on', { mode: 'string' }),
    whatWorks: text('what_works'),
    whatDoesNot: text('what_does_not'),
    /** The governance version this review started, if it started a revision. */
    startedRevision: integer('started_revision'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collaboration_reviews_collaboration_idx').on(t.collaborationId)],
);

/** Step 3: the register of development proposals, fed by maps, the forum, barriers and reviews. */
export const collaborationProposals = pgTable(
  'collaboration_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    title: text('title').notNull(),
    description: text('description'),
    origin: text('origin').$type<ProposalOrigin>().notNull(),
    originNote: text('origin_note'),
    /** The barrier or forum question it came from (the other levels' ids; never a child's). */
    originId: uuid('origin_id'),
    reviewId: uuid('review_id').references(() => collaborationReviews.id),
    owner: text('owner'),
    status: text('status').$type<ProposalStatus>().notNull().default('proposed'),
    decision: text('decision'),
    decidedOn: date('decided_on', { mode: 'string' }),
    evaluation: text('evaluation'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collaboration_proposals_collaboration_idx').on(t.collaborationId, t.status)],
);

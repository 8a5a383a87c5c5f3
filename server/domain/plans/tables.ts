import { sql } from 'drizzle-orm';
import {
  boolean,
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
import type { PlanContent } from '../../../common/schemas/plans.ts';
import { consents } from '../consent/tables.ts';
import { children } from '../children/tables.ts';
import { meetings } from '../meetings/tables.ts';
import { organisations, tenants, users } from '../tenancy/tables.ts';

/**
 * A child's coordinated individual plan (SIP, or the municipality's internal
 * I-SIP). One plan at a time is not ended; ended ones stay as history. The
 * working copy lives here and in the item tables; each adoption freezes a copy
 * in plan_versions.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** sip or isip. */
    kind: text('kind').notNull(),
    /** draft, active, follow_up or ended. */
    status: text('status').notNull().default('draft'),
    initiatorId: uuid('initiator_id')
      .notNull()
      .references(() => users.id),
    chairId: uuid('chair_id').references(() => users.id),
    consentId: uuid('consent_id').references(() => consents.id),
    childParticipation: text('child_participation'),
    childWords: text('child_words'),
    childGoals: text('child_goals'),
    relativesTakePart: boolean('relatives_take_part'),
    childObjectsToRelatives: boolean('child_objects_to_relatives'),
    relativesNote: text('relatives_note'),
    overallResponsibleOrganisationId: uuid('overall_responsible_organisation_id').references(() => organisations.id),
    noOtherMeasures: boolean('no_other_measures').notNull().default(false),
    followUpOn: date('follow_up_on'),
    followUpUserId: uuid('follow_up_user_id').references(() => users.id),
    /** Number of the adopted version in force; 0 before the first adoption. */
    adoptedVersion: integer('adopted_version').notNull().default(0),
    /** A new version is being prepared: the content may change, the adopted version still applies. */
    revising: boolean('revising').notNull().default(false),
    invitationsSentAt: timestamp('invitations_sent_at', { withTimezone: true }),
    endedReason: text('ended_reason'),
    endedNote: text('ended_note'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id),
    /** Optimistic concurrency: every change names the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One plan at a time; the service answers 409 before this trips.
    uniqueIndex('plans_one_open_uidx')
      .on(t.childId)
      .where(sql`${t.status} <> 'ended'`),
    index('plans_child_idx').on(t.childId, t.createdAt),
  ],
);

/** Who is called to the plan: users of Navet, or people by name. */
export const planParticipants = pgTable(
  'plan_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    organisationName: text('organisation_name'),
    /** summons (a principal) or invitation (everyone else). */
    kind: text('kind').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    position: integer('position').notNull(),
  },
  (t) => [index('plan_participants_plan_idx').on(t.planId, t.position)],
);

/**
 * Needs and notes. Like measures, each carries the organisation that owns it
 * and its category, and the child (copied from the plan) so that the sharing
 * predicate needs no join.
 */
export const planEntries = pgTable(
  'plan_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** need or note. */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    owningOrganisationId: uuid('owning_organisation_id')
      .notNull()
      .references(() => organisations.id),
    category: text('category').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_entries_plan_idx').on(t.planId, t.createdAt)],
);

export const planMeasures = pgTable(
  'plan_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    needId: uuid('need_id').references(() => planEntries.id),
    description: text('description').notNull(),
    responsibleOrganisationId: uuid('responsible_organisation_id')
      .notNull()
      .references(() => organisations.id),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    responsibleName: text('responsible_name'),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    /** planned, ongoing, done or cancelled. */
    status: text('status').notNull().default('planned'),
    goal: text('goal').notNull(),
    owningOrganisationId: uuid('owning_organisation_id')
      .notNull()
      .references(() => organisations.id),
    category: text('category').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** Optimistic concurrency per measure: two people edit different measures of one plan at once. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_measures_plan_idx').on(t.planId, t.startOn)],
);

/** Each adopted version, frozen and read-only: the content as adopted, who adopted it, the child's approval. */
export const planVersions = pgTable(
  'plan_versions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    content: jsonb('content').$type<PlanContent>().notNull(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull().defaultNow(),
    adoptedBy: uuid('adopted_by')
      .notNull()
      .references(() => users.id),
    childApproved: boolean('child_approved').notNull(),
    childApprovalNote: text('child_approval_note'),
    followUpOn: date('follow_up_on').notNull(),
    followUpUserId: uuid('follow_up_user_id')
      .notNull()
      .references(() => users.id),
    /** Why the plan was adopted without a SIP meeting held; null when one was held. */
    meetingWaiverReason: text('meeting_waiver_reason'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.number] })],
);

/** A follow-up: what happened with each measure, and a summary. */
export const planFollowUps = pgTable(
  'plan_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    versionNumber: integer('version_number').notNull(),
    heldOn: date('held_on').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    summary: text('summary').notNull(),
    outcomes: jsonb('outcomes').$type<{ measureId: string; status: string; note: string | null }[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_follow_ups_plan_idx').on(t.planId, t.createdAt)],
);

/** The plan's SIP meetings (the meetings machinery holds them; their decisions follow). */
export const planMeetings = pgTable(
  'plan_meetings',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.meetingId] })],
);

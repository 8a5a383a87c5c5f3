import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SampleReason } from '../../../common/schemas/retention.ts';
import { logReviews } from '../../audit/tables.ts';
import { organisations, tenants, users } from '../tenancy/tables.ts';

/**
 * A manager's standing order for log reviews of their organisation (null: the whole municipality, for a
 * tenant admin). The daily job draws the next review when `nextOn` comes.
 */
export const reviewSchedules = pgTable('review_schedules', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  everyMonths: integer('every_months').notNull(),
  perReason: integer('per_reason').notNull(),
  daysToClose: integer('days_to_close').notNull(),
  nextOn: date('next_on').notNull(),
  active: boolean('active').notNull().default(true),
});

/** One drawn review. Closing it writes the documented review (`log_reviews`) it extends. */
export const sampledReviews = pgTable(
  'sampled_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    scheduleId: uuid('schedule_id').references(() => reviewSchedules.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    logReviewId: uuid('log_review_id').references(() => logReviews.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sampled_reviews_tenant_idx').on(t.tenantId, t.status, t.dueOn)],
);

/** One sampled audit row, why it was drawn, and the reviewer's verdict. */
export const reviewSamples = pgTable(
  'review_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => sampledReviews.id),
    /** The audit row (no foreign key: audit retention may cut it after the review is closed). */
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    reason: text('reason').$type<SampleReason>().notNull(),
    verdict: text('verdict').$type<'in_order' | 'follow_up'>(),
    followUpAction: text('follow_up_action'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    followUpDueOn: date('follow_up_due_on'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('review_samples_review_idx').on(t.reviewId)],
);

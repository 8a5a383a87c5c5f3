import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { children } from '../domain/children/tables.ts';
import { tenants, users } from '../domain/tenancy/tables.ts';

/**
 * One in-app notice for one user. `params` holds keys and ids only (an event
 * type, a deadline kind, a date): the client builds the text, and nothing
 * sensitive is copied here. The timestamps feed the follow-up measures.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    childId: uuid('child_id').references(() => children.id),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    /** A path inside Navet, e.g. "/children/<id>". */
    link: text('link').notNull(),
    /** 'immediate' (e-mail ping at once) or 'normal' (ping later, only if still unread). */
    urgency: text('urgency').notNull(),
    /** What caused it (an event, a deadline, a meeting): measures and escalations find it by this. */
    sourceId: uuid('source_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** First time it reached the user's screen (pushed to an open page or listed). */
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** "I have seen this": recorded with time; escalation stops here. */
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_source_idx').on(t.sourceId),
    index('notifications_tenant_kind_idx').on(t.tenantId, t.kind, t.createdAt),
  ],
);

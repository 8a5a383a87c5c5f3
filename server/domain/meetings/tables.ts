import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ChildWishes } from '../../../common/schemas/meetings.ts';
import { children } from '../children/tables.ts';
import { collaborations } from '../collaboration/tables.ts';
import { childEvents } from '../events/tables.ts';
import { tenants, users } from '../tenancy/tables.ts';

/**
 * A meeting of any level. `childId` is set for the individual-level kinds
 * (first hub meeting, hub meeting, SIP) and makes the meeting child data.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind').notNull(),
    childId: uuid('child_id').references(() => children.id),
    /** Set for a forum or strategic meeting of a collaboration: its users see it (never with a child). */
    collaborationId: uuid('collaboration_id').references(() => collaborations.id),
    /** The recurring series it belongs to (collaboration/operational `meeting_series`). */
    seriesId: uuid('series_id'),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location'),
    videoLink: text('video_link'),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => users.id),
    /** planned, in_progress, closed or cancelled. */
    status: text('status').notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    childParticipation: text('child_participation').notNull().default('none'),
    childWishes: jsonb('child_wishes').$type<ChildWishes>().notNull(),
    minutes: text('minutes').notNull().default(''),
    /** Guards the minutes against lost updates from two editors at once. */
    minutesVersion: integer('minutes_version').notNull().default(1),
    minutesUpdatedAt: timestamp('minutes_updated_at', { withTimezone: true }),
    minutesUpdatedBy: uuid('minutes_updated_by').references(() => users.id),
    /** iCalendar SEQUENCE: bumped when time, place or status change, so calendars replace the event. */
    sequence: integer('sequence').notNull().default(0),
    /** Optimistic concurrency for the meeting's own fields. */
    version: integer('version').notNull().default(1),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * The event (a changed wellbeing, say) after which Navet drafted this meeting. Such a meeting stays
     * unresolved until it is held (started or closed) or cancelled with a reason. Retention removes events and
     * meetings on their own schedules: an event removed first leaves the meeting without the link.
     */
    proposedByEventId: uuid('proposed_by_event_id').references(() => childEvents.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_proposed_idx')
      .on(t.childId)
      .where(sql`${t.proposedByEventId} is not null and ${t.status} = 'planned'`),
    index('meetings_child_idx').on(t.childId, t.startsAt),
    index('meetings_tenant_idx').on(t.tenantId, t.startsAt),
    index('meetings_collaboration_idx').on(t.collaborationId, t.startsAt),
  ],
);

/** An invitee: a user of Navet, or an external guest named by name and organisation. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    userId: uuid('user_id').references(() => users.id),
    guestName: text('guest_name'),
    guestOrganisation: text('guest_organisation'),
    /** pending, accepted, tentative or declined. */
    response: text('response').notNull().default('pending'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** Recorded by the organiser once the meeting has started: null until then (not known). */
    attended: boolean('attended'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_participants_user_uidx')
      .on(t.meetingId, t.userId)
      .where(sql`${t.userId} is not null`),
    index('meeting_participants_user_idx').on(t.userId),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    /** The child takes part in this item. */
    childPresent: boolean('child_present').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

/** Text added to the minutes after the meeting closed: the minutes themselves no longer change. */
export const minuteAmendments = pgTable(
  'minute_amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    text: text('text').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('minute_amendments_meeting_idx').on(t.meetingId, t.createdAt)],
);

/** A decision of a meeting: one owner, a due date, and a status. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** Copied from the meeting so that scope filters need no join through it. */
    childId: uuid('child_id').references(() => children.id),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id),
    text: text('text').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on').notNull(),
    /** open, done or dropped. */
    status: text('status').notNull().default('open'),
    dropReason: text('drop_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('decisions_meeting_idx').on(t.meetingId),
    index('decisions_child_idx').on(t.childId, t.status),
    index('decisions_owner_idx').on(t.ownerUserId, t.status),
  ],
);

/**
 * A user's private calendar feed. The token is in the URL a calendar app
 * polls; only its SHA-256 is stored. Revoking sets `revokedAt`; a new feed
 * revokes the old one.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feeds_token_uidx').on(t.tokenHash), index('calendar_feeds_user_idx').on(t.userId)],
);

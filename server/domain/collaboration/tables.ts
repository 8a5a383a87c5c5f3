import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CollaborationPersonRole, ParticipationStatus, PartyKind } from '../../../common/schemas/collaboration.ts';
import { organisations, tenants, users } from '../tenancy/tables.ts';

/**
 * A collaboration (samverkan) of one or more municipalities. Everything of the
 * strategic and operational levels belongs to one; nothing here ever refers to a
 * child (a test walks the columns of every table of this folder to hold that).
 */
export const collaborations = pgTable('collaborations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** The municipality that started it; its chain carries the creation's audit row. */
  ownerTenantId: uuid('owner_tenant_id')
    .notNull()
    .references(() => tenants.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  /** Optimistic concurrency for the collaboration's own fields. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The municipalities taking part. The owner's row is accepted at creation; others join when their admin accepts. */
export const collaborationTenants = pgTable(
  'collaboration_tenants',
  {
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    status: text('status').$type<ParticipationStatus>().notNull().default('invited'),
    invitedBy: uuid('invited_by').references(() => users.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.collaborationId, t.tenantId] }),
    index('collaboration_tenants_tenant_idx').on(t.tenantId, t.status),
  ],
);

/**
 * A party: an organisation of a participating municipality (`organisationId`
 * set, `tenantId` its municipality) or an outside one known by name only.
 */
export const collaborationParties = pgTable(
  'collaboration_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    name: text('name').notNull(),
    kind: text('kind').$type<PartyKind>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** A party that leaves keeps its history (decisions, sign-offs) but no longer counts. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('collaboration_parties_collaboration_idx').on(t.collaborationId),
    uniqueIndex('collaboration_parties_org_uidx')
      .on(t.collaborationId, t.organisationId)
      .where(sql`${t.organisationId} is not null and ${t.endedAt} is null`),
  ],
);

/**
 * A person's role in a collaboration: a party's representative at a level, or a
 * coordinator (`partyId` may then be null). A user of Navet (`userId`, with the
 * user's own municipality in `tenantId`) or an outside person named by name.
 */
export const collaborationPeople = pgTable(
  'collaboration_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    partyId: uuid('party_id').references(() => collaborationParties.id),
    role: text('role').$type<CollaborationPersonRole>().notNull(),
    userId: uuid('user_id').references(() => users.id),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    /** The name shown; for a user of Navet copied from the account when added. */
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('collaboration_people_collaboration_idx').on(t.collaborationId),
    index('collaboration_people_user_idx').on(t.userId),
    uniqueIndex('collaboration_people_user_role_uidx')
      .on(t.collaborationId, t.userId, t.role)
      .where(sql`${t.userId} is not null and ${t.endedAt} is null`),
  ],
);

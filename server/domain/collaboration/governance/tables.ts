import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { GovernanceContent, GovernanceStatus } from '../../../../common/schemas/governance.ts';
import { users } from '../../tenancy/tables.ts';
import { collaborationParties, collaborations } from '../tables.ts';

/**
 * The versions of a collaboration's governance document (samverkansdokument).
 * At most one draft at a time; `revision` counts the draft's saves so two
 * editors cannot overwrite each other, and sign-offs name the revision signed.
 */
export const governanceVersions = pgTable(
  'governance_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    number: integer('number').notNull(),
    status: text('status').$type<GovernanceStatus>().notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    content: jsonb('content').$type<GovernanceContent>().notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('governance_versions_number_uidx').on(t.collaborationId, t.number),
    uniqueIndex('governance_versions_draft_uidx')
      .on(t.collaborationId)
      .where(sql`${t.status} = 'draft'`),
  ],
);

/** A party's sign-off of one revision of a version: who signed for it, when, and who recorded it. */
export const governanceSignOffs = pgTable(
  'governance_sign_offs',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => governanceVersions.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => collaborationParties.id),
    revision: integer('revision').notNull(),
    signedBy: text('signed_by').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.partyId, t.revision] }),
    index('governance_sign_offs_version_idx').on(t.versionId),
  ],
);

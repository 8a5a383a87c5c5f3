import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ExtractStatus, ExtractSubject } from '../../../common/schemas/records.ts';
import { children } from '../children/tables.ts';
import { tenants, users } from '../tenancy/tables.ts';

/** The zip, stored in the database so one backup carries it and one job deletes it. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A registry extract (GDPR art. 15) asked for on a child's behalf or by/for a user: the record of the request
 * stays; the file is deleted when it expires.
 */
export const recordExtracts = pgTable(
  'record_extracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    subject: text('subject').$type<ExtractSubject>().notNull(),
    /** Set when the subject is a child. */
    childId: uuid('child_id').references(() => children.id),
    /** Set when the subject is a user. */
    subjectUserId: uuid('subject_user_id').references(() => users.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<ExtractStatus>().notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    file: bytea('file'),
    size: integer('size'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    index('record_extracts_child_idx').on(t.tenantId, t.childId),
    index('record_extracts_user_idx').on(t.tenantId, t.subjectUserId),
  ],
);

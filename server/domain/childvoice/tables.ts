import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ChildMessageKind } from '../../../common/schemas/childvoice.ts';
import { children, hubMembers } from '../children/tables.ts';
import { organisations, tenants, users } from '../tenancy/tables.ts';
import { childLinks } from '../child-view/tables.ts';

/**
 * A message the child sent from their own page, and the one answer an adult
 * gave. Guarded by the sharing rule (purpose `hub`): owned by the organisation
 * of the adult it was sent to, category `social_services` (see README.md).
 */
export const childMessages = pgTable(
  'child_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The child's session it came from. */
    linkId: uuid('link_id')
      .notNull()
      .references(() => childLinks.id),
    kind: text('kind').$type<ChildMessageKind>().notNull(),
    text: text('text'),
    lang: text('lang').notNull(),
    toMemberId: uuid('to_member_id')
      .notNull()
      .references(() => hubMembers.id),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    category: text('category').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answerText: text('answer_text'),
    answerLang: text('answer_lang'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredByMemberId: uuid('answered_by_member_id').references(() => hubMembers.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('child_messages_child_idx').on(t.childId, t.createdAt)],
);

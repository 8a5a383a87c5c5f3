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
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AdoptingBody, AnnotationKind, MapLevel } from '../../../common/schemas/processmaps.ts';
import type { LinkKind } from '../../../common/schemas/processmaps-conformance.ts';
import { collaborationProposals } from '../collaboration/roadmap/tables.ts';
import { collaborations } from '../collaboration/tables.ts';
import { users } from '../tenancy/tables.ts';

/*
 * Process maps of a collaboration (steps 2 and 5). Like every table above the
 * child, none of these refers to a child (processmaps.test.ts checks it).
 */

/** A map; `head` is its latest version number, the row every save locks. */
export const processMaps = pgTable(
  'process_maps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborationId: uuid('collaboration_id')
      .notNull()
      .references(() => collaborations.id),
    title: text('title').notNull(),
    level: text('level').$type<MapLevel>().notNull(),
    head: integer('head').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('process_maps_collaboration_idx').on(t.collaborationId)],
);

/** Every save is a version; a version is adopted by recording the decision that adopted it (step 5). */
export const processMapVersions = pgTable(
  'process_map_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mapId: uuid('map_id')
      .notNull()
      .references(() => processMaps.id),
    number: integer('number').notNull(),
    /** The version the editor started from: below number − 1 when two people saved on the same version. */
    basedOn: integer('based_on'),
    xml: text('xml').notNull(),
    note: text('note'),
    savedBy: uuid('saved_by')
      .notNull()
      .references(() => users.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
    adoptedBody: text('adopted_body').$type<AdoptingBody>(),
    adoptedDecidedBy: text('adopted_decided_by'),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    adoptionText: text('adoption_text'),
    adoptionRecordedBy: uuid('adoption_recorded_by').references(() => users.id),
  },
  (t) => [unique('process_map_versions_number_uq').on(t.mapId, t.number)],
);

/** A mapping workshop: when, and who took part from which party (names as given, not accounts). */
export const processMapWorkshops = pgTable(
  'process_map_workshops',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mapId: uuid('map_id')
      .notNull()
      .references(() => processMaps.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title'),
    participants: jsonb('participants').$type<{ name: string; party: string }[]>().notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('process_map_workshops_map_idx').on(t.mapId)],
);

/** A workshop's remark on one element of the map, with the guide's question it answers. */
export const processMapAnnotations = pgTable(
  'process_map_annotations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mapId: uuid('map_id')
      .notNull()
      .references(() => processMaps.id),
    /** The BPMN id of the element; ids survive renames and moves between versions. */
    elementId: text('element_id').notNull(),
    kind: text('kind').$type<AnnotationKind>().notNull(),
    text: text('text').notNull(),
    proposalId: uuid('proposal_id').references(() => collaborationProposals.id),
    /** Step 4's competence need made from it; no foreign key until the competence tables exist. */
    competenceNeedId: uuid('competence_need_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('process_map_annotations_map_idx').on(t.mapId)],
);

/**
 * An element of one map version linked to what Navet records about children (the conformance overlay).
 * Versions are kept whole: links are the version's own, copied to the next save for the elements it keeps.
 */
export const processMapLinks = pgTable(
  'process_map_links',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => processMapVersions.id),
    elementId: text('element_id').notNull(),
    kind: text('kind').$type<LinkKind>().notNull(),
    ref: text('ref').notNull(),
    fromElementId: text('from_element_id'),
    expectedDays: integer('expected_days'),
    workingDays: boolean('working_days').notNull().default(false),
    /** Expected at least `expected_days` before the from-element's date rather than within them after it. */
    before: boolean('before').notNull().default(false),
    linkedBy: uuid('linked_by')
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.elementId] })],
);

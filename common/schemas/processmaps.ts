import { z } from 'zod';
import { conflictBody } from '../errors.ts';
import { limits } from '../limits.ts';
import { Version } from './int.ts';
import { NeedPriority } from './competence.ts';
import { Link } from './processmaps-conformance.ts';

/*
 * Process maps (the guide's steps 2 and 5): BPMN 2.0 maps of a collaboration,
 * saved as versions, annotated in workshops and adopted by decision. No child
 * is ever named here: a map describes the path, not a person on it.
 */

const uuid = z.string().uuid();
const title = z.string().trim().min(1).max(limits.nameMax);
const longText = z.string().trim().min(1).max(5_000);

/** Largest BPMN document Navet stores, in bytes (a map of hundreds of elements is far below). */
export const BPMN_MAX_BYTES = 512 * 1024;

/** The guide's three levels: a map can be drawn at any of them. */
export const mapLevels = ['strategic', 'operational', 'individual'] as const;
export const MapLevel = z.enum(mapLevels);
export type MapLevel = z.infer<typeof MapLevel>;

/** The guide's workshop questions, one kind per annotation. */
export const annotationKinds = [
  'works_well',
  'works_less_well',
  'not_done',
  'who_does_it',
  'forgotten',
  'missing_intervention',
  'neglected_need',
  'competence_need',
] as const;
export const AnnotationKind = z.enum(annotationKinds);
export type AnnotationKind = z.infer<typeof AnnotationKind>;

/** Who adopts a map version: the operational forum or the strategic group. */
export const adoptingBodies = ['forum', 'strategic_group'] as const;
export const AdoptingBody = z.enum(adoptingBodies);
export type AdoptingBody = z.infer<typeof AdoptingBody>;

export const MapParams = z.object({ id: uuid, mapId: uuid });
export const VersionParams = MapParams.extend({ number: z.coerce.number().int().min(1).max(1_000_000) });
export const AnnotationParams = MapParams.extend({ annotationId: uuid });
export const CompareQuery = z.object({
  from: z.coerce.number().int().min(1).max(1_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000),
});

/** BPMN XML as text; the size limit answers 413, checked by the service. */
const Xml = z
  .string()
  .min(1)
  .max(BPMN_MAX_BYTES * 4);

export const MapCreateBody = z
  .object({
    title,
    level: MapLevel,
    /** Start from Navet's map of the asylum path, or import a BPMN file from another tool. */
    start: z.enum(['starter', 'import']),
    /** Required when start is import. */
    xml: Xml.optional(),
  })
  .strict();
export type MapCreateBody = z.infer<typeof MapCreateBody>;

export const SaveBody = z
  .object({
    /** The version the edit started from; another save since then answers 409 and keeps this one too. */
    baseNumber: Version,
    xml: Xml,
    note: z.string().trim().max(limits.nameMax).nullable().optional(),
  })
  .strict();
export type SaveBody = z.infer<typeof SaveBody>;

export const AdoptBody = z
  .object({
    body: AdoptingBody,
    /** Who decided, as the minutes name them (e.g. "Samverkansforum"). */
    decidedBy: title,
    decidedOn: z.iso.date(),
    text: longText,
  })
  .strict();
export type AdoptBody = z.infer<typeof AdoptBody>;

export const WorkshopBody = z
  .object({
    heldOn: z.iso.date(),
    title: title.nullable().optional(),
    participants: z
      .array(z.object({ name: title, party: title }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export type WorkshopBody = z.infer<typeof WorkshopBody>;

export const AnnotationBody = z
  .object({
    /** The BPMN id of the element (task, event, gateway or lane) in the map's latest version. */
    elementId: z.string().trim().min(1).max(200),
    kind: AnnotationKind,
    text: longText,
  })
  .strict();
export type AnnotationBody = z.infer<typeof AnnotationBody>;
export const AnnotationPatch = z.object({ kind: AnnotationKind.optional(), text: longText.optional() }).strict();
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;

export const MapElement = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  laneId: z.string().nullable(),
});
export type MapElement = z.infer<typeof MapElement>;
export const MapLane = z.object({ id: z.string(), name: z.string() });
export type MapLane = z.infer<typeof MapLane>;

export const Adoption = z.object({
  body: AdoptingBody,
  decidedBy: z.string(),
  decidedOn: z.string(),
  text: z.string(),
  recordedBy: z.string(),
});
export const MapVersion = z.object({
  id: uuid,
  number: z.number().int(),
  basedOn: z.number().int().nullable(),
  note: z.string().nullable(),
  savedBy: z.string(),
  savedAt: z.string(),
  adoption: Adoption.nullable(),
});
export type MapVersion = z.infer<typeof MapVersion>;

export const MapSummary = z.object({
  id: uuid,
  title: z.string(),
  level: MapLevel,
  head: z.number().int(),
  adoptedNumber: z.number().int().nullable(),
  createdAt: z.string(),
});
export type MapSummary = z.infer<typeof MapSummary>;
export const MapList = z.object({ maps: z.array(MapSummary), canEdit: z.boolean() });
export type MapList = z.infer<typeof MapList>;

export const Workshop = z.object({
  id: uuid,
  heldOn: z.string(),
  title: z.string().nullable(),
  participants: z.array(z.object({ name: z.string(), party: z.string() })),
});
export type Workshop = z.infer<typeof Workshop>;

export const Annotation = z.object({
  id: uuid,
  elementId: z.string(),
  kind: AnnotationKind,
  text: z.string(),
  /** The development proposal made from it (step 3), if any. */
  proposalId: uuid.nullable(),
  /** The competence need made from it (step 4), if any. */
  competenceNeedId: uuid.nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Annotation = z.infer<typeof Annotation>;

export const MapDetail = MapSummary.extend({
  collaborationId: uuid,
  versions: z.array(MapVersion),
  workshops: z.array(Workshop),
  annotations: z.array(Annotation),
  canEdit: z.boolean(),
});
export type MapDetail = z.infer<typeof MapDetail>;

export const VersionContent = z.object({
  number: z.number().int(),
  xml: z.string(),
  elements: z.array(MapElement),
  lanes: z.array(MapLane),
  /** The version's links to what Navet records (the conformance overlay). */
  links: z.array(Link),
});
export type VersionContent = z.infer<typeof VersionContent>;

export const changeKinds = ['added', 'removed', 'renamed', 'moved'] as const;
export const Change = z.object({
  kind: z.enum(changeKinds),
  /** lane or a flow node type (Task, StartEvent …). */
  type: z.string(),
  id: z.string(),
  name: z.string(),
  /** renamed: the old name; moved: the old lane's name. */
  before: z.string().nullable(),
  /** renamed: the new name; moved: the new lane's name. */
  after: z.string().nullable(),
});
export type Change = z.infer<typeof Change>;
export const Comparison = z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(Change) });
export type Comparison = z.infer<typeof Comparison>;

// Pure: the client never reads this response schema, so its bundle leaves it (and the error list) out.
/**
 * 409 on a save on top of a stale version: the one conflict shape, `current` being the map's latest version before
 * this save, plus `saved`: this save, kept as a version of its own.
 */
export const SaveConflict = /* @__PURE__ */ conflictBody(z.object({ id: uuid, number: z.number().int() })).extend({
  saved: MapVersion,
});
export const ProposalMade = z.object({ annotation: Annotation, proposalId: uuid });

/** "Make it a competence need" (step 4): who answers for the need and by when; the title defaults to the text. */
export const AnnotationNeedBody = z
  .object({
    /** A staff member of a participating municipality. */
    ownerUserId: uuid,
    dueOn: z.iso.date(),
    priority: NeedPriority.default('medium'),
    /** What competence is missing; the annotation's text when left out. */
    title: title.optional(),
  })
  .strict();
export type AnnotationNeedBody = z.infer<typeof AnnotationNeedBody>;
export const NeedMade = z.object({ annotation: Annotation, competenceNeedId: uuid });

import type { Annotation, MapSummary, MapVersion, Workshop } from '../../../common/schemas/processmaps.ts';
import type { AnnotationRow, MapRow, VersionRow, WorkshopRow } from './repo.ts';

/* Pure: picks what a response may carry. */

export const presentMap = (m: MapRow, adoptedNumber: number | null): MapSummary => ({
  id: m.id,
  title: m.title,
  level: m.level,
  head: m.head,
  adoptedNumber,
  createdAt: m.createdAt.toISOString(),
});

export const presentVersion = (v: VersionRow): MapVersion => ({
  id: v.id,
  number: v.number,
  basedOn: v.basedOn,
  note: v.note,
  savedBy: v.savedByName,
  savedAt: v.savedAt.toISOString(),
  adoption:
    v.adoptedOn && v.adoptedBody
      ? {
          body: v.adoptedBody,
          decidedBy: v.adoptedDecidedBy ?? '',
          decidedOn: v.adoptedOn,
          text: v.adoptionText ?? '',
          recordedBy: v.recordedByName ?? '',
        }
      : null,
});

export const presentWorkshop = (w: WorkshopRow): Workshop => ({
  id: w.id,
  heldOn: w.heldOn,
  title: w.title,
  participants: w.participants,
});

export const presentAnnotation = (a: AnnotationRow): Annotation => ({
  id: a.id,
  elementId: a.elementId,
  kind: a.kind,
  text: a.text,
  proposalId: a.proposalId,
  competenceNeedId: a.competenceNeedId,
  createdBy: a.createdByName,
  createdAt: a.createdAt.toISOString(),
});

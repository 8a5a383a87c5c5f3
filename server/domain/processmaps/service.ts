import type {
  AdoptBody,
  AnnotationBody,
  AnnotationNeedBody,
  AnnotationPatch,
  Comparison,
  MapCreateBody,
  MapDetail,
  MapList,
  MapVersion,
  SaveBody,
  VersionContent,
  WorkshopBody,
} from '../../../common/schemas/processmaps.ts';
import type { Link } from '../../../common/schemas/processmaps-conformance.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import type { CollaborationAccess } from '../collaboration/access.ts';
import { proposeFrom, titleFrom } from '../collaboration/roadmap/proposals.ts';
import { createNeedFrom } from '../competence/service.ts';
import { describe, parseBpmn, writeBpmn } from './bpmn.ts';
import { readLinks, writeLinks } from './bpmn-links.ts';
import * as links from './conformance-repo.ts';
import { compareMaps } from './compare.ts';
import { canEdit, editAccess, readAccess } from './policy.ts';
import { presentAnnotation, presentMap, presentVersion, presentWorkshop } from './presenter.ts';
import * as repo from './repo.ts';
import { starterMapXml } from './starter.ts';

/* The use cases of process maps: scope and role first, the work, the audit row last. */

const entity = 'process_map';

async function mapIn(tx: Db, collaborationId: string, mapId: string, forUpdate = false) {
  const map = await repo.findMap(tx, collaborationId, mapId, forUpdate);
  if (!map) throw errors.notFound('process map');
  return map;
}

async function versionIn(tx: Db, mapId: string, number: number) {
  const v = await repo.findVersion(tx, mapId, number);
  if (!v) throw errors.notFound('map version');
  return v;
}

async function detail(tx: Db, actor: Actor, access: CollaborationAccess, map: repo.MapRow): Promise<MapDetail> {
  const versions = (await repo.versionsOf(tx, map.id)).map(presentVersion);
  const adopted = versions.find((v) => v.adoption)?.number ?? null;
  return {
    ...presentMap(map, adopted),
    collaborationId: map.collaborationId,
    versions,
    workshops: (await repo.workshopsOf(tx, map.id)).map(presentWorkshop),
    annotations: (await repo.annotationsOf(tx, map.id)).map(presentAnnotation),
    canEdit: canEdit(actor, access),
  };
}

export async function listMaps(deps: Deps, actor: Actor, id: string): Promise<MapList> {
  return deps.db.transaction(async (tx) => {
    const access = await readAccess(tx, actor, id);
    const rows = await repo.mapsOf(tx, id);
    return { maps: rows.map((r) => presentMap(r.map, r.adoptedNumber)), canEdit: canEdit(actor, access) };
  });
}

export async function createMap(deps: Deps, actor: Actor, id: string, body: MapCreateBody): Promise<MapDetail> {
  if (body.start === 'import' && !body.xml)
    throw errors.validation([{ path: 'body.xml', message: 'Choose a BPMN file to import.' }]);
  // Parsed and written again before the transaction: what is stored is what bpmn-moddle reads.
  const root = await parseBpmn(body.start === 'import' ? (body.xml ?? '') : await starterMapXml());
  const imported = body.start === 'import' ? readLinks(root) : [];
  const xml = await writeBpmn(root);
  return deps.db.transaction(async (tx) => {
    const access = await editAccess(tx, actor, id);
    const map = await repo.insertMap(tx, {
      collaborationId: id,
      title: body.title,
      level: body.level,
      createdBy: actor.userId,
    });
    const v = await repo.insertVersion(tx, { mapId: map.id, number: 1, xml, savedBy: actor.userId, note: null });
    // Links a file carries in Navet's namespace (a map exported by Navet) come in with it.
    await links.insertLinks(tx, v.id, imported, actor.userId);
    await audit(tx, {
      action: `process_map.${body.start === 'import' ? 'import' : 'create'}`,
      entity,
      entityId: map.id,
    });
    return detail(tx, actor, access, map);
  });
}

export async function getMap(deps: Deps, actor: Actor, id: string, mapId: string): Promise<MapDetail> {
  return deps.db.transaction(async (tx) => {
    const access = await readAccess(tx, actor, id);
    return detail(tx, actor, access, await mapIn(tx, id, mapId));
  });
}

export async function getVersion(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  n: number,
): Promise<VersionContent> {
  const { v, linked } = await deps.db.transaction(async (tx) => {
    await readAccess(tx, actor, id);
    const v = await versionIn(tx, (await mapIn(tx, id, mapId)).id, n);
    return { v, linked: await links.linksOf(tx, v.id) };
  });
  return { number: v.number, xml: v.xml, ...describe(await parseBpmn(v.xml)), links: linked };
}

export async function exportVersion(deps: Deps, actor: Actor, id: string, mapId: string, n: number) {
  const { xml, linked, filename } = await deps.db.transaction(async (tx) => {
    await readAccess(tx, actor, id);
    const map = await mapIn(tx, id, mapId);
    const v = await versionIn(tx, map.id, n);
    const linked = await links.linksOf(tx, v.id);
    await audit(tx, { action: 'process_map.export', entity, entityId: map.id, detail: { version: n } });
    const slug = map.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'karta';
    return { xml: v.xml, linked, filename: `${slug}-v${n}.bpmn` };
  });
  // The version's links are written into the file in Navet's namespace, replacing any the stored XML carried.
  return { xml: await writeBpmn(writeLinks(await parseBpmn(xml), linked)), filename };
}

async function linksOfVersion(tx: Db, mapId: string, n: number) {
  const v = await repo.findVersion(tx, mapId, n);
  return v ? links.linksOf(tx, v.id) : [];
}

/** The links a new version keeps from the one it was based on: those of elements still drawn. */
function carried(from: Link[], kept: Set<string>): Link[] {
  const ls = from.filter((l) => kept.has(l.elementId));
  const ids = new Set(ls.map((l) => l.elementId));
  return ls.map((l) =>
    l.fromElementId && !ids.has(l.fromElementId) ? { ...l, fromElementId: null, expectedDays: null, before: false } : l,
  );
}

export type SaveResult =
  { ok: true; version: MapVersion } | { ok: false; current: { id: string; number: number }; saved: MapVersion };

/**
 * Every save is a new version. A save on top of a version that is no longer
 * the latest is kept too (nothing typed is lost), and answered 409 naming
 * the version the saver did not see, so they can compare the two.
 */
export async function saveVersion(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  body: SaveBody,
): Promise<SaveResult> {
  const root = await parseBpmn(body.xml);
  const kept = new Set(describe(root).elements.map((e) => e.id));
  const xml = await writeBpmn(root);
  return deps.db.transaction(async (tx) => {
    await editAccess(tx, actor, id);
    const map = await mapIn(tx, id, mapId, true);
    if (body.baseNumber > map.head)
      throw errors.validation([{ path: 'body.baseNumber', message: 'The map has no such version.' }]);
    const head = await versionIn(tx, map.id, map.head);
    const number = map.head + 1;
    const saved = await repo.insertVersion(tx, {
      mapId: map.id,
      number,
      basedOn: body.baseNumber,
      xml,
      note: body.note ?? null,
      savedBy: actor.userId,
    });
    await links.insertLinks(
      tx,
      saved.id,
      carried(await linksOfVersion(tx, map.id, body.baseNumber), kept),
      actor.userId,
    );
    await repo.setHead(tx, map.id, number);
    const stale = body.baseNumber !== map.head;
    await audit(tx, { action: 'process_map.save', entity, entityId: map.id, detail: { version: number, stale } });
    const version = presentVersion((await repo.versionsOf(tx, map.id))[0]!);
    return stale ? { ok: false, current: { id: head.id, number: head.number }, saved: version } : { ok: true, version };
  });
}

export async function compare(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  from: number,
  to: number,
): Promise<Comparison> {
  const [a, b] = await deps.db.transaction(async (tx) => {
    await readAccess(tx, actor, id);
    const map = await mapIn(tx, id, mapId);
    return [await versionIn(tx, map.id, from), await versionIn(tx, map.id, to)] as const;
  });
  return { from, to, changes: compareMaps(describe(await parseBpmn(a.xml)), describe(await parseBpmn(b.xml))) };
}

export async function adopt(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  n: number,
  body: AdoptBody,
): Promise<MapDetail> {
  return deps.db.transaction(async (tx) => {
    const access = await editAccess(tx, actor, id);
    const map = await mapIn(tx, id, mapId);
    const v = await versionIn(tx, map.id, n);
    const done = await repo.adopt(tx, v.id, {
      adoptedBody: body.body,
      adoptedDecidedBy: body.decidedBy,
      adoptedOn: body.decidedOn,
      adoptionText: body.text,
      adoptionRecordedBy: actor.userId,
    });
    if (!done) throw errors.conflict('already_adopted', 'This version has already been adopted.');
    await audit(tx, { action: 'process_map.adopt', entity, entityId: map.id, detail: { version: n, body: body.body } });
    return detail(tx, actor, access, map);
  });
}

export async function addWorkshop(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  body: WorkshopBody,
): Promise<MapDetail> {
  return deps.db.transaction(async (tx) => {
    const access = await editAccess(tx, actor, id);
    const map = await mapIn(tx, id, mapId);
    const w = await repo.insertWorkshop(tx, {
      mapId: map.id,
      heldOn: body.heldOn,
      title: body.title ?? null,
      participants: body.participants,
      recordedBy: actor.userId,
    });
    await audit(tx, { action: 'process_map.workshop', entity, entityId: map.id, detail: { workshopId: w.id } });
    return detail(tx, actor, access, map);
  });
}

export async function addAnnotation(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  body: AnnotationBody,
): Promise<MapDetail> {
  const { map, xml, access } = await deps.db.transaction(async (tx) => {
    const access = await editAccess(tx, actor, id);
    const map = await mapIn(tx, id, mapId);
    return { map, access, xml: (await versionIn(tx, map.id, map.head)).xml };
  });
  const { elements, lanes } = describe(await parseBpmn(xml));
  if (![...elements, ...lanes].some((e) => e.id === body.elementId))
    throw errors.validation([{ path: 'body.elementId', message: 'The map’s latest version has no such element.' }]);
  return deps.db.transaction(async (tx) => {
    const a = await repo.insertAnnotation(tx, { mapId: map.id, ...body, createdBy: actor.userId });
    await audit(tx, {
      action: 'process_map.annotate',
      entity,
      entityId: map.id,
      detail: { annotationId: a.id, kind: body.kind },
    });
    return detail(tx, actor, access, map);
  });
}

export async function updateAnnotation(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  annotationId: string,
  body: AnnotationPatch,
): Promise<MapDetail> {
  return deps.db.transaction(async (tx) => {
    const access = await editAccess(tx, actor, id);
    const map = await mapIn(tx, id, mapId);
    if (!(await repo.findAnnotation(tx, map.id, annotationId))) throw errors.notFound('annotation');
    await repo.updateAnnotation(tx, annotationId, body);
    await audit(tx, { action: 'process_map.annotation_update', entity, entityId: map.id, detail: { annotationId } });
    return detail(tx, actor, access, map);
  });
}

/** "Turn into a development proposal": one action, linked both ways (annotation → proposal, proposal → annotation). */
export async function proposeFromAnnotation(deps: Deps, actor: Actor, id: string, mapId: string, annotationId: string) {
  return deps.db.transaction(async (tx) => {
    await editAccess(tx, actor, id);
    const map = await mapIn(tx, id, mapId);
    const a = await repo.findAnnotation(tx, map.id, annotationId);
    if (!a) throw errors.notFound('annotation');
    if (a.proposalId) throw errors.conflict('already_proposed', 'This annotation is already a development proposal.');
    const proposal = await proposeFrom(tx, {
      collaborationId: id,
      origin: 'process_map_gap',
      originId: a.id,
      title: titleFrom(a.text),
      description: `${map.title}: ${a.text}`,
      createdBy: actor.userId,
    });
    if (!(await repo.linkProposal(tx, a.id, proposal.id)))
      throw errors.conflict('already_proposed', 'This annotation is already a development proposal.');
    await audit(tx, {
      action: 'process_map.propose',
      entity,
      entityId: map.id,
      detail: { annotationId: a.id, proposalId: proposal.id },
    });
    const annotation = presentAnnotation({ ...a, proposalId: proposal.id });
    return { annotation, proposalId: proposal.id };
  });
}

/**
 * "Make it a competence need" (step 4): one action, linked both ways (annotation → need, need → annotation
 * by its source). The competence area checks the owner (400 at `body.ownerUserId`) and audits the need.
 */
export async function needFromAnnotation(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  annotationId: string,
  body: AnnotationNeedBody,
) {
  return deps.db.transaction(async (tx) => {
    await editAccess(tx, actor, id);
    const map = await mapIn(tx, id, mapId);
    const a = await repo.findAnnotation(tx, map.id, annotationId);
    if (!a) throw errors.notFound('annotation');
    const already = () => errors.conflict('already_needed', 'This annotation is already a competence need.');
    if (a.competenceNeedId) throw already();
    const need = await createNeedFrom(tx, actor, id, {
      title: body.title ?? titleFrom(a.text),
      description: `${map.title}: ${a.text}`,
      sourceKind: 'annotation',
      sourceId: a.id,
      priority: body.priority,
      ownerUserId: body.ownerUserId,
      dueOn: body.dueOn,
    });
    // Conditional on no need yet: of two requests at once, the later is refused and its need rolled back.
    if (!(await repo.linkNeed(tx, a.id, need.id))) throw already();
    await audit(tx, {
      action: 'process_map.competence_need',
      entity,
      entityId: map.id,
      detail: { annotationId: a.id, competenceNeedId: need.id },
    });
    return { annotation: presentAnnotation({ ...a, competenceNeedId: need.id }), competenceNeedId: need.id };
  });
}

import type {
  ChildrenBehind,
  Figure,
  Link,
  LinkList,
  Overlay,
} from '../../../common/schemas/processmaps-conformance.ts';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { fullyVisibleChildren } from '../children/scope.ts';
import { describe, parseBpmn } from './bpmn.ts';
import { maskFigures } from './conformance-mask.ts';
import * as links from './conformance-repo.ts';
import { editAccess, readAccess } from './policy.ts';
import * as repo from './repo.ts';

/*
 * The map held against reality: links of a version to what Navet records, and
 * the overlay of the adopted version over the collaboration's children.
 * Aggregates only; the children behind a figure are shown to a reader only
 * among the children the reader's own scope holds, and each read is audited.
 */

const entity = 'process_map';
/** Tasks and events stand for something that happens to a child; gateways and lanes do not. */
const LINKABLE = /(Task|Event)$/;

async function versionOf(tx: Db, id: string, mapId: string, n: number) {
  const map = await repo.findMap(tx, id, mapId);
  const v = map ? await repo.findVersion(tx, map.id, n) : undefined;
  if (!map || !v) throw errors.notFound('map version');
  return { map, v };
}

/** Links or re-links one element of a version; the route's `LinkBody` has refused unknown records and negative times. */
export async function setLink(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  n: number,
  body: Link,
): Promise<LinkList> {
  return deps.db.transaction(async (tx) => {
    await editAccess(tx, actor, id);
    const { map, v } = await versionOf(tx, id, mapId, n);
    const element = describe(await parseBpmn(v.xml)).elements.find((e) => e.id === body.elementId);
    if (!element || !LINKABLE.test(element.type))
      throw errors.validation([{ path: 'body.elementId', message: 'This version has no such task or event.' }]);
    const current = await links.linksOf(tx, v.id);
    if (body.fromElementId && !current.some((l) => l.elementId === body.fromElementId))
      throw errors.validation([
        { path: 'body.fromElementId', message: 'The time must run from an element already linked.' },
      ]);
    await links.upsertLink(tx, v.id, body, actor.userId);
    await audit(tx, {
      action: 'process_map.link',
      entity,
      entityId: map.id,
      detail: { version: n, elementId: body.elementId, kind: body.kind, ref: body.ref },
    });
    return { links: await links.linksOf(tx, v.id) };
  });
}

/** Removes a link; times that ran from it are dropped with it (their links stay). */
export async function removeLink(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  n: number,
  elementId: string,
): Promise<LinkList> {
  return deps.db.transaction(async (tx) => {
    await editAccess(tx, actor, id);
    const { map, v } = await versionOf(tx, id, mapId, n);
    if (!(await links.deleteLink(tx, v.id, elementId))) throw errors.notFound('link');
    await audit(tx, { action: 'process_map.unlink', entity, entityId: map.id, detail: { version: n, elementId } });
    return { links: await links.linksOf(tx, v.id) };
  });
}

/** The adopted version's figures per linked element, masked below five. */
export async function getOverlay(deps: Deps, actor: Actor, id: string, mapId: string): Promise<Overlay> {
  const today = todayInSweden();
  return deps.db.transaction(async (tx) => {
    const access = await readAccess(tx, actor, id);
    const map = await repo.findMap(tx, id, mapId);
    if (!map) throw errors.notFound('process map');
    const adopted = await links.adoptedVersion(tx, map.id);
    if (!adopted) return { adoptedNumber: null, today, elements: [], canOpenChildren: false };
    const linked = await links.linksOf(tx, adopted.id);
    const raw = linked.length > 0 ? await links.overlay(tx, adopted.id, access.tenantIds, today) : [];
    const byElement = new Map(raw.map((r) => [r.elementId, r]));
    return {
      adoptedNumber: adopted.number,
      today,
      elements: linked.map((l) => maskFigures(l, byElement.get(l.elementId))),
      canOpenChildren: await links.seesAnyChild(tx, access.tenantIds, fullyVisibleChildren(actor)),
    };
  });
}

/**
 * The children behind one figure of the overlay, among those the reader's own child scope holds. A reader
 * whose scope holds none of the collaboration's children (a strategic representative, a coordinator
 * without a hub place) is answered 404, as for a child outside the hub.
 */
export async function childrenBehind(
  deps: Deps,
  actor: Actor,
  id: string,
  mapId: string,
  q: { elementId: string; figure: Figure },
): Promise<ChildrenBehind> {
  const today = todayInSweden();
  return deps.db.transaction(async (tx) => {
    const access = await readAccess(tx, actor, id);
    const map = await repo.findMap(tx, id, mapId);
    const adopted = map ? await links.adoptedVersion(tx, map.id) : undefined;
    if (!adopted || !(await links.linksOf(tx, adopted.id)).some((l) => l.elementId === q.elementId))
      throw errors.notFound('figure');
    const rows = await links.childrenBehind(
      tx,
      { versionId: adopted.id, tenantIds: access.tenantIds, today, ...q },
      fullyVisibleChildren(actor),
    );
    if (rows.length === 0) throw errors.notFound('figure');
    const items = rows.filter((r) => r.behind).map((r) => ({ id: r.id, displayName: r.displayName }));
    await audit(
      tx,
      items.map((c) => ({
        action: 'process_map.children_read',
        entity: 'child',
        entityId: c.id,
        childId: c.id,
        detail: { mapId: map!.id, elementId: q.elementId, figure: q.figure },
      })),
    );
    return { items };
  });
}

import type { ModdleNode } from 'bpmn-moddle';
import { LinkBody, type Link } from '../../../common/schemas/processmaps-conformance.ts';
import { flowNodes, processes } from './bpmn.ts';

/*
 * Links travel in Navet's namespace as attributes of the element they belong to
 * (`navet:link="meeting:first_hub" navet:expectedFrom="Task_Placement" navet:expectedDays="14"`, and
 * `navet:workingDays="true"`, `navet:before="true"` when set),
 * so another tool keeps them untouched and a file exported by Navet imports with them. Pure.
 */

const nodesOf = (root: ModdleNode) => processes(root).flatMap(flowNodes);

/** The links written in a file; an attribute Navet cannot read (an unknown kind or ref) is left out, not guessed. */
export function readLinks(root: ModdleNode): Link[] {
  const links: Link[] = [];
  for (const n of nodesOf(root)) {
    const raw = n.get('navet:link');
    if (typeof raw !== 'string' || !n.id) continue;
    const [kind, ...rest] = raw.split(':');
    const from = n.get('navet:expectedFrom');
    const days = n.get('navet:expectedDays');
    const parsed = LinkBody.safeParse({
      elementId: n.id,
      kind,
      ref: rest.join(':'),
      fromElementId: typeof from === 'string' && from ? from : null,
      expectedDays: typeof days === 'number' ? days : null,
      workingDays: n.get('navet:workingDays') === true,
      before: n.get('navet:before') === true,
    });
    if (parsed.success) links.push(parsed.data);
  }
  const ids = new Set(links.map((l) => l.elementId));
  // A time from an element that is not linked has nothing to run from: kept as a plain link.
  return links.map((l) =>
    l.fromElementId && !ids.has(l.fromElementId) ? { ...l, fromElementId: null, expectedDays: null, before: false } : l,
  );
}

/** Writes exactly `links` into the file: every other element loses any link attribute it carried. */
export function writeLinks(root: ModdleNode, links: Link[]): ModdleNode {
  const byId = new Map(links.map((l) => [l.elementId, l]));
  for (const n of nodesOf(root)) {
    const l = n.id ? byId.get(n.id) : undefined;
    n.set('navet:link', l ? `${l.kind}:${l.ref}` : undefined);
    n.set('navet:expectedFrom', l?.fromElementId ?? undefined);
    n.set('navet:expectedDays', l?.expectedDays ?? undefined);
    n.set('navet:workingDays', l?.workingDays ? true : undefined);
    n.set('navet:before', l?.before ? true : undefined);
  }
  return root;
}

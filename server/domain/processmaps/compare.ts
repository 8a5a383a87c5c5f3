import type { Change, MapElement, MapLane } from '../../../common/schemas/processmaps.ts';

type Described = { elements: MapElement[]; lanes: MapLane[] };

/**
 * What changed between two versions, matched by BPMN id (bpmn.io and other
 * tools keep ids when an element is renamed or moved). Pure: the service
 * parses both versions with bpmn-moddle and hands the descriptions here.
 */
export function compareMaps(a: Described, b: Described): Change[] {
  const changes: Change[] = [];
  const laneName = (d: Described, id: string | null) => d.lanes.find((l) => l.id === id)?.name ?? null;
  const diff = <T extends { id: string; name: string }>(
    before: T[],
    after: T[],
    type: (x: T) => string,
    moved?: (x: T, y: T) => Change | null,
  ) => {
    const old = new Map(before.map((x) => [x.id, x]));
    const now = new Map(after.map((x) => [x.id, x]));
    for (const x of after)
      if (!old.has(x.id))
        changes.push({ kind: 'added', type: type(x), id: x.id, name: x.name, before: null, after: null });
    for (const x of before)
      if (!now.has(x.id))
        changes.push({ kind: 'removed', type: type(x), id: x.id, name: x.name, before: null, after: null });
    for (const y of after) {
      const x = old.get(y.id);
      if (!x) continue;
      if (x.name !== y.name)
        changes.push({ kind: 'renamed', type: type(y), id: y.id, name: y.name, before: x.name, after: y.name });
      const m = moved?.(x, y);
      if (m) changes.push(m);
    }
  };
  diff(a.lanes, b.lanes, () => 'Lane');
  diff(
    a.elements,
    b.elements,
    (e) => e.type,
    (x, y) =>
      x.laneId !== y.laneId
        ? {
            kind: 'moved',
            type: y.type,
            id: y.id,
            name: y.name,
            before: laneName(a, x.laneId),
            after: laneName(b, y.laneId),
          }
        : null,
  );
  return changes;
}

import { BpmnModdle, type ModdleNode } from 'bpmn-moddle';
import { AppError, errors } from '../../errors.ts';
import { BPMN_MAX_BYTES, type MapElement, type MapLane } from '../../../common/schemas/processmaps.ts';

/*
 * Reading and writing BPMN 2.0 with bpmn-moddle, the library behind bpmn.io.
 * Pure functions (no I/O): the service calls them before anything is stored.
 * Navet's own data travels as attributes of its own namespace, so another
 * tool keeps it and ignores it.
 */

export const NAVET_NS = 'urn:navet:bpmn:1';

const navetPackage = {
  name: 'Navet',
  prefix: 'navet',
  uri: NAVET_NS,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'Labelled',
      extends: ['bpmn:BaseElement'],
      isAbstract: true,
      properties: [
        /** The element's English name, beside the Swedish label in `name`. */
        { name: 'nameEn', isAttr: true, type: 'String' },
        /** What Navet records that the element stands for, as `kind:ref` (e.g. `meeting:first_hub`). */
        { name: 'link', isAttr: true, type: 'String' },
        /** The earlier linked element the expected time runs from. */
        { name: 'expectedFrom', isAttr: true, type: 'String' },
        /** Expected days from `expectedFrom` (the conformance overlay reads it). */
        { name: 'expectedDays', isAttr: true, type: 'Integer' },
        /** The expected days count weekdays only. */
        { name: 'workingDays', isAttr: true, type: 'Boolean' },
        /** Expected at least the expected days before `expectedFrom`, not within them after. */
        { name: 'before', isAttr: true, type: 'Boolean' },
      ],
    },
  ],
};

export const newModdle = () => new BpmnModdle({ navet: navetPackage });

/**
 * XML with a document type may declare entities: external ones read files or
 * URLs (XXE), nested ones expand without end ("billion laughs"). BPMN needs
 * neither, so such a file is refused before any parser sees it.
 */
const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

export function checkSize(xml: string): void {
  if (Buffer.byteLength(xml, 'utf8') > BPMN_MAX_BYTES)
    throw new AppError(413, 'payload_too_large', `A BPMN file may be at most ${BPMN_MAX_BYTES / 1024} KB.`);
}

/** Parses a BPMN 2.0 document; anything else is a 400 at `path`. */
export async function parseBpmn(xml: string, path = 'body.xml'): Promise<ModdleNode> {
  checkSize(xml);
  const bad = (message: string) =>
    errors.validation([{ path, message }], 'The file is not a BPMN 2.0 map Navet can read.');
  if (DECLARATION.test(xml)) throw bad('XML with a DOCTYPE or ENTITY declaration is not accepted.');
  let root: ModdleNode;
  try {
    root = (await newModdle().fromXML(xml)).rootElement;
  } catch {
    throw bad('Not well-formed BPMN 2.0 XML.');
  }
  if (root?.$type !== 'bpmn:Definitions') throw bad('The root element is not bpmn:definitions.');
  if (processes(root).length === 0) throw bad('The file holds no BPMN process.');
  return root;
}

export async function writeBpmn(root: ModdleNode): Promise<string> {
  return (await newModdle().toXML(root, { format: true })).xml;
}

const list = (v: unknown): ModdleNode[] => (Array.isArray(v) ? (v as ModdleNode[]) : []);

export function processes(root: ModdleNode): ModdleNode[] {
  return list(root.rootElements).filter((e) => e.$type === 'bpmn:Process');
}

export function flowNodes(container: ModdleNode): ModdleNode[] {
  return list(container.flowElements).flatMap((e) =>
    e.$type === 'bpmn:SequenceFlow' ? [] : e.$type === 'bpmn:SubProcess' ? [e, ...flowNodes(e)] : [e],
  );
}

function lanesOf(laneSets: unknown): ModdleNode[] {
  return list(laneSets).flatMap((set) =>
    list(set.lanes).flatMap((lane) => [lane, ...lanesOf(lane.childLaneSet ? [lane.childLaneSet] : [])]),
  );
}

/** Every lane and flow node of a map, with the lane each node is in: what lists, compares and annotations read. */
export function describe(root: ModdleNode): { elements: MapElement[]; lanes: MapLane[] } {
  const lanes: MapLane[] = [];
  const laneOf = new Map<string, string>();
  const elements: MapElement[] = [];
  for (const p of processes(root)) {
    for (const lane of lanesOf(p.laneSets)) {
      lanes.push({ id: lane.id ?? '', name: lane.name ?? '' });
      for (const ref of list(lane.flowNodeRef)) if (ref.id) laneOf.set(ref.id, lane.id ?? '');
    }
    for (const n of flowNodes(p))
      elements.push({
        id: n.id ?? '',
        type: n.$type.replace(/^bpmn:/, ''),
        name: n.name ?? '',
        nameEn: typeof n.nameEn === 'string' ? n.nameEn : null,
        laneId: laneOf.get(n.id ?? '') ?? null,
      });
  }
  return { elements, lanes };
}

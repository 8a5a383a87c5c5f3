import type { ModdleNode } from 'bpmn-moddle';
import { newModdle, writeBpmn } from './bpmn.ts';

/*
 * The starter map: the asylum path of an unaccompanied child as the guide
 * describes it (docs: /work/shared/DOMAIN.md "The asylum path"), one lane per
 * actor, so no workshop starts from a blank page. Built with bpmn-moddle,
 * laid out on a grid, Swedish labels with the English name in navet:nameEn.
 */

type Lane = readonly [id: string, sv: string, en: string];
const LANES: readonly Lane[] = [
  ['Lane_Child', 'Barnet', 'The child'],
  ['Lane_Migration', 'Migrationsverket', 'Swedish Migration Agency'],
  ['Lane_Social', 'Socialtjänsten', 'Social services'],
  ['Lane_GodMan', 'God man och överförmyndare', 'Guardian (god man) and chief guardian'],
  ['Lane_Home', 'HVB eller familjehem', 'Residential or foster home'],
  ['Lane_School', 'Skolan', 'School'],
  ['Lane_Health', 'Hälso- och sjukvård, BUP', 'Health care, child psychiatry'],
];

type Kind = 'startEvent' | 'task' | 'exclusiveGateway' | 'endEvent';
type Node = readonly [id: string, kind: Kind, lane: string, col: number, sv: string, en: string];
const NODES: readonly Node[] = [
  ['Start_Arrival', 'startEvent', 'Lane_Child', 0, 'Barnet anländer', 'The child arrives'],
  ['Task_Assigned', 'task', 'Lane_Migration', 1, 'Kommun anvisas', 'Municipality assigned'],
  ['Task_GodMan', 'task', 'Lane_GodMan', 2, 'God man förordnas', 'God man appointed'],
  ['Task_Placement', 'task', 'Lane_Social', 3, 'Placering beslutas', 'Placement decided'],
  ['Task_MoveIn', 'task', 'Lane_Home', 4, 'Barnet flyttar in', 'The child moves in'],
  ['Task_FirstHub', 'task', 'Lane_Social', 5, 'Första nätverksmötet', 'First hub meeting'],
  ['Task_School', 'task', 'Lane_School', 6, 'Skolstart', 'School start'],
  ['Task_Health', 'task', 'Lane_Health', 7, 'Hälsoundersökning', 'Health examination'],
  ['Task_Investigation', 'task', 'Lane_Migration', 8, 'Asylutredning', 'Asylum investigation'],
  ['Task_Decision', 'task', 'Lane_Migration', 9, 'Beslut om asyl', 'Asylum decision'],
  ['Gateway_Decision', 'exclusiveGateway', 'Lane_Migration', 10, 'Beviljat?', 'Granted?'],
  ['End_Permit', 'endEvent', 'Lane_Child', 11, 'Uppehållstillstånd', 'Residence permit'],
  [
    'Task_Rejection',
    'task',
    'Lane_Social',
    11,
    'Avslaget når socialsekreteraren',
    'The rejection reaches the social worker',
  ],
  ['Task_Appeal', 'task', 'Lane_GodMan', 12, 'Överklagande inom tre veckor', 'Appeal within three weeks'],
  ['Task_Final', 'task', 'Lane_Migration', 13, 'Slutligt beslut (laga kraft)', 'Final decision'],
  ['Gateway_After', 'exclusiveGateway', 'Lane_Social', 14, 'Vad händer sedan?', 'What happens next?'],
  ['Task_ReturnTalks', 'task', 'Lane_Migration', 15, 'Återvändandesamtal', 'Return talks'],
  ['End_Return', 'endEvent', 'Lane_Child', 16, 'Barnet återvänder', 'The child returns'],
  ['End_Eighteen', 'endEvent', 'Lane_GodMan', 15, 'Barnet fyller 18', 'The child turns 18'],
  ['End_Leaves', 'endEvent', 'Lane_Social', 15, 'Barnet lämnar kommunen', 'The child leaves the municipality'],
];

type Flow = readonly [from: string, to: string, sv?: string];
const FLOWS: readonly Flow[] = [
  ...NODES.slice(0, 11).map((n, i) => [n[0], NODES[i + 1]![0]] as const),
  ['Gateway_Decision', 'End_Permit', 'Ja'],
  ['Gateway_Decision', 'Task_Rejection', 'Nej'],
  ['Task_Rejection', 'Task_Appeal'],
  ['Task_Appeal', 'Task_Final'],
  ['Task_Final', 'Gateway_After'],
  ['Gateway_After', 'Task_ReturnTalks', 'Avslag står fast'],
  ['Task_ReturnTalks', 'End_Return'],
  ['Gateway_After', 'End_Eighteen', 'Fyller 18'],
  ['Gateway_After', 'End_Leaves', 'Flyttar'],
];

const POOL_X = 100;
const POOL_Y = 60;
const HEADER = 30;
const LANE_H = 130;
const COL_W = 160;
const SIZE: Record<Kind, [number, number]> = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  task: [110, 80],
  exclusiveGateway: [50, 50],
};

export async function starterMapXml(): Promise<string> {
  const m = newModdle();
  const laneIndex = new Map(LANES.map((l, i) => [l[0], i]));
  const box = (n: Node) => {
    const [w, h] = SIZE[n[1]];
    const cx = POOL_X + HEADER + 80 + n[3] * COL_W;
    const cy = POOL_Y + laneIndex.get(n[2])! * LANE_H + LANE_H / 2;
    return { x: cx - w / 2, y: cy - h / 2, width: w, height: h };
  };
  const nodes = new Map<string, ModdleNode>();
  for (const n of NODES)
    nodes.set(n[0], m.create(`bpmn:${n[1][0]!.toUpperCase()}${n[1].slice(1)}`, { id: n[0], name: n[4], nameEn: n[5] }));
  const flows = FLOWS.map(([from, to, sv], i) => {
    const f = m.create('bpmn:SequenceFlow', {
      id: `Flow_${i + 1}`,
      sourceRef: nodes.get(from),
      targetRef: nodes.get(to),
      ...(sv ? { name: sv } : {}),
    });
    (nodes.get(from)!.get('outgoing') as ModdleNode[]).push(f);
    (nodes.get(to)!.get('incoming') as ModdleNode[]).push(f);
    return f;
  });
  const lanes = LANES.map(([id, sv, en]) =>
    m.create('bpmn:Lane', {
      id,
      name: sv,
      nameEn: en,
      flowNodeRef: NODES.filter((n) => n[2] === id).map((n) => nodes.get(n[0])),
    }),
  );
  const process = m.create('bpmn:Process', {
    id: 'Process_AsylumPath',
    name: 'Barnets väg genom asylprocessen',
    isExecutable: false,
    laneSets: [m.create('bpmn:LaneSet', { id: 'LaneSet_1', lanes })],
    flowElements: [...nodes.values(), ...flows],
  });
  const participant = m.create('bpmn:Participant', {
    id: 'Participant_Path',
    name: 'Barnets väg',
    nameEn: 'The child’s path',
    processRef: process,
  });
  const collaboration = m.create('bpmn:Collaboration', { id: 'Collaboration_1', participants: [participant] });

  const bounds = (b: { x: number; y: number; width: number; height: number }) => m.create('dc:Bounds', b);
  const point = (x: number, y: number) => m.create('dc:Point', { x, y });
  const cols = Math.max(...NODES.map((n) => n[3])) + 1;
  const poolW = HEADER + 160 + cols * COL_W;
  const shapes: ModdleNode[] = [
    m.create('bpmndi:BPMNShape', {
      id: 'Participant_Path_di',
      bpmnElement: participant,
      isHorizontal: true,
      bounds: bounds({ x: POOL_X, y: POOL_Y, width: poolW, height: LANES.length * LANE_H }),
    }),
    ...lanes.map((lane, i) =>
      m.create('bpmndi:BPMNShape', {
        id: `${lane.id}_di`,
        bpmnElement: lane,
        isHorizontal: true,
        bounds: bounds({ x: POOL_X + HEADER, y: POOL_Y + i * LANE_H, width: poolW - HEADER, height: LANE_H }),
      }),
    ),
    ...NODES.map((n) =>
      m.create('bpmndi:BPMNShape', { id: `${n[0]}_di`, bpmnElement: nodes.get(n[0]), bounds: bounds(box(n)) }),
    ),
  ];
  const edges = FLOWS.map(([from, to], i) => {
    const a = box(NODES.find((n) => n[0] === from)!);
    const b = box(NODES.find((n) => n[0] === to)!);
    const sy = a.y + a.height / 2;
    const ty = b.y + b.height / 2;
    const sx = a.x + a.width;
    const waypoints =
      sy === ty
        ? [point(sx, sy), point(b.x, ty)]
        : [point(a.x + a.width / 2, ty > sy ? a.y + a.height : a.y), point(a.x + a.width / 2, ty), point(b.x, ty)];
    return m.create('bpmndi:BPMNEdge', { id: `Flow_${i + 1}_di`, bpmnElement: flows[i], waypoint: waypoints });
  });
  const plane = m.create('bpmndi:BPMNPlane', {
    id: 'Plane_1',
    bpmnElement: collaboration,
    planeElement: [...shapes, ...edges],
  });
  const definitions = m.create('bpmn:Definitions', {
    id: 'Definitions_AsylumPath',
    targetNamespace: 'urn:navet:maps',
    exporter: 'Navet',
    rootElements: [collaboration, process],
    diagrams: [m.create('bpmndi:BPMNDiagram', { id: 'Diagram_1', plane })],
  });
  return writeBpmn(definitions);
}

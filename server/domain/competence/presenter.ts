import type { Need, Session, Topic } from '../../../common/schemas/competence.ts';
import type { NeedRow, SessionRow, TopicRow } from './repo.ts';

/** Pure: the fields a response may carry. */

export function presentNeed(
  r: NeedRow,
  names: Map<string, string>,
  parties: Map<string, string>,
  today: string,
  /** Annotation id → its map, for needs made from an annotation. */
  maps: Map<string, string> = new Map(),
): Need {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    roles: r.roles,
    parties: r.partyIds.map((id) => ({ id, name: parties.get(id) ?? '—' })),
    sourceKind: r.sourceKind,
    sourceId: r.sourceId,
    sourceMapId: r.sourceKind === 'annotation' && r.sourceId ? (maps.get(r.sourceId) ?? null) : null,
    priority: r.priority,
    status: r.status,
    owner: { id: r.ownerUserId, name: names.get(r.ownerUserId) ?? '—' },
    dueOn: r.dueOn,
    overdue: (r.status === 'open' || r.status === 'planned') && r.dueOn < today,
  };
}

export function presentTopic(t: TopicRow): Topic {
  return { id: t.id, name: t.name, renewalMonths: t.renewalMonths };
}

export function presentSession(
  r: SessionRow,
  topic: TopicRow,
  attendance: { sessionId: string; userId: string; name: string }[],
  parties: Map<string, string>,
): Session {
  return {
    id: r.id,
    topic: presentTopic(topic),
    heldOn: r.heldOn,
    roles: r.roles,
    parties: r.partyIds.map((id) => ({ id, name: parties.get(id) ?? '—' })),
    attendees: attendance.filter((x) => x.sessionId === r.id).map((x) => ({ id: x.userId, name: x.name })),
  };
}

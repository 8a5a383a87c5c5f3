import {
  historyKinds,
  type HistoryEntry,
  type HistoryPage,
  type HistoryQuery,
} from '../../../common/schemas/records.ts';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { loadAccess } from '../children/access.ts';
import { authorize } from '../children/policy.ts';
import { historyRows, type HistoryRows } from './history-repo.ts';

const day = (d: string) => `${d}T00:00:00.000Z`;
const iso = (d: Date) => d.toISOString();

/** Turns the rows into entries: a row can give several (a plan is created, adopted, followed up, ended). */
export function entriesOf(r: HistoryRows, today: string): { entries: HistoryEntry[]; withheld: boolean } {
  const out: HistoryEntry[] = [];
  const push = (e: HistoryEntry) => out.push(e);
  if (r.plan) {
    const kindOf = new Map(r.plan.rows.map((p) => [p.id, p.kind]));
    for (const p of r.plan.rows) {
      push({ kind: 'plan', event: 'plan.created', at: iso(p.createdAt), refId: p.id, detail: { planKind: p.kind } });
      if (p.endedAt)
        push({ kind: 'plan', event: 'plan.ended', at: iso(p.endedAt), refId: p.id, detail: { planKind: p.kind } });
    }
    for (const v of r.plan.versions)
      push({
        kind: 'plan',
        event: 'plan.adopted',
        at: iso(v.adoptedAt),
        refId: v.planId,
        detail: { planKind: kindOf.get(v.planId), version: v.number },
      });
    for (const f of r.plan.followUps)
      push({
        kind: 'plan',
        event: 'plan.followed_up',
        at: day(f.heldOn),
        refId: f.planId,
        detail: { planKind: kindOf.get(f.planId), version: f.version },
      });
  }
  for (const m of r.meeting ?? []) {
    const detail = { meetingKind: m.kind, childParticipation: m.childParticipation };
    if (m.status === 'cancelled')
      push({ kind: 'meeting', event: 'meeting.cancelled', at: iso(m.updatedAt), refId: m.id, detail });
    else if (m.status === 'closed')
      push({ kind: 'meeting', event: 'meeting.held', at: iso(m.closedAt ?? m.startsAt), refId: m.id, detail });
    else push({ kind: 'meeting', event: 'meeting.planned', at: iso(m.startsAt), refId: m.id, detail });
  }
  for (const c of r.consent ?? []) {
    const detail = { categories: c.categories };
    push({ kind: 'consent', event: 'consent.given', at: iso(c.recordedAt), refId: c.id, detail });
    if (c.withdrawnAt)
      push({ kind: 'consent', event: 'consent.withdrawn', at: iso(c.withdrawnAt), refId: c.id, detail });
    else if (c.validTo < today)
      push({ kind: 'consent', event: 'consent.expired', at: day(c.validTo), refId: c.id, detail });
  }
  for (const d of r.decision ?? []) {
    push({ kind: 'decision', event: 'decision.made', at: iso(d.createdAt), refId: d.id, detail: {} });
    if (d.closedAt && (d.status === 'done' || d.status === 'dropped'))
      push({ kind: 'decision', event: `decision.${d.status}`, at: iso(d.closedAt), refId: d.id, detail: {} });
  }
  let withheld = false;
  if (r.besked) {
    const visible = new Set(r.besked.entries.filter((e) => e.visible).map((e) => e.id));
    withheld = r.besked.entries.some((e) => !e.visible);
    for (const e of r.besked.entries)
      if (e.visible)
        push({ kind: 'besked', event: 'besked.told', at: day(e.toldOn), refId: e.id, detail: { topic: e.topic } });
    for (const c of r.besked.contradictions) {
      // A contradiction shows only to a reader who sees both entries: it would otherwise point at a hidden one.
      if (!visible.has(c.a) || !visible.has(c.b)) continue;
      push({
        kind: 'besked',
        event: 'besked.contradiction',
        at: iso(c.markedAt),
        refId: c.id,
        detail: { topic: c.topic },
      });
      if (c.resolvedAt)
        push({
          kind: 'besked',
          event: 'besked.contradiction_resolved',
          at: iso(c.resolvedAt),
          refId: c.id,
          detail: { topic: c.topic },
        });
    }
  }
  for (const e of r.event ?? [])
    push({ kind: 'event', event: 'event.occurred', at: day(e.occurredOn), refId: e.id, detail: { eventType: e.type } });
  for (const d of r.deadline ?? []) {
    push({
      kind: 'deadline',
      event: 'deadline.set',
      at: iso(d.createdAt),
      refId: d.id,
      detail: { deadlineKind: d.kind },
    });
    if (d.closedAt)
      push({
        kind: 'deadline',
        event: 'deadline.closed',
        at: iso(d.closedAt),
        refId: d.id,
        detail: { deadlineKind: d.kind },
      });
  }
  for (const m of r.hub ?? []) {
    const detail = { hubRole: m.hubRole, memberName: m.name };
    push({ kind: 'hub', event: 'hub.member_added', at: iso(m.createdAt), refId: m.id, detail });
    if (m.endedAt) push({ kind: 'hub', event: 'hub.member_ended', at: iso(m.endedAt), refId: m.id, detail });
  }
  return { entries: out, withheld };
}

/**
 * The child's whole history from the domain tables, newest first, filtered by kind and period and paged.
 * Read like the timeline (`readTimeline`: a full view of the child), and audited as one read of the child.
 */
export async function childHistory(deps: Deps, actor: Actor, childId: string, q: HistoryQuery): Promise<HistoryPage> {
  return deps.db.transaction(async (tx) => {
    authorize(await loadAccess(tx, actor, childId), 'readTimeline');
    const kinds = q.kinds && q.kinds.length > 0 ? q.kinds : [...historyKinds];
    const { entries, withheld } = entriesOf(await historyRows(tx, actor, childId, kinds), todayInSweden());
    const inPeriod = entries
      .filter((e) => (!q.from || e.at.slice(0, 10) >= q.from) && (!q.to || e.at.slice(0, 10) <= q.to))
      .sort((a, b) => b.at.localeCompare(a.at) || a.refId.localeCompare(b.refId));
    await audit(tx, {
      action: 'child.history_read',
      entity: 'child',
      entityId: childId,
      childId,
      detail: { kinds, from: q.from ?? null, to: q.to ?? null, page: q.page },
    });
    const start = (q.page - 1) * q.pageSize;
    return {
      items: inPeriod.slice(start, start + q.pageSize),
      total: inPeriod.length,
      page: q.page,
      pageSize: q.pageSize,
      someWithheld: withheld,
    };
  });
}

import { TimelineAction, TimelineDetail, type TimelinePage } from '../../../common/schemas/children.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { auditSharing } from '../sharing/audit.ts';
import { loadGrants } from '../sharing/repo.ts';
import { loadAccess } from './access.ts';
import { authorize } from './policy.ts';
import * as repo from './repo.ts';
import { pickDetail } from './timeline-entries.ts';

/**
 * The child's history, built from the audit log: only the writes listed in `timelineEntries` (never reads),
 * only the entries whose item the sharing rule lets the reader see, and of each row's detail only the keys its
 * action names, so a sensitive value written to the log for the auditor does not reach the hub's screen.
 * `someWithheld` says that entries about items not shared with the reader exist somewhere in the history.
 */
export async function childTimeline(
  deps: Deps,
  actor: Actor,
  childId: string,
  before: number | undefined,
  limit: number,
): Promise<TimelinePage> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'readTimeline');
    const rows = await repo.timelineEntries(tx, actor, childId, before, limit);
    const next = rows.length === limit ? (rows.at(-1)?.id ?? null) : null;
    // What this page kept back lies between the entries it shows: audited as withheld, like any guarded read.
    const window = { before, from: next };
    const withheldHere = await repo.withheldTimelineEntries(tx, actor, childId, window);
    const someWithheld = withheldHere.length > 0 || (await repo.anyTimelineEntryWithheld(tx, actor, childId));
    await audit(tx, { action: 'child.timeline_read', entity: 'child', entityId: childId, childId });
    await auditSharing(tx, {
      grants: await loadGrants(tx, actor, childId),
      purpose: 'hub',
      entity: 'timeline',
      entityId: childId,
      shown: rows.flatMap((r) => (r.question ? [r.question] : [])),
      withheld: withheldHere.flatMap((w) => (w.owner && w.category ? [{ owner: w.owner, category: w.category }] : [])),
    });
    return {
      items: rows.map((r) => {
        const raw = (r.detail ?? {}) as Record<string, unknown>;
        const action = TimelineAction.parse(r.action);
        const detail = TimelineDetail.safeParse(pickDetail(action, raw));
        return {
          id: r.id,
          at: r.at.toISOString(),
          action,
          actor: r.actorUserId && r.actorName ? { userId: r.actorUserId, displayName: r.actorName } : null,
          byChild: raw.childView === true,
          detail: detail.success ? detail.data : {},
        };
      }),
      next,
      someWithheld,
    };
  });
}

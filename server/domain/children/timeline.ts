import { and, desc, eq, gte, inArray, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { TimelineAction, TimelineDetail, type TimelinePage } from '../../../common/schemas/children.ts';
import { auditLog } from '../../audit/tables.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { questionCols } from '../hub/repo.ts';
import { hubQuestions } from '../hub/tables.ts';
import { auditSharing } from '../sharing/audit.ts';
import { loadGrants, sharedWith } from '../sharing/rule.ts';
import { users } from '../tenancy/tables.ts';
import { loadAccess } from './access.ts';
import { authorize } from './policy.ts';
import { actionsAbout, pickDetail, type TimelineSubject } from './timeline-entries.ts';

const hubWide = actionsAbout('hub');
const aboutQuestions = actionsAbout('hub_question');

/** The question an entry is about (by the log row's entity id), within the same child. */
const questionOfEntry = and(
  eq(auditLog.entity, 'hub_question'),
  eq(hubQuestions.childId, auditLog.childId),
  sql`${hubQuestions.id}::text = ${auditLog.entityId}`,
);

/**
 * Whether the reader may see the item an entry of `about` is about. An entry whose item is gone counts as
 * not visible: nothing is shown that the rule cannot decide.
 */
function visibleEntry(actor: Actor, about: TimelineSubject): SQL {
  switch (about) {
    case 'hub':
      return inArray(auditLog.action, hubWide);
    case 'hub_question':
      return and(
        inArray(auditLog.action, aboutQuestions),
        sql`${hubQuestions.id} is not null`,
        sharedWith(actor, questionCols, 'hub'),
      )!;
  }
}

const visible = (actor: Actor) => or(visibleEntry(actor, 'hub'), visibleEntry(actor, 'hub_question'))!;

/** Entries about a question the reader may not see (or that is gone), optionally within an id window. */
function withheldEntries(tx: Db, actor: Actor, childId: string, window: SQL | undefined) {
  return tx
    .select({ owner: hubQuestions.ownerOrganisationId, category: hubQuestions.category })
    .from(auditLog)
    .leftJoin(hubQuestions, questionOfEntry)
    .where(
      and(
        eq(auditLog.tenantId, actor.tenantId),
        eq(auditLog.childId, childId),
        inArray(auditLog.action, aboutQuestions),
        or(isNull(hubQuestions.id), not(sharedWith(actor, questionCols, 'hub'))),
        window,
      ),
    );
}

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
    const rows = await tx
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        actorUserId: auditLog.actorUserId,
        actorName: users.displayName,
        detail: auditLog.detail,
        question: { owner: hubQuestions.ownerOrganisationId, category: hubQuestions.category },
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(hubQuestions, questionOfEntry)
      .where(
        and(
          eq(auditLog.tenantId, actor.tenantId),
          eq(auditLog.childId, childId),
          visible(actor),
          before ? lt(auditLog.id, before) : undefined,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(limit);
    const next = rows.length === limit ? (rows.at(-1)?.id ?? null) : null;
    // What this page kept back lies between the entries it shows: audited as withheld, like any guarded read.
    const window = and(before ? lt(auditLog.id, before) : undefined, next ? gte(auditLog.id, next) : undefined);
    const withheldHere = await withheldEntries(tx, actor, childId, window);
    const someWithheld =
      withheldHere.length > 0 || (await withheldEntries(tx, actor, childId, undefined).limit(1)).length > 0;
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

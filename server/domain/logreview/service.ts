import type {
  ReviewScheduleBody,
  SampledReview,
  SampledReviewList,
  VerdictBody,
} from '../../../common/schemas/retention.ts';
import { auditReviewRoles } from '../../../common/roles.ts';
import type { TodayReview } from '../../../common/schemas/tasks.ts';
import { audit } from '../../audit/write.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { registerJob } from '../../jobs/index.ts';
import { identifiableChildren, withoutForeignChildren } from '../audit/user-scope.ts';
import * as auditRepo from '../audit/repo.ts';
import * as repo from './repo.ts';
import type { reviewSchedules } from './tables.ts';

export const DRAW_JOB = 'logreview.draw';

const day = (d: Date) => d.toISOString().slice(0, 10);
function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return day(d);
}
const addDays = (iso: string, days: number) => day(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000));

/**
 * Whose reviews the actor runs: a manager those of the organisations they manage, a tenant admin (the
 * municipality's log reviewer) every review. Null means every organisation.
 */
function reviewScope(actor: Actor): string[] | null {
  if (!hasRole(actor, ...auditReviewRoles)) throw errors.forbidden('Only managers and tenant admins review logs.');
  if (hasRole(actor, 'tenant_admin')) return null;
  return actor.memberships.filter((m) => m.role === 'manager').map((m) => m.organisationId);
}

async function drawReview(tx: Db, s: typeof reviewSchedules.$inferSelect, today: string) {
  const periodFrom = addMonths(today, -s.everyMonths);
  const review = await repo.insertReview(tx, {
    tenantId: s.tenantId,
    scheduleId: s.id,
    organisationId: s.organisationId,
    periodFrom,
    periodTo: today,
    dueOn: addDays(today, s.daysToClose),
  });
  await repo.insertSamples(
    tx,
    review.id,
    await repo.draw(tx, s.tenantId, s.organisationId, periodFrom, today, s.perReason),
  );
  return review;
}

/** Schedules reviews for the actor's organisation and draws the first one at once. */
export async function schedule(deps: Deps, actor: Actor, body: ReviewScheduleBody): Promise<SampledReview> {
  const scope = reviewScope(actor);
  const today = day(new Date());
  const id = await deps.db.transaction(async (tx) => {
    const s = await repo.insertSchedule(tx, {
      tenantId: actor.tenantId,
      organisationId: scope === null ? null : scope[0]!,
      createdBy: actor.userId,
      everyMonths: body.everyMonths,
      perReason: body.perReason,
      daysToClose: body.daysToClose,
      nextOn: addMonths(today, body.everyMonths),
    });
    const review = await drawReview(tx, s, today);
    await audit(tx, { action: 'audit.review_scheduled', entity: 'sampled_review', entityId: review.id });
    return review.id;
  });
  return get(deps, actor, id);
}

type ReviewRow = Awaited<ReturnType<typeof repo.reviews>>[number];

/** A review as listed: its period, due date and how far its sample is judged. */
function listed({ review: r, samples, decided }: ReviewRow, today: string): TodayReview {
  return {
    id: r.id,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    dueOn: r.dueOn,
    overdue: r.status === 'open' && r.dueOn < today,
    samples: Number(samples),
    decided: Number(decided),
  };
}

/** The open reviews a manager or tenant admin is to close, for the start page; none for other roles. */
export async function openReviewsOf(tx: Db, actor: Actor): Promise<TodayReview[]> {
  if (!hasRole(actor, ...auditReviewRoles)) return [];
  const today = day(new Date());
  return (await repo.reviews(tx, actor.tenantId, reviewScope(actor), true)).map((row) => listed(row, today));
}

export async function list(deps: Deps, actor: Actor): Promise<SampledReviewList> {
  const today = day(new Date());
  const rows = await repo.reviews(deps.db, actor.tenantId, reviewScope(actor));
  return { items: rows.map((row) => ({ ...listed(row, today), status: row.review.status })) };
}

async function reviewOf(tx: Db, actor: Actor, id: string) {
  const scope = reviewScope(actor);
  const row = await repo.review(tx, actor.tenantId, id);
  if (!row || (scope !== null && (row.organisationId === null || !scope.includes(row.organisationId))))
    throw errors.notFound('review');
  return row;
}

export async function get(deps: Deps, actor: Actor, id: string): Promise<SampledReview> {
  return deps.db.transaction(async (tx) => {
    const r = await reviewOf(tx, actor, id);
    const rows = await repo.samplesOf(tx, id);
    // The same rule as a user's log: a child outside the reviewer's scope is not named.
    const shown = withoutForeignChildren(rows, await identifiableChildren(tx, actor, rows));
    const items = shown.map((s) => ({
      id: s.sample.id,
      reason: s.sample.reason,
      at: s.at?.toISOString() ?? '',
      action: s.action ?? 'gallrad',
      actorName: s.actorName,
      childId: s.childId,
      verdict: s.sample.verdict,
      followUpAction: s.sample.followUpAction,
      ownerUserId: s.sample.ownerUserId,
      followUpDueOn: s.sample.followUpDueOn,
    }));
    await audit(tx, { action: 'audit.review_read', entity: 'sampled_review', entityId: id });
    return {
      id: r.id,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      dueOn: r.dueOn,
      status: r.status,
      overdue: r.status === 'open' && r.dueOn < day(new Date()),
      samples: items.length,
      decided: items.filter((i) => i.verdict !== null).length,
      items,
      owners: await repo.owners(tx, actor.tenantId, r.organisationId),
    };
  });
}

export async function decide(deps: Deps, actor: Actor, id: string, sampleId: string, body: VerdictBody) {
  await deps.db.transaction(async (tx) => {
    const r = await reviewOf(tx, actor, id);
    if (r.status !== 'open') throw errors.conflict('review_closed', 'This review is closed.');
    if (
      body.verdict === 'follow_up' &&
      !(await repo.owners(tx, actor.tenantId, r.organisationId)).some((o) => o.id === body.ownerUserId)
    )
      throw errors.validation([{ path: 'body.ownerUserId', message: 'Choose someone of the reviewed organisation.' }]);
    const follow = body.verdict === 'follow_up';
    const updated = await repo.setVerdict(tx, id, sampleId, {
      verdict: body.verdict,
      followUpAction: follow ? body.action : null,
      ownerUserId: follow ? body.ownerUserId : null,
      followUpDueOn: follow ? body.dueOn : null,
      decidedBy: actor.userId,
      decidedAt: new Date(),
    });
    if (updated.length === 0) throw errors.notFound('sample');
    await audit(tx, {
      action: 'audit.review_verdict',
      entity: 'sampled_review',
      entityId: id,
      detail: { sampleId, verdict: body.verdict },
    });
  });
  return get(deps, actor, id);
}

/** Closes a review once every row has a verdict, and records it as a documented log review. */
export async function close(deps: Deps, actor: Actor, id: string) {
  await deps.db.transaction(async (tx) => {
    const r = await reviewOf(tx, actor, id);
    if (r.status !== 'open') throw errors.conflict('review_closed', 'This review is closed.');
    const rows = await repo.verdictsOf(tx, id);
    const open = rows.filter((s) => s.verdict === null).length;
    if (open > 0) throw errors.conflict('review_incomplete', `${open} sampled rows have no verdict yet.`);
    const follow = rows.filter((s) => s.verdict === 'follow_up').length;
    const doc = await auditRepo.insertReview(tx, {
      tenantId: actor.tenantId,
      reviewerId: actor.userId,
      subjectKind: 'sample',
      subjectId: id,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      findings: `${rows.length} sampled rows: ${rows.length - follow} in order, ${follow} need follow-up.`,
    });
    await repo.closeReview(tx, id, doc.id);
    await audit(tx, { action: 'audit.review_recorded', entity: 'log_review', entityId: doc.id });
  });
  return get(deps, actor, id);
}

/** Daily: every schedule whose day has come draws its next review. */
registerJob(DRAW_JOB, async (tx, _payload, job) => {
  const today = day(job.now);
  for (const s of await repo.dueSchedules(tx, today)) {
    await drawReview(tx, s, today);
    await repo.setNextOn(tx, s.id, addMonths(s.nextOn, s.everyMonths));
  }
});

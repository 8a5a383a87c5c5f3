import type { Review, ReviewRecordBody } from '../../../../common/schemas/collaboration-roadmap.ts';
import { audit } from '../../../audit/write.ts';
import type { Actor } from '../../../context.ts';
import type { Deps } from '../../../deps.ts';
import { errors } from '../../../errors.ts';
import * as governance from '../governance/repo.ts';
import { startDraftIn } from '../governance/service.ts';
import { loadForManage, loadForRead } from '../policy.ts';
import { presentReview } from './presenter.ts';
import * as repo from './repo.ts';

/**
 * Step 7: reviews of the collaboration. A review is planned for a date and
 * recorded once held; its actions become development proposals, and it may
 * start a revision of the governance document. (The follow-up indicators
 * belong to a later part of Navet: the review page leaves them a place.)
 */

async function listIn(tx: Parameters<typeof repo.reviewsOf>[0], id: string): Promise<Review[]> {
  const [rows, links] = await Promise.all([repo.reviewsOf(tx, id), repo.proposalIdsOfReviews(tx, id)]);
  return rows.map((r) =>
    presentReview(
      r,
      links.filter((l) => l.reviewId === r.id).map((l) => l.id),
    ),
  );
}

export async function listReviews(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    await loadForRead(tx, actor, id);
    return { reviews: await listIn(tx, id) };
  });
}

export async function planReview(deps: Deps, actor: Actor, id: string, dueOn: string) {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const row = await repo.insertReview(tx, { collaborationId: id, dueOn, createdBy: actor.userId });
    const reviews = await listIn(tx, id);
    await audit(tx, { action: 'collaboration.review_plan', entity: 'collaboration_review', entityId: row.id });
    return { reviews };
  });
}

export async function recordReview(deps: Deps, actor: Actor, id: string, reviewId: string, body: ReviewRecordBody) {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const review = await repo.findReview(tx, id, reviewId);
    if (!review) throw errors.notFound('review');
    if (review.heldOn) throw errors.conflict('review_held', 'This review is already recorded.');
    let startedRevision: number | null = null;
    if (body.startRevision) {
      const versions = await governance.versionsOf(tx, id);
      if (!versions.some((v) => v.status === 'adopted'))
        throw errors.validation([
          { path: 'body.startRevision', message: 'There is no adopted governance document to revise yet.' },
        ]);
      startedRevision = (await startDraftIn(tx, actor, id, 'sv')).number;
    }
    for (const a of body.actions)
      await repo.insertProposal(tx, {
        collaborationId: id,
        title: a.title,
        origin: 'evaluation',
        originNote: null,
        reviewId,
        owner: a.owner ?? null,
        createdBy: actor.userId,
      });
    const row = await repo.recordReview(tx, reviewId, {
      heldOn: body.heldOn,
      whatWorks: body.whatWorks,
      whatDoesNot: body.whatDoesNot,
      startedRevision,
    });
    if (!row) throw errors.conflict('review_held', 'This review is already recorded.');
    const reviews = await listIn(tx, id);
    await audit(tx, { action: 'collaboration.review_record', entity: 'collaboration_review', entityId: reviewId });
    return { reviews };
  });
}

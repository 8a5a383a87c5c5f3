import { eq } from 'drizzle-orm';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { AdoptBody, EndPlanBody, FollowUpBody, Plan, VersionBody } from '../../../common/schemas/plans.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';
import { missingFor, throwIfMissing } from './adoption-rules.ts';
import { buildContent } from './content.ts';
import { authorize, loadPlan } from './policy.ts';
import { presentPlan } from './presenter.ts';
import { scheduleFollowUp } from './reminders.ts';
import * as repo from './repo.ts';
import { staffIssue, staleVersion } from './service.ts';
import { planFollowUps, planMeasures, planVersions } from './tables.ts';

/**
 * Adoption: the four parts, the child's consent and approval, and a follow-up
 * after today. Everything is checked before anything is written; the content
 * is frozen as a read-only version with who adopted it and when.
 */
export async function adopt(deps: Deps, actor: Actor, id: string, body: AdoptBody): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'adopt');
    const { plan } = pa;
    const now = new Date();
    const bodyIssues: Issue[] = staffIssue(pa.a, body.followUpUserId, 'body.followUpUserId');
    if (body.followUpOn <= todayInSweden(now))
      bodyIssues.push({ path: 'body.followUpOn', message: 'The follow-up comes after the day of adoption.' });
    const missing = await missingFor(tx, plan, now);
    // The meeting may be waived, but only explicitly and with a reason; a held meeting needs no waiver.
    const waiver = missing.includes('meetingHeld') ? body.meetingWaiver : null;
    throwIfMissing(
      missing.filter((k) => k !== 'meetingHeld' || waiver === null),
      bodyIssues,
    );
    const number = plan.adoptedVersion + 1;
    const content = await buildContent(
      tx,
      {
        plan,
        entries: await repo.allEntries(tx, id),
        measures: await repo.allMeasures(tx, id),
        participants: await repo.participantsOf(tx, id),
      },
      now,
    );
    const updated = await repo.updatePlanVersioned(tx, id, body.version, {
      status: 'active',
      adoptedVersion: number,
      revising: false,
      followUpOn: body.followUpOn,
      followUpUserId: body.followUpUserId,
    });
    if (!updated) throw staleVersion();
    await tx.insert(planVersions).values({
      planId: id,
      number,
      tenantId: plan.tenantId,
      childId: plan.childId,
      content,
      adoptedAt: now,
      adoptedBy: actor.userId,
      childApproved: body.childApproval.approved,
      childApprovalNote: body.childApproval.note,
      followUpOn: body.followUpOn,
      followUpUserId: body.followUpUserId,
      meetingWaiverReason: waiver?.reason ?? null,
    });
    await scheduleFollowUp(tx, updated);
    // The follow-up figures (plans after a rejection) are rebuilt within the minute.
    await rollupAfterWrite(tx, plan.tenantId, now);
    await audit(tx, {
      action: 'plan.adopted',
      entity: 'plan',
      entityId: id,
      childId: plan.childId,
      // That the meeting was waived, not why: audit details carry no free text.
      detail: { version: number, followUpOn: body.followUpOn, consentId: plan.consentId, meetingWaived: !!waiver },
    });
    return presentPlan(tx, { ...pa, plan: updated }, now);
  });
}

/** A new version: the content may change again; the adopted version applies until the next adoption. */
export async function revise(deps: Deps, actor: Actor, id: string, body: VersionBody): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'revise');
    const updated = await repo.updatePlanVersioned(tx, id, body.version, { revising: true });
    if (!updated) throw staleVersion();
    await audit(tx, {
      action: 'plan.revision_started',
      entity: 'plan',
      entityId: id,
      childId: pa.plan.childId,
      detail: { from: pa.plan.adoptedVersion },
    });
    return presentPlan(tx, { ...pa, plan: updated });
  });
}

/** What happened with each measure; the next follow-up is set at once. */
export async function recordFollowUp(deps: Deps, actor: Actor, id: string, body: FollowUpBody): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'followUp');
    const { plan } = pa;
    const today = todayInSweden();
    const issues: Issue[] = staffIssue(pa.a, body.nextFollowUpUserId, 'body.nextFollowUpUserId');
    const [adopted] = (await repo.versionsOf(tx, id)).slice(-1);
    if (body.heldOn > today)
      issues.push({ path: 'body.heldOn', message: 'The follow-up cannot be held in the future.' });
    else if (adopted && body.heldOn < todayInSweden(adopted.adoptedAt))
      issues.push({ path: 'body.heldOn', message: 'The follow-up comes after the adoption.' });
    if (body.nextFollowUpOn <= today)
      issues.push({ path: 'body.nextFollowUpOn', message: 'The next follow-up comes after today.' });
    const visible = new Set((await repo.visibleMeasures(tx, actor, id)).map((m) => m.id));
    const seen = new Set<string>();
    body.outcomes.forEach((o, i) => {
      if (!visible.has(o.measureId) || seen.has(o.measureId))
        issues.push({ path: `body.outcomes.${i}.measureId`, message: 'Not a measure of this plan (or named twice).' });
      seen.add(o.measureId);
    });
    if (issues.length > 0) throw errors.validation(issues);
    const updated = await repo.updatePlanVersioned(tx, id, body.version, {
      status: 'active',
      followUpOn: body.nextFollowUpOn,
      followUpUserId: body.nextFollowUpUserId,
    });
    if (!updated) throw staleVersion();
    for (const o of body.outcomes)
      await tx
        .update(planMeasures)
        .set({ status: o.status, updatedAt: new Date() })
        .where(eq(planMeasures.id, o.measureId));
    await tx.insert(planFollowUps).values({
      tenantId: plan.tenantId,
      planId: id,
      versionNumber: plan.adoptedVersion,
      heldOn: body.heldOn,
      recordedBy: actor.userId,
      summary: body.summary,
      outcomes: body.outcomes,
    });
    await scheduleFollowUp(tx, updated);
    await rollupAfterWrite(tx, pa.plan.tenantId);
    await audit(tx, {
      action: 'plan.followed_up',
      entity: 'plan',
      entityId: id,
      childId: plan.childId,
      detail: { heldOn: body.heldOn, measures: body.outcomes.length, nextFollowUpOn: body.nextFollowUpOn },
    });
    return presentPlan(tx, { ...pa, plan: updated });
  });
}

/** Ends the plan; `child_ended` records that the child ended it (the child may, at any time). */
export async function endPlan(deps: Deps, actor: Actor, id: string, body: EndPlanBody): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'end');
    const updated = await repo.updatePlanVersioned(tx, id, body.version, {
      status: 'ended',
      revising: false,
      endedReason: body.reason,
      endedNote: body.note,
      endedAt: new Date(),
      endedBy: actor.userId,
    });
    if (!updated) throw staleVersion();
    await rollupAfterWrite(tx, pa.plan.tenantId);
    await audit(tx, {
      action: 'plan.ended',
      entity: 'plan',
      entityId: id,
      childId: pa.plan.childId,
      detail: { reason: body.reason },
    });
    return presentPlan(tx, { ...pa, plan: updated });
  });
}

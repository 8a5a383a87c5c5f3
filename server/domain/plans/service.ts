import { eq } from 'drizzle-orm';
import type { CreatePlanBody, ParticipantsBody, Plan, PlanList, PlanPatch } from '../../../common/schemas/plans.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { loadAccess, type ChildAccess } from '../children/access.ts';
import * as consentRepo from '../consent/repo.ts';
import { isPrincipal, organisationRefs } from '../sharing/lookup.ts';
import { consentHolds } from './adoption-rules.ts';
import { newMeasureRows } from './items.service.ts';
import {
  authorize,
  authorizeCreatePlan,
  authorizeReadPlans,
  canCreatePlan,
  loadPlan,
  type PlanAccess,
} from './policy.ts';
import { presentPlan, presentSummary } from './presenter.ts';
import * as repo from './repo.ts';
import { planParticipants, type plans } from './tables.ts';

export const staleVersion = () =>
  errors.conflict('version_conflict', 'Someone else changed this plan since you opened it. Reload to see it.');

/** Active staff of the child's hub (not civil society): who may chair, follow up or be called as a user. */
export function staffIds(a: ChildAccess): Set<string> {
  return new Set(a.members.filter((m) => m.hubRole !== 'civil_society').map((m) => m.userId));
}

export function staffIssue(a: ChildAccess, userId: string | null | undefined, path: string): Issue[] {
  if (!userId || staffIds(a).has(userId)) return [];
  return [{ path, message: 'Name a staff member of the child’s hub.' }];
}

export async function listPlans(deps: Deps, actor: Actor, childId: string): Promise<PlanList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeReadPlans(a);
    const rows = await repo.plansOfChild(tx, actor.tenantId, childId);
    await audit(tx, { action: 'plan.listed', entity: 'child', entityId: childId, childId });
    return {
      items: rows.map(presentSummary),
      abilities: { create: canCreatePlan(a) && !rows.some((r) => r.status !== 'ended') },
    };
  });
}

export async function createPlan(deps: Deps, actor: Actor, childId: string, body: CreatePlanBody): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeCreatePlan(a);
    const issues = staffIssue(a, body.chairUserId, 'body.chairUserId');
    const measureRows = await newMeasureRows(tx, a, body.measures ?? [], issues);
    if (issues.length > 0 || !measureRows) throw errors.validation(issues);
    if (await repo.openPlanOfChild(tx, childId))
      throw errors.conflict('plan_exists', 'The child already has a plan that has not ended: one at a time.');
    const plan = await repo.insertPlan(tx, {
      tenantId: actor.tenantId,
      childId,
      kind: body.kind,
      initiatorId: actor.userId,
      chairId: body.chairUserId,
    });
    const measures = await repo.insertMeasures(tx, measureRows(plan.id));
    await audit(tx, [
      { action: 'plan.created', entity: 'plan', entityId: plan.id, childId, detail: { kind: body.kind } },
      // As adding each one afterwards would log it: the measure, its owner and category.
      ...measures.map((m) => ({
        action: 'plan.measure_added',
        entity: 'plan',
        entityId: plan.id,
        childId,
        detail: { itemId: m.id, owningOrganisationId: m.owningOrganisationId, category: m.category },
      })),
    ]);
    return presentPlan(tx, { a, plan });
  });
}

export async function getPlan(deps: Deps, actor: Actor, id: string): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'read');
    await audit(tx, { action: 'plan.read', entity: 'plan', entityId: id, childId: pa.plan.childId });
    return presentPlan(tx, pa);
  });
}

async function patchIssues(tx: Db, pa: PlanAccess, body: PlanPatch): Promise<Issue[]> {
  const { a, plan } = pa;
  const issues = staffIssue(a, body.chairUserId, 'body.chairUserId');
  if (body.consentId) {
    const c = await consentRepo.findConsent(tx, plan.tenantId, body.consentId);
    if (!c || c.childId !== plan.childId)
      issues.push({ path: 'body.consentId', message: 'Not a consent of this child.' });
    else if (!(await consentHolds(tx, { ...plan, consentId: c.id })))
      issues.push({ path: 'body.consentId', message: 'The consent is not valid today, or not given for the plan.' });
  }
  if (body.overallResponsibleOrganisationId) {
    const orgs = await organisationRefs(tx, plan.tenantId, [body.overallResponsibleOrganisationId]);
    const o = orgs.get(body.overallResponsibleOrganisationId);
    if (!o)
      issues.push({
        path: 'body.overallResponsibleOrganisationId',
        message: 'Not an organisation of this municipality.',
      });
    else if (!isPrincipal(o))
      issues.push({
        path: 'body.overallResponsibleOrganisationId',
        message: 'Only a principal (municipality or region) holds overall responsibility.',
      });
  }
  const takePart = body.relativesTakePart !== undefined ? body.relativesTakePart : plan.relativesTakePart;
  const objects =
    body.childObjectsToRelatives !== undefined ? body.childObjectsToRelatives : plan.childObjectsToRelatives;
  if (takePart && objects !== false)
    issues.push({
      path: 'body.relativesTakePart',
      message: 'Relatives take part only when the child has been asked and does not object.',
    });
  return issues;
}

export async function updatePlan(deps: Deps, actor: Actor, id: string, body: PlanPatch): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'edit');
    const issues = await patchIssues(tx, pa, body);
    if (issues.length > 0) throw errors.validation(issues);
    const { version, chairUserId, ...rest } = body;
    const patch: Partial<typeof plans.$inferInsert> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
    if (chairUserId !== undefined) patch.chairId = chairUserId;
    const updated = await repo.updatePlanVersioned(tx, id, version, patch);
    if (!updated) throw staleVersion();
    await audit(tx, {
      action: 'plan.updated',
      entity: 'plan',
      entityId: id,
      childId: pa.plan.childId,
      detail: { fields: Object.keys(patch).sort() },
    });
    return presentPlan(tx, { ...pa, plan: updated });
  });
}

/** Principals are summoned (kallelse); everyone else is invited (inbjudan). */
export async function setParticipants(deps: Deps, actor: Actor, id: string, body: ParticipantsBody): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'edit');
    const { a, plan } = pa;
    const issues: Issue[] = [];
    const seen = new Set<string>();
    const staff = staffIds(a);
    const orgIds = body.participants.flatMap((p) => ('userId' in p ? [] : [p.organisationId]));
    const memberOrg = new Map(a.members.map((m) => [m.userId, m.organisationId]));
    const orgs = await organisationRefs(tx, plan.tenantId, [...orgIds, ...memberOrg.values()]);
    const rows = body.participants.map((p, i) => {
      if ('userId' in p) {
        if (!staff.has(p.userId))
          issues.push({
            path: `body.participants.${i}.userId`,
            message: 'Call a staff member of the hub, or name a guest.',
          });
        if (seen.has(p.userId)) issues.push({ path: `body.participants.${i}.userId`, message: 'Named twice.' });
        seen.add(p.userId);
        const orgId = memberOrg.get(p.userId) ?? null;
        const o = orgId ? orgs.get(orgId) : undefined;
        return {
          userId: p.userId,
          name: null,
          organisationId: orgId,
          organisationName: null,
          kind: o && isPrincipal(o) ? 'summons' : 'invitation',
        };
      }
      const o = p.organisationId ? orgs.get(p.organisationId) : undefined;
      if (p.organisationId && !o)
        issues.push({
          path: `body.participants.${i}.organisationId`,
          message: 'Not an organisation of this municipality.',
        });
      return {
        userId: null,
        name: p.name,
        organisationId: p.organisationId,
        organisationName: p.organisationName,
        kind: o && isPrincipal(o) ? 'summons' : 'invitation',
      };
    });
    if (issues.length > 0) throw errors.validation(issues);
    const updated = await repo.updatePlanVersioned(tx, id, body.version, {});
    if (!updated) throw staleVersion();
    await tx.delete(planParticipants).where(eq(planParticipants.planId, id));
    if (rows.length > 0)
      await tx
        .insert(planParticipants)
        .values(rows.map((r, position) => ({ ...r, tenantId: plan.tenantId, planId: id, position })));
    await audit(tx, {
      action: 'plan.participants_set',
      entity: 'plan',
      entityId: id,
      childId: plan.childId,
      detail: { users: rows.filter((r) => r.userId).length, guests: rows.filter((r) => !r.userId).length },
    });
    return presentPlan(tx, { ...pa, plan: updated });
  });
}

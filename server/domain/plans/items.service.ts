import { and, eq } from 'drizzle-orm';
import type { EntryBody, MeasureBody, MeasurePatch, Plan } from '../../../common/schemas/plans.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { organisationRefs, personRefs } from '../sharing/lookup.ts';
import { organisationsOf } from '../sharing/rule.ts';
import type { ChildAccess } from '../children/access.ts';
import { buildContent } from './content.ts';
import { authorize, authorizeEditItem, loadPlan, type PlanAccess } from './policy.ts';
import { presentPlan } from './presenter.ts';
import * as repo from './repo.ts';
import { planEntries, planMeasures } from './tables.ts';

/**
 * The owner of what the actor writes: an organisation of their own (what you
 * write is your organisation's information); by default the one they hold
 * their place in the hub through.
 */
function ownerOf(a: ChildAccess, requested: string | null, issues: Issue[], at = 'body'): string {
  const mine = organisationsOf(a.actor);
  if (requested) {
    if (!mine.includes(requested))
      issues.push({ path: `${at}.owningOrganisationId`, message: 'Write only as an organisation you belong to.' });
    return requested;
  }
  const viaHub = a.mine.map((m) => m.organisationId).find((o) => mine.includes(o));
  return viaHub ?? mine[0]!;
}

async function measureIssues(tx: Db, pa: PlanAccess, b: Omit<MeasurePatch, 'version'>, issues: Issue[]): Promise<void> {
  const tenantId = pa.plan.tenantId;
  if (b.responsibleOrganisationId) {
    const orgs = await organisationRefs(tx, tenantId, [b.responsibleOrganisationId]);
    if (!orgs.has(b.responsibleOrganisationId))
      issues.push({ path: 'body.responsibleOrganisationId', message: 'Not an organisation of this municipality.' });
  }
  if (b.responsibleUserId) {
    const people = await personRefs(tx, tenantId, [b.responsibleUserId]);
    if (!people.has(b.responsibleUserId))
      issues.push({ path: 'body.responsibleUserId', message: 'Not a user of this municipality.' });
  }
  if (b.needId) {
    const need = await repo.findVisibleEntry(tx, pa.a.actor, pa.plan.id, b.needId);
    if (!need || need.kind !== 'need') issues.push({ path: 'body.needId', message: 'Not a need of this plan.' });
  }
}

/**
 * The measures of a plan being created, checked all together before anything is written (two lookups
 * whatever their number); issues are named `body.measures.<i>.<field>`. Returns the rows to insert
 * once the plan exists, or nothing when there are issues.
 */
export async function newMeasureRows(
  tx: Db,
  a: ChildAccess,
  measures: MeasureBody[],
  issues: Issue[],
): Promise<((planId: string) => (typeof planMeasures.$inferInsert)[]) | null> {
  const tenantId = a.actor.tenantId;
  const orgs = await organisationRefs(
    tx,
    tenantId,
    measures.map((m) => m.responsibleOrganisationId),
  );
  const people = await personRefs(
    tx,
    tenantId,
    measures.map((m) => m.responsibleUserId),
  );
  const before = issues.length;
  const owners = measures.map((m, i) => {
    const at = `body.measures.${i}`;
    if (!orgs.has(m.responsibleOrganisationId))
      issues.push({ path: `${at}.responsibleOrganisationId`, message: 'Not an organisation of this municipality.' });
    if (m.responsibleUserId && !people.has(m.responsibleUserId))
      issues.push({ path: `${at}.responsibleUserId`, message: 'Not a user of this municipality.' });
    // A new plan has no needs yet: a measure answers one once both exist.
    if (m.needId) issues.push({ path: `${at}.needId`, message: 'Not a need of this plan.' });
    return ownerOf(a, m.owningOrganisationId, issues, at);
  });
  if (issues.length > before) return null;
  return (planId) =>
    measures.map((m, i) => ({
      tenantId,
      planId,
      childId: a.child.id,
      needId: null,
      description: m.description,
      responsibleOrganisationId: m.responsibleOrganisationId,
      responsibleUserId: m.responsibleUserId,
      responsibleName: m.responsibleName,
      startOn: m.startOn,
      endOn: m.endOn,
      status: m.status,
      goal: m.goal,
      owningOrganisationId: owners[i]!,
      category: m.category,
      createdBy: a.actor.userId,
    }));
}

async function done(tx: Db, pa: PlanAccess, action: string, itemId: string, detail: Record<string, unknown>) {
  await repo.touchPlan(tx, pa.plan.id);
  await audit(tx, {
    action,
    entity: 'plan',
    entityId: pa.plan.id,
    childId: pa.plan.childId,
    detail: { itemId, ...detail },
  });
  const plan = await repo.findPlan(tx, pa.plan.tenantId, pa.plan.id);
  return presentPlan(tx, { ...pa, plan: plan! });
}

export async function addEntry(deps: Deps, actor: Actor, planId: string, body: EntryBody): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, planId);
    authorize(pa, 'addContent');
    const issues: Issue[] = [];
    const owner = ownerOf(pa.a, body.owningOrganisationId, issues);
    if (issues.length > 0) throw errors.validation(issues);
    const [row] = await tx
      .insert(planEntries)
      .values({
        tenantId: actor.tenantId,
        planId,
        childId: pa.plan.childId,
        kind: body.kind,
        text: body.text,
        owningOrganisationId: owner,
        category: body.category,
        createdBy: actor.userId,
      })
      .returning();
    return done(tx, pa, `plan.${body.kind}_added`, row!.id, { owningOrganisationId: owner, category: body.category });
  });
}

export async function removeEntry(deps: Deps, actor: Actor, planId: string, entryId: string): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, planId);
    authorize(pa, 'addContent');
    const entry = await repo.findVisibleEntry(tx, actor, planId, entryId);
    if (!entry) throw errors.notFound('entry');
    authorizeEditItem(pa, entry.owningOrganisationId);
    // A measure that answered the need stays; it no longer points at it.
    await tx
      .update(planMeasures)
      .set({ needId: null })
      .where(and(eq(planMeasures.planId, planId), eq(planMeasures.needId, entryId)));
    await tx.delete(planEntries).where(eq(planEntries.id, entryId));
    return done(tx, pa, `plan.${entry.kind}_removed`, entryId, {});
  });
}

export async function addMeasure(deps: Deps, actor: Actor, planId: string, body: MeasureBody): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, planId);
    authorize(pa, 'addContent');
    const issues: Issue[] = [];
    const owner = ownerOf(pa.a, body.owningOrganisationId, issues);
    await measureIssues(tx, pa, body, issues);
    if (issues.length > 0) throw errors.validation(issues);
    const [row] = await tx
      .insert(planMeasures)
      .values({
        tenantId: actor.tenantId,
        planId,
        childId: pa.plan.childId,
        needId: body.needId,
        description: body.description,
        responsibleOrganisationId: body.responsibleOrganisationId,
        responsibleUserId: body.responsibleUserId,
        responsibleName: body.responsibleName,
        startOn: body.startOn,
        endOn: body.endOn,
        status: body.status,
        goal: body.goal,
        owningOrganisationId: owner,
        category: body.category,
        createdBy: actor.userId,
      })
      .returning();
    return done(tx, pa, 'plan.measure_added', row!.id, { owningOrganisationId: owner, category: body.category });
  });
}

export async function updateMeasure(
  deps: Deps,
  actor: Actor,
  planId: string,
  measureId: string,
  body: MeasurePatch,
): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, planId);
    authorize(pa, 'addContent');
    const measure = await repo.findVisibleMeasure(tx, actor, planId, measureId);
    if (!measure) throw errors.notFound('measure');
    authorizeEditItem(pa, measure.owningOrganisationId);
    const issues: Issue[] = [];
    await measureIssues(tx, pa, body, issues);
    const startOn = body.startOn ?? measure.startOn;
    const endOn = body.endOn !== undefined ? body.endOn : measure.endOn;
    if (endOn && endOn < startOn)
      issues.push({ path: 'body.endOn', message: 'The measure cannot end before it starts.' });
    if (issues.length > 0) throw errors.validation(issues);
    const { version, ...fields } = body;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const updated = await repo.updateMeasureVersioned(tx, measureId, version, patch);
    if (!updated) {
      // What is stored now, as this reader may see it, so the editor shows it beside the user's own text.
      const [current] = (await buildContent(tx, { plan: pa.plan, entries: [], measures: [measure], participants: [] }))
        .measures;
      throw errors.conflict('version_conflict', 'Someone else changed this measure since you opened it.', { current });
    }
    return done(tx, pa, 'plan.measure_updated', measureId, { fields: Object.keys(patch).sort() });
  });
}

export async function removeMeasure(deps: Deps, actor: Actor, planId: string, measureId: string): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, planId);
    authorize(pa, 'addContent');
    const measure = await repo.findVisibleMeasure(tx, actor, planId, measureId);
    if (!measure) throw errors.notFound('measure');
    authorizeEditItem(pa, measure.owningOrganisationId);
    await tx.delete(planMeasures).where(eq(planMeasures.id, measureId));
    return done(tx, pa, 'plan.measure_removed', measureId, {});
  });
}

import { todayInSweden } from '../../../../common/schemas/children.ts';
import type { Proposal } from '../../../../common/schemas/collaboration-roadmap.ts';
import type {
  AgreementBody,
  Barrier,
  BarrierBody,
  BarrierPatch,
  EvaluationBody,
  NeedsMapping,
} from '../../../../common/schemas/strategic.ts';
import { audit } from '../../../audit/write.ts';
import type { Actor } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { Deps } from '../../../deps.ts';
import { errors, type Issue } from '../../../errors.ts';
import { authorize, authorizeRun, loadLevels, type LevelAccess } from '../operational/policy.ts';
import { presentAgreement, presentBarrier, presentEvaluation } from './presenter.ts';
import { proposeFrom, titleFrom } from '../roadmap/proposals.ts';
import { findProposal } from '../roadmap/repo.ts';
import * as repo from './repo.ts';

async function present(tx: Db, rows: repo.BarrierRow[]): Promise<Barrier[]> {
  const names = await repo.userNames(
    tx,
    rows.flatMap((b) => [b.raisedBy, b.ownerUserId]),
  );
  const links = await repo.proposalsOf(
    tx,
    rows.map((b) => b.id),
  );
  return rows.map((b) =>
    presentBarrier(
      b,
      names,
      links.filter((l) => l.barrierId === b.id).map((l) => l.proposalId),
    ),
  );
}

async function ownerIssues(tx: Db, a: LevelAccess, owner: string | undefined, dueOn: string | undefined) {
  const issues: Issue[] = [];
  if (owner && !(await repo.staffOf(tx, a.tenantIds, [owner])).has(owner))
    issues.push({ path: 'body.ownerUserId', message: 'Choose a staff member of a participating municipality.' });
  if (dueOn && dueOn < todayInSweden()) issues.push({ path: 'body.dueOn', message: 'The date cannot be in the past.' });
  return issues;
}

export async function listBarriers(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'read');
    const items = await present(tx, await repo.listBarriers(tx, id));
    await audit(tx, { action: 'barrier.list', entity: 'collaboration', entityId: id });
    return { items };
  });
}

export async function createBarrier(deps: Deps, actor: Actor, id: string, body: BarrierBody): Promise<Barrier> {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorizeRun(a, body.level);
    const issues = await ownerIssues(tx, a, body.ownerUserId, body.dueOn);
    if (issues.length > 0) throw errors.validation(issues);
    const b = await repo.insertBarrier(tx, {
      collaborationId: id,
      type: body.type,
      description: body.description,
      level: body.level,
      raisedBy: actor.userId,
      ownerUserId: body.ownerUserId,
      dueOn: body.dueOn,
      action: body.action,
    });
    await audit(tx, { action: 'barrier.create', entity: 'barrier', entityId: b.id });
    return (await present(tx, [b]))[0]!;
  });
}

async function loadBarrier(tx: Db, actor: Actor, id: string, barrierId: string) {
  const a = await loadLevels(tx, actor, id);
  authorize(a, 'read');
  const b = await repo.findBarrier(tx, id, barrierId);
  if (!b) throw errors.notFound('barrier');
  authorizeRun(a, b.level);
  return { a, b };
}

export async function updateBarrier(
  deps: Deps,
  actor: Actor,
  id: string,
  barrierId: string,
  p: BarrierPatch,
): Promise<Barrier> {
  return deps.db.transaction(async (tx) => {
    const { a, b } = await loadBarrier(tx, actor, id, barrierId);
    const issues = await ownerIssues(tx, a, p.ownerUserId, p.dueOn);
    // A barrier links only a development proposal of its own collaboration's register.
    if (p.proposalId && !(await findProposal(tx, a.collaboration.id, p.proposalId))) {
      issues.push({ path: 'body.proposalId', message: 'No such development proposal in this collaboration.' });
    }
    if (issues.length > 0) throw errors.validation(issues);
    const updated = await repo.updateBarrier(tx, b.id, {
      ...(p.status !== undefined ? { status: p.status } : {}),
      ...(p.action !== undefined ? { action: p.action } : {}),
      ...(p.ownerUserId !== undefined ? { ownerUserId: p.ownerUserId } : {}),
      ...(p.dueOn !== undefined ? { dueOn: p.dueOn } : {}),
    });
    if (p.proposalId) await repo.linkProposal(tx, b.id, p.proposalId);
    await audit(tx, {
      action: 'barrier.update',
      entity: 'barrier',
      entityId: b.id,
      detail: { fields: Object.keys(p) },
    });
    return (await present(tx, [updated]))[0]!;
  });
}

/** The forum cannot remove it: the barrier moves to the strategic level, which then owns it. */
export async function escalateBarrier(deps: Deps, actor: Actor, id: string, barrierId: string): Promise<Barrier> {
  return deps.db.transaction(async (tx) => {
    const { b } = await loadBarrier(tx, actor, id, barrierId);
    if (b.level === 'strategic')
      throw errors.conflict('already_escalated', 'The barrier is already with the strategic level.');
    const updated = await repo.updateBarrier(tx, b.id, { level: 'strategic', escalatedAt: new Date() });
    await audit(tx, { action: 'barrier.escalate', entity: 'barrier', entityId: b.id });
    return (await present(tx, [updated]))[0]!;
  });
}

/**
 * "Make it a development proposal": one action puts the barrier in step 3's register, the proposal naming
 * the barrier (origin, origin id) and the barrier listing the proposal. A barrier with a proposal is 409.
 */
export async function proposeFromBarrier(
  deps: Deps,
  actor: Actor,
  id: string,
  barrierId: string,
): Promise<{ barrier: Barrier; proposal: Proposal }> {
  return deps.db.transaction(async (tx) => {
    const { b } = await loadBarrier(tx, actor, id, barrierId);
    await repo.lockBarrier(tx, b.id);
    if ((await repo.proposalsOf(tx, [b.id])).length > 0)
      throw errors.conflict('already_proposed', 'This barrier already has a development proposal.');
    const proposal = await proposeFrom(tx, {
      collaborationId: id,
      origin: 'barrier',
      originId: b.id,
      title: titleFrom(b.description),
      description: b.action ? `${b.description}\n\n${b.action}` : b.description,
      createdBy: actor.userId,
    });
    await repo.linkProposal(tx, b.id, proposal.id);
    const barrier = (await present(tx, [b]))[0]!;
    await audit(tx, {
      action: 'barrier.propose',
      entity: 'barrier',
      entityId: b.id,
      detail: { proposalId: proposal.id },
    });
    return { barrier, proposal };
  });
}

export async function listAgreements(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'read');
    const rows = await repo.listAgreements(tx, id);
    await audit(tx, { action: 'agreement.list', entity: 'collaboration', entityId: id });
    return { items: rows.map(presentAgreement) };
  });
}

export async function createAgreement(deps: Deps, actor: Actor, id: string, body: AgreementBody) {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'runStrategic');
    if (body.validTo && body.validTo < body.validFrom)
      throw errors.validation([{ path: 'body.validTo', message: 'The end comes after the start.' }]);
    const row = await repo.insertAgreement(tx, { ...body, collaborationId: id, createdBy: actor.userId });
    await audit(tx, { action: 'agreement.create', entity: 'agreement', entityId: row.id });
    return presentAgreement(row);
  });
}

export async function listEvaluations(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'read');
    const rows = await repo.listEvaluations(tx, id);
    await audit(tx, { action: 'evaluation.list', entity: 'collaboration', entityId: id });
    return { items: rows.map(presentEvaluation) };
  });
}

export async function createEvaluation(deps: Deps, actor: Actor, id: string, body: EvaluationBody) {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'runStrategic');
    if (body.evaluatedOn > todayInSweden())
      throw errors.validation([{ path: 'body.evaluatedOn', message: 'The date cannot be in the future.' }]);
    const row = await repo.insertEvaluation(tx, { ...body, collaborationId: id, createdBy: actor.userId });
    await audit(tx, { action: 'evaluation.create', entity: 'evaluation', entityId: row.id });
    return presentEvaluation(row);
  });
}

/** The needs mapping, generated now from the participating municipalities' open cases, in masked aggregates. */
export async function needsMapping(deps: Deps, actor: Actor, id: string): Promise<NeedsMapping> {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'needs');
    const cells = await repo.needsCells(tx, a.tenantIds, todayInSweden());
    const names = await repo.tenantNames(tx, a.tenantIds);
    await audit(tx, { action: 'needs_mapping.read', entity: 'collaboration', entityId: id });
    return {
      generatedAt: new Date().toISOString(),
      municipalities: a.tenantIds
        .map((t) => ({
          tenantId: t,
          name: names.get(t) ?? '',
          total: cells.find((c) => c.tenantId === t && c.dimension === 'total')?.count ?? '0',
          cells: cells.flatMap((c) =>
            c.tenantId === t && c.dimension !== 'total'
              ? [{ dimension: c.dimension, value: c.value, count: c.count }]
              : [],
          ),
        }))
        .sort((x, y) => x.name.localeCompare(y.name, 'sv')),
    };
  });
}

import type { PlanAbilities } from '../../../common/schemas/plans.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { AppError, errors } from '../../errors.ts';
import { loadAccess, type ChildAccess } from '../children/access.ts';
import { childClosed, hasHubRole, isOpenCase, isStaffMember, seesInFull } from '../children/policy.ts';
import { organisationsOf } from '../sharing/rule.ts';
import * as repo from './repo.ts';

/** Everything a rule about one plan needs: the child's access (scope checked) and the plan. */
export interface PlanAccess {
  a: ChildAccess;
  plan: repo.PlanRow;
}

/** The plan if the actor sees its child; 404 otherwise, whether it exists or not. */
export async function loadPlan(tx: Db, actor: Actor, id: string): Promise<PlanAccess> {
  const plan = await repo.findPlan(tx, actor.tenantId, id);
  if (!plan) throw errors.notFound('plan');
  try {
    return { a: await loadAccess(tx, actor, plan.childId), plan };
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw errors.notFound('plan');
    throw e;
  }
}

export const planAdopted = () =>
  errors.conflict('plan_adopted', 'The plan is adopted: start a new version to change it.');
export const planEnded = () => errors.conflict('plan_ended', 'The plan has ended: it can be read, not changed.');
export const planNotAdopted = () => errors.conflict('plan_not_adopted', 'The plan has not been adopted yet.');

// Predicates.
/** Leads the plan: its chair, its initiator, or the hub's social worker. */
export const isLead = (p: PlanAccess): boolean =>
  p.plan.chairId === p.a.actor.userId || p.plan.initiatorId === p.a.actor.userId || hasHubRole(p.a, 'social_worker');
export const isEditable = (p: PlanAccess): boolean =>
  p.plan.status === 'draft' || (p.plan.revising && p.plan.status !== 'ended');
const isRunning = (p: PlanAccess): boolean => p.plan.status === 'active' || p.plan.status === 'follow_up';
const ownsItem = (p: PlanAccess, owner: string): boolean => organisationsOf(p.a.actor).includes(owner);

/** Who may do what with a plan they can see. */
const rules = {
  read: (p: PlanAccess) => seesInFull(p.a),
  edit: isLead,
  addContent: (p: PlanAccess) => isStaffMember(p.a),
  invite: isLead,
  adopt: isLead,
  revise: isLead,
  followUp: (p: PlanAccess) => isLead(p) || p.plan.followUpUserId === p.a.actor.userId,
  end: isLead,
};
export type PlanAction = keyof typeof rules;

/** The state each action needs, beyond the role: thrown as 409 when missing. */
function stateError(p: PlanAccess, action: PlanAction): AppError | null {
  if (action === 'read') return null;
  if (p.plan.status === 'ended') return planEnded();
  if (action === 'end') return null;
  if (!isOpenCase(p.a)) return childClosed();
  if ((action === 'edit' || action === 'addContent' || action === 'adopt') && !isEditable(p)) return planAdopted();
  if (action === 'revise' && (!isRunning(p) || p.plan.revising))
    return p.plan.revising ? planAdopted() : planNotAdopted();
  if (action === 'followUp' && !isRunning(p)) return planNotAdopted();
  return null;
}

export function can(p: PlanAccess, action: PlanAction): boolean {
  return rules.read(p) && rules[action](p) && stateError(p, action) === null;
}

/** 403 when the role does not allow it, then 409 when the plan's state does not. */
export function authorize(p: PlanAccess, action: PlanAction): void {
  if (!rules.read(p) || !rules[action](p)) throw errors.forbidden();
  const e = stateError(p, action);
  if (e) throw e;
}

/** An entry or measure: its own organisation's staff, or the plan's lead. */
export function canEditItem(p: PlanAccess, owner: string): boolean {
  return can(p, 'addContent') && (ownsItem(p, owner) || isLead(p));
}

export function authorizeEditItem(p: PlanAccess, owner: string): void {
  authorize(p, 'addContent');
  if (!ownsItem(p, owner) && !isLead(p))
    throw errors.forbidden('Only the owning organisation or the plan’s lead changes this.');
}

export function abilitiesOf(p: PlanAccess): PlanAbilities {
  return {
    edit: can(p, 'edit'),
    addContent: can(p, 'addContent'),
    invite: can(p, 'invite'),
    adopt: can(p, 'adopt'),
    revise: can(p, 'revise'),
    followUp: can(p, 'followUp'),
    end: can(p, 'end'),
  };
}

/** Starting a plan: any staff member of the hub may initiate it (school and health care too). */
export function canCreatePlan(a: ChildAccess): boolean {
  return isStaffMember(a) && isOpenCase(a);
}

export function authorizeCreatePlan(a: ChildAccess): void {
  if (!isStaffMember(a)) throw errors.forbidden('Only staff of the child’s hub start a plan.');
  if (!isOpenCase(a)) throw childClosed();
}

export function authorizeReadPlans(a: ChildAccess): void {
  if (!seesInFull(a)) throw errors.forbidden();
}

import { hasRole, type Actor } from '../../context.ts';
import { errors } from '../../errors.ts';
import type { ChildAccess } from '../children/access.ts';
import { childClosed, hasHubRole, isCoreMember, isOpenCase } from '../children/policy.ts';
import type { HubMemberRow } from '../children/repo.ts';

/**
 * Rules on objects inside a hub. Each says who may act; a closed case refuses
 * every write on top (409), as in children/policy.ts.
 */
const rules = {
  /** Each member keeps their own availability; the social worker may fill it in after the meeting. */
  editAgreement: (a: ChildAccess, m: HubMemberRow) => m.userId === a.actor.userId || hasHubRole(a, 'social_worker'),
  /** The owner reports on their question; the core three may reassign or drop it. */
  editQuestion: (a: ChildAccess, owner: HubMemberRow | undefined) =>
    owner?.userId === a.actor.userId || isCoreMember(a),
};

function check(allowed: boolean, a: ChildAccess, message: string): void {
  if (!allowed) throw errors.forbidden(message);
  if (!isOpenCase(a)) throw childClosed();
}

/** Ending memberships stays possible on a closed case: people leave after it closes too. */
export const canEndMember = (a: ChildAccess): boolean => hasHubRole(a, 'social_worker');

export const canEditAgreement = (a: ChildAccess, m: HubMemberRow): boolean =>
  isOpenCase(a) && rules.editAgreement(a, m);
export const canEditQuestion = (a: ChildAccess, owner: HubMemberRow | undefined): boolean =>
  isOpenCase(a) && rules.editQuestion(a, owner);

export function authorizeEndMember(a: ChildAccess): void {
  if (!canEndMember(a)) throw errors.forbidden('Only the hub’s social worker ends memberships.');
}
export function authorizeEditAgreement(a: ChildAccess, m: HubMemberRow): void {
  check(rules.editAgreement(a, m), a, 'Only the member or the hub’s social worker changes this.');
}
export function authorizeEditQuestion(a: ChildAccess, owner: HubMemberRow | undefined): void {
  check(rules.editQuestion(a, owner), a, 'Only the question’s owner or the core three change it.');
}

/** Tenant-wide rule: topics beyond the guide's are the tenant admin's. */
export function authorizeManageTenantTopics(actor: Actor): void {
  if (!hasRole(actor, 'tenant_admin')) throw errors.forbidden('Only tenant admins add topics.');
}

/** The staff directory is for staff; civil society does not browse it. */
export function authorizeDirectory(actor: Actor): void {
  if (!actor.memberships.some((m) => m.role !== 'volunteer')) throw errors.forbidden();
}

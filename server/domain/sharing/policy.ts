import { hasRole, type Actor } from '../../context.ts';
import { errors } from '../../errors.ts';
import type { ChildAccess } from '../children/access.ts';
import { childClosed, isOpenCase, isStaffMember, seesInFull } from '../children/policy.ts';
import type { ShareRow } from './repo.ts';
import { organisationsOf } from './rule.ts';

/** The tenant's list of legal bases is kept by its admins; staff read it to choose from. */
export const canManageLegalBases = (actor: Actor): boolean => hasRole(actor, 'tenant_admin');

export function authorizeReadLegalBases(actor: Actor): void {
  if (!actor.memberships.some((m) => m.role !== 'volunteer')) throw errors.forbidden();
}

export function authorizeManageLegalBases(actor: Actor): void {
  if (!canManageLegalBases(actor)) throw errors.forbidden('Only tenant admins keep the list of legal bases.');
}

export const canReadShares = (a: ChildAccess): boolean => seesInFull(a);
/** A share is made by the owner of the information: a staff member of the hub, for their own organisation. */
export const canRecordShare = (a: ChildAccess): boolean => isStaffMember(a) && isOpenCase(a);
/** Ending narrows: the owning organisation's staff, or whoever recorded it, also on a closed case. */
export const canEndShare = (a: ChildAccess, s: ShareRow): boolean =>
  s.endedAt === null &&
  (s.recordedBy === a.actor.userId || (isStaffMember(a) && organisationsOf(a.actor).includes(s.fromOrganisationId)));

export function authorizeReadShares(a: ChildAccess): void {
  if (!canReadShares(a)) throw errors.forbidden();
}

export function authorizeRecordShare(a: ChildAccess): void {
  if (!isStaffMember(a)) throw errors.forbidden('Only staff of the child’s hub share information.');
  if (!isOpenCase(a)) throw childClosed();
}

export function authorizeEndShare(a: ChildAccess, s: ShareRow): void {
  const mayEnd =
    s.recordedBy === a.actor.userId || (isStaffMember(a) && organisationsOf(a.actor).includes(s.fromOrganisationId));
  if (!mayEnd) throw errors.forbidden('Only the owning organisation ends its share.');
}

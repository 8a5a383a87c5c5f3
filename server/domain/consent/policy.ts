import { errors } from '../../errors.ts';
import type { ChildAccess } from '../children/access.ts';
import { childClosed, hasHubRole, isCoreMember, isOpenCase, seesInFull } from '../children/policy.ts';

/**
 * Consent rules. The god man gives consent in the custodian's place and the
 * social worker usually records it; anyone of the core three may record that
 * the child withdrew it, because the child may say so to any of them and the
 * effect must be immediate (also on a closed case: a withdrawal only narrows).
 */
export const canReadConsents = (a: ChildAccess): boolean => seesInFull(a);
export const canRecordConsent = (a: ChildAccess): boolean => hasHubRole(a, 'social_worker', 'god_man') && isOpenCase(a);
export const canWithdrawConsent = (a: ChildAccess): boolean => isCoreMember(a);

export function authorizeReadConsents(a: ChildAccess): void {
  if (!canReadConsents(a)) throw errors.forbidden();
}

export function authorizeRecordConsent(a: ChildAccess): void {
  if (!hasHubRole(a, 'social_worker', 'god_man'))
    throw errors.forbidden('Only the hub’s social worker or god man records a consent.');
  if (!isOpenCase(a)) throw childClosed();
}

export function authorizeWithdrawConsent(a: ChildAccess): void {
  if (!canWithdrawConsent(a)) throw errors.forbidden('Only the core three record a withdrawal.');
}

import { errors } from '../../errors.ts';
import type { ChildAccess } from '../children/access.ts';
import { childClosed, isOpenCase, isStaffMember, seesInFull } from '../children/policy.ts';

/** The child's messages are read by those who see the child in full (not a volunteer's narrow view). */
export function authorizeReadMessages(a: ChildAccess): void {
  if (!seesInFull(a)) throw errors.forbidden('The child’s messages are for the hub’s staff.');
}

/** Any staff member of the hub who sees a message may answer it, while the case is open. */
export const canAnswer = (a: ChildAccess): boolean => isStaffMember(a) && isOpenCase(a);

export function authorizeAnswer(a: ChildAccess): void {
  if (!isStaffMember(a)) throw errors.forbidden('Only the hub’s staff answer the child.');
  if (!isOpenCase(a)) throw childClosed();
}

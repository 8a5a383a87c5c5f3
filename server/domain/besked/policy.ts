import { errors } from '../../errors.ts';
import type { ChildAccess } from '../children/access.ts';
import { childClosed, isCoreMember, isOpenCase, isStaffMember, seesInFull } from '../children/policy.ts';

/**
 * Who may do what with a child's besked log. What an adult told the child
 * can touch the case, so civil society (the narrow view) neither reads nor
 * writes it; managers read, as they do the rest of the child's record.
 */
const rules = {
  read: seesInFull,
  /** Each staff member records what they themselves told the child. */
  record: isStaffMember,
  markContradiction: isStaffMember,
  /** The agreed line is the hub's decision, recorded by one of the core three. */
  agreeLine: isCoreMember,
};

export type BeskedAction = keyof typeof rules;

export function canBesked(a: ChildAccess, action: BeskedAction): boolean {
  return rules[action](a) && (action === 'read' || isOpenCase(a));
}

/** 403 when the rule says no; 409 when it would but the case is closed. */
export function authorizeBesked(a: ChildAccess, action: BeskedAction): void {
  if (!rules[action](a)) throw errors.forbidden();
  if (action !== 'read' && !isOpenCase(a)) throw childClosed();
}

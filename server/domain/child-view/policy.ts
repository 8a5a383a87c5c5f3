import { errors } from '../../errors.ts';
import type { ChildAccess } from '../children/access.ts';
import { hasHubRole } from '../children/policy.ts';

/**
 * Creating and withdrawing links is the child rule `createChildLink` (a write:
 * refused on a closed case). Looking at the links afterwards is for the same
 * people, and stays possible once the case is closed.
 */
export function authorizeSeeLinks(a: ChildAccess): void {
  if (!hasHubRole(a, 'social_worker', 'god_man'))
    throw errors.forbidden('Only the social worker and the god man handle the child’s links.');
}

import { hasRole, type Actor } from '../../context.ts';
import { errors } from '../../errors.ts';
import { hasHubRole } from '../children/policy.ts';
import type { ChildAccess } from '../children/access.ts';

/**
 * Who asks for a registry extract. For a child: the god man (in the custodian's place) or the social worker,
 * in the child's hub; anyone else who sees the child gets 403 (outside scope the child is 404). For a user:
 * the user themself or a tenant admin of the same municipality.
 */
export const mayRequestForChild = (a: ChildAccess): boolean => hasHubRole(a, 'god_man', 'social_worker');
export const mayRequestForUser = (actor: Actor, userId: string): boolean =>
  actor.userId === userId || hasRole(actor, 'tenant_admin');

export function authorizeChild(a: ChildAccess): void {
  if (!mayRequestForChild(a)) throw errors.forbidden();
}

export function authorizeUser(actor: Actor, userId: string): void {
  if (!mayRequestForUser(actor, userId)) throw errors.forbidden();
}

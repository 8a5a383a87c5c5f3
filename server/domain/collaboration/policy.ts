import { roles, type Role } from '../../../common/roles.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { errors } from '../../errors.ts';
import { loadCollaborationAccess, type CollaborationAccess } from './access.ts';
import { isNamedCoordinator } from './repo.ts';

/*
 * Who may do what with a collaboration. Scope first (access.ts: a
 * municipality that has not accepted sees nothing, 404), then the role (403).
 */

/** Those who start collaborations and run them: the municipality's coordinators and its tenant admin. */
const RUNNERS: Role[] = ['coordinator', 'tenant_admin'];
/** Civil society volunteers work beside one child; the structure above is for the organisations' staff. */
const READERS: Role[] = roles.filter((r) => r !== 'volunteer');

export const canCreate = (actor: Actor) => hasRole(actor, ...RUNNERS);
export const canRead = (actor: Actor) => hasRole(actor, ...READERS);
/** A municipality's coordinator or admin, or anyone the collaboration names its coordinator. */
export const canManage = (actor: Actor, access: CollaborationAccess) =>
  hasRole(actor, ...RUNNERS) || access.personRoles.includes('coordinator');
/** Only the invited municipality's own tenant admin answers its invitation. */
export const canRespond = (actor: Actor) => hasRole(actor, 'tenant_admin');

/*
 * The role is checked before the id is looked up: a role that could never be
 * allowed gets 403 whatever the id, which says nothing about its existence.
 */

export async function loadForRead(db: Db, actor: Actor, id: string): Promise<CollaborationAccess> {
  if (!canRead(actor)) throw errors.forbidden();
  const access = await loadCollaborationAccess(db, actor, id);
  if (!access) throw errors.notFound('collaboration');
  return access;
}

export async function loadForManage(db: Db, actor: Actor, id: string): Promise<CollaborationAccess> {
  const manageForbidden = () => errors.forbidden('Only the collaboration’s coordinators may change it.');
  if (!hasRole(actor, ...RUNNERS) && !(await isNamedCoordinator(db, actor.userId, id))) throw manageForbidden();
  const access = await loadForRead(db, actor, id);
  if (!canManage(actor, access)) throw manageForbidden();
  return access;
}

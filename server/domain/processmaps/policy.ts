import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { errors } from '../../errors.ts';
import type { CollaborationAccess } from '../collaboration/access.ts';
import { canManage, loadForRead } from '../collaboration/policy.ts';

/*
 * Process maps follow their collaboration's rule (collaboration/access.ts):
 * outside it, 404; any member reads (not volunteers, as at every level above
 * the child); the coordinators and the representatives of either level edit.
 */

export const canEdit = (actor: Actor, access: CollaborationAccess) =>
  canManage(actor, access) ||
  access.personRoles.some((r) => r === 'strategic_representative' || r === 'operational_representative');

export const readAccess = loadForRead;

export async function editAccess(db: Db, actor: Actor, id: string): Promise<CollaborationAccess> {
  const access = await loadForRead(db, actor, id);
  if (!canEdit(actor, access))
    throw errors.forbidden('Only the collaboration’s coordinators and representatives may change its maps.');
  return access;
}

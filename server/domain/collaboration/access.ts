import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { CollaborationPersonRole } from '../../../common/schemas/collaboration.ts';
import * as repo from './repo.ts';
import type { CollaborationRow } from './repo.ts';

export type { CollaborationRow };

// The lists of the actor's collaborations are plain statements of the repository; the other levels' domains
// (competence, followup, meetings) import them from here, beside the rule they go with.
export { coordinatedCollaborationIds, visibleCollaborationIds } from './repo.ts';

/** What the actor is in one collaboration: the base of every rule of the strategic and operational levels. */
export interface CollaborationAccess {
  collaboration: CollaborationRow;
  /** The collaboration's municipalities that have accepted (the owner always has). */
  tenantIds: string[];
  /** The actor's own roles in it (coordinator, representative at a level). */
  personRoles: CollaborationPersonRole[];
}

/**
 * The scope rule of the collaboration levels: a collaboration is visible to the
 * users of the municipalities that have accepted to take part, and to nobody
 * else (answered 404, like a child outside the hub). Every query of the
 * strategic and operational levels starts from an access built here.
 */
export async function loadCollaborationAccess(
  db: Db,
  actor: Actor,
  collaborationId: string,
): Promise<CollaborationAccess | null> {
  const rows = await repo.collaborationWithAcceptedTenants(db, collaborationId);
  const first = rows[0];
  if (!first) return null;
  const tenantIds = rows.map((r) => r.tenantId);
  if (!tenantIds.includes(actor.tenantId)) return null;
  const personRoles = await repo.openPersonRolesOf(db, collaborationId, actor.userId);
  return { collaboration: first.collaboration, tenantIds, personRoles };
}

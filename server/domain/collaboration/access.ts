import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { CollaborationPersonRole } from '../../../common/schemas/collaboration.ts';
import { collaborationPeople, collaborationTenants, collaborations } from './tables.ts';

export type CollaborationRow = typeof collaborations.$inferSelect;

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
  const rows = await db
    .select({ collaboration: collaborations, tenantId: collaborationTenants.tenantId })
    .from(collaborations)
    .innerJoin(collaborationTenants, eq(collaborationTenants.collaborationId, collaborations.id))
    .where(and(eq(collaborations.id, collaborationId), eq(collaborationTenants.status, 'accepted')));
  const first = rows[0];
  if (!first) return null;
  const tenantIds = rows.map((r) => r.tenantId);
  if (!tenantIds.includes(actor.tenantId)) return null;
  const people = await db
    .select({ role: collaborationPeople.role })
    .from(collaborationPeople)
    .where(
      and(
        eq(collaborationPeople.collaborationId, collaborationId),
        eq(collaborationPeople.userId, actor.userId),
        isNull(collaborationPeople.endedAt),
      ),
    );
  return { collaboration: first.collaboration, tenantIds, personRoles: people.map((p) => p.role) };
}

/** Ids of the collaborations the actor's municipality has accepted to take part in. */
export async function visibleCollaborationIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ id: collaborationTenants.collaborationId })
    .from(collaborationTenants)
    .where(and(eq(collaborationTenants.tenantId, actor.tenantId), eq(collaborationTenants.status, 'accepted')));
  return rows.map((r) => r.id);
}

/** The collaborations the actor coordinates: the coordinator's start page begins here. */
export async function coordinatedCollaborationIds(db: Db, actor: Actor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: collaborationPeople.collaborationId })
    .from(collaborationPeople)
    .where(
      and(
        inArray(collaborationPeople.collaborationId, ids),
        eq(collaborationPeople.userId, actor.userId),
        eq(collaborationPeople.role, 'coordinator'),
        isNull(collaborationPeople.endedAt),
      ),
    );
  return rows.map((r) => r.id);
}

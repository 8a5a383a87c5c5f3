import type { FollowupLevel } from '../../../common/schemas/followup.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { errors } from '../../errors.ts';
import { visibleCollaborationIds } from '../collaboration/access.ts';
import { loadLevels, runsLevel, type LevelAccess } from '../collaboration/operational/policy.ts';
import { findOrganisation } from './repo.ts';

/** Whose figures a request asks for, once the actor may read them. */
export interface FollowupScope {
  tenantIds: string[];
  organisationId?: string;
  /** Whose targets apply: the collaboration itself, or those of the actor's municipality. */
  collaborationIds: string[];
}

/**
 * Who reads which figures. Another municipality's organisation or a
 * collaboration the actor's municipality is not in is 404, as elsewhere,
 * before the role is looked at (a municipality's own id, no secret, after). The roles: a municipality's figures for its managers and
 * coordinators; an organisation's for its own managers and the municipality's
 * coordinators; a collaboration's for its coordinators and representatives of
 * either level, and managers (who plan from it, as from the needs mapping).
 */
export async function loadScope(db: Db, actor: Actor, level: FollowupLevel, id: string): Promise<FollowupScope> {
  switch (level) {
    case 'municipality': {
      // The role first: that another municipality exists is no secret, its figures are.
      if (!hasRole(actor, 'manager', 'coordinator')) throw errors.forbidden();
      if (id !== actor.tenantId) throw errors.notFound('municipality');
      return { tenantIds: [actor.tenantId], collaborationIds: await visibleCollaborationIds(db, actor) };
    }
    case 'organisation': {
      const org = await findOrganisation(db, id);
      if (!org || org.tenantId !== actor.tenantId) throw errors.notFound('organisation');
      const manages = actor.memberships.some((m) => m.role === 'manager' && m.organisationId === id);
      if (!manages && !hasRole(actor, 'coordinator')) throw errors.forbidden();
      return {
        tenantIds: [actor.tenantId],
        organisationId: id,
        collaborationIds: await visibleCollaborationIds(db, actor),
      };
    }
    case 'collaboration': {
      const a = await loadLevels(db, actor, id);
      const reads = runsLevel(a, 'strategic') || runsLevel(a, 'operational') || hasRole(actor, 'manager');
      if (!reads) throw errors.forbidden();
      return { tenantIds: a.tenantIds, collaborationIds: [id] };
    }
  }
}

/** The definitions are no secret: any staff member may read what an indicator counts. */
export function authorizeDefinitions(actor: Actor): void {
  if (actor.memberships.every((m) => m.role === 'volunteer')) throw errors.forbidden();
}

/** Targets are the strategic level's: its representatives and the collaboration's coordinators. */
export async function authorizeTargets(db: Db, actor: Actor, collaborationId: string): Promise<void> {
  const a = await loadLevels(db, actor, collaborationId);
  if (!runsLevel(a, 'strategic')) throw errors.forbidden();
}

/**
 * The yearly report is the strategic group's, as the targets are: its
 * representatives and the collaboration's coordinators (outside it: 404).
 */
export async function authorizeReport(db: Db, actor: Actor, collaborationId: string): Promise<LevelAccess> {
  const a = await loadLevels(db, actor, collaborationId);
  if (!runsLevel(a, 'strategic')) throw errors.forbidden();
  return a;
}

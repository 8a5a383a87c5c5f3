import type { CollaborationLevel } from '../../../../common/schemas/collaboration.ts';
import { hasRole, type Actor } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import { errors } from '../../../errors.ts';
import { loadCollaborationAccess, type CollaborationAccess } from '../access.ts';

/**
 * The rules of both levels above the child. Scope is the collaboration
 * (`loadCollaborationAccess`: outside → 404); roles decide within it (403).
 */
export interface LevelAccess extends CollaborationAccess {
  actor: Actor;
}

export async function loadLevels(db: Db, actor: Actor, collaborationId: string): Promise<LevelAccess> {
  const access = await loadCollaborationAccess(db, actor, collaborationId);
  if (!access) throw errors.notFound('collaboration');
  return { ...access, actor };
}

/** Staff: every role but civil society's volunteers, who see only their narrow view of a hub. */
export const isStaff = (actor: Actor): boolean => actor.memberships.some((m) => m.role !== 'volunteer');

/** Runs a level: a coordinator (by role or in this collaboration) or the level's representative. */
export function runsLevel(a: LevelAccess, level: CollaborationLevel): boolean {
  if (hasRole(a.actor, 'coordinator') || a.personRoles.includes('coordinator')) return true;
  return a.personRoles.includes(level === 'strategic' ? 'strategic_representative' : 'operational_representative');
}

const rules = {
  /** Read the levels, raise questions, confirm reading routines: any staff member. */
  read: (a: LevelAccess) => isStaff(a.actor),
  raise: (a: LevelAccess) => isStaff(a.actor),
  runForum: (a: LevelAccess) => runsLevel(a, 'operational'),
  runStrategic: (a: LevelAccess) => runsLevel(a, 'strategic'),
  /** The needs mapping: the strategic level and managers, who plan from it. */
  needs: (a: LevelAccess) => runsLevel(a, 'strategic') || hasRole(a.actor, 'manager'),
  /** Who of their staff has not read: managers. */
  staffReads: (a: LevelAccess) => hasRole(a.actor, 'manager'),
  /** Feedback to staff after a forum meeting: the forum's representatives. */
  feedback: (a: LevelAccess) => a.personRoles.includes('operational_representative'),
};
export type LevelAction = keyof typeof rules;

export function can(a: LevelAccess, action: LevelAction): boolean {
  return rules[action](a);
}

export function authorize(a: LevelAccess, action: LevelAction): void {
  if (!rules[action](a)) throw errors.forbidden();
}

/** The level's runner for a level given as data (routines, series, barriers). */
export function authorizeRun(a: LevelAccess, level: CollaborationLevel): void {
  authorize(a, level === 'strategic' ? 'runStrategic' : 'runForum');
}

/** Organisations the actor manages: "their staff" are the users with a membership there. */
export const managedOrganisations = (actor: Actor): string[] =>
  actor.memberships.filter((m) => m.role === 'manager').map((m) => m.organisationId);

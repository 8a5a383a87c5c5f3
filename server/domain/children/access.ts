import { coreHubRoles, type ChildView, type HubRole } from '../../../common/schemas/children.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { errors } from '../../errors.ts';
import * as repo from './repo.ts';
import { isVolunteerOnly } from './scope.ts';

/**
 * Everything a rule about one child needs: the child (already scope-checked),
 * the hub's open memberships, the actor's own among them, and how much the
 * actor sees. Loaded once per request inside its transaction.
 */
export interface ChildAccess {
  actor: Actor;
  child: repo.ChildRow;
  /** Open memberships of the hub. */
  members: repo.HubMemberRow[];
  /** The actor's own open memberships in this hub (empty for a manager). */
  mine: repo.HubMemberRow[];
  view: ChildView;
}

/** Full or narrow, from data already loaded. Mirrors `fullyVisibleChildren` in scope.ts. */
export function viewOf(actor: Actor, members: repo.HubMemberRow[]): ChildView {
  if (isVolunteerOnly(actor)) return 'narrow';
  const managed = new Set(actor.memberships.filter((m) => m.role === 'manager').map((m) => m.organisationId));
  const full = members.some(
    (m) => m.hubRole !== 'civil_society' && (m.userId === actor.userId || managed.has(m.organisationId)),
  );
  return full ? 'full' : 'narrow';
}

export function accessFrom(actor: Actor, child: repo.ChildRow, allMembers: repo.HubMemberRow[]): ChildAccess {
  const members = allMembers.filter((m) => m.childId === child.id);
  return {
    actor,
    child,
    members,
    mine: members.filter((m) => m.userId === actor.userId),
    view: viewOf(actor, members),
  };
}

/** The child if the actor sees it, with its hub; outside scope → 404. */
export async function loadAccess(tx: Db, actor: Actor, childId: string): Promise<ChildAccess> {
  const child = await repo.findVisible(tx, actor, childId);
  if (!child) throw errors.notFound('child');
  return accessFrom(actor, child, await repo.activeHubMembers(tx, [child.id]));
}

export function missingCoreRoles(members: { hubRole: string }[]): HubRole[] {
  const present = new Set(members.map((m) => m.hubRole));
  return coreHubRoles.filter((r) => !present.has(r));
}

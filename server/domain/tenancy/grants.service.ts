import { needsApproval, type Role } from '../../../common/roles.ts';
import type { RoleGrant, RoleGrantList } from '../../../common/schemas/tenancy.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { notify } from '../../notify/index.ts';
import { authorize } from './policy.ts';
import { presentGrant } from './presenter.ts';
import * as repo from './repo.ts';

/*
 * A role that opens children's data, or the admin role, is granted by two tenant admins: one requests, another
 * approves (`approvalRoles` in common/roles.ts). Nobody requests such a role for themselves or approves their own
 * request; every request and decision is audited and told to the municipality's other admins. The CLI's
 * `admin create` (the first admin of a tenant) is the one direct way, and it is audited as such.
 */

const GRANTS_LINK = '/admin/grants';

/**
 * Whether the role is given at once. Roles without children's data always are. One exception makes the rule
 * livable: a municipality whose only active admin is the actor (as `admin create` leaves it) may name a second
 * admin directly — never themselves — since nobody else could approve; from then on two admins decide.
 */
export async function givenDirectly(tx: Db, actor: Actor, userId: string, role: Role): Promise<boolean> {
  if (!needsApproval(role)) return true;
  if (role !== 'tenant_admin' || userId === actor.userId) return false;
  const admins = await repo.activeAdminIds(tx, actor.tenantId);
  return admins.length === 1 && admins[0] === actor.userId;
}

const grantToSelf = () =>
  new AppError(403, 'grant_to_self', 'Another tenant admin must request and approve a role for you.');

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Tells every other active admin of the tenant; params hold keys only (server/notify/README.md). */
async function tellOtherAdmins(tx: Db, actor: Actor, kind: string, grant: repo.GrantRow): Promise<void> {
  const admins = (await repo.activeAdminIds(tx, actor.tenantId)).filter((id) => id !== actor.userId);
  await notify(tx, {
    tenantId: actor.tenantId,
    userIds: admins,
    kind,
    params: { role: grant.role },
    link: GRANTS_LINK,
    urgency: 'normal',
    sourceId: grant.id,
  });
}

/**
 * Requests roles for a user, inside the caller's transaction: one pending grant each, audited, the other admins
 * told. The caller has checked that the organisations are the tenant's.
 */
export async function requestGrants(
  tx: Db,
  actor: Actor,
  userId: string,
  wanted: { organisationId: string; role: Role }[],
): Promise<repo.GrantRow[]> {
  if (wanted.length > 0 && userId === actor.userId) throw grantToSelf();
  const created: repo.GrantRow[] = [];
  for (const w of wanted) {
    if (await repo.activeMembershipExists(tx, userId, w.organisationId, w.role))
      throw errors.conflict('membership_exists', 'The user already holds this role in this organisation.');
    if (await repo.pendingGrantExists(tx, userId, w.organisationId, w.role)) throw grantPending();
    try {
      created.push(await repo.insertGrant(tx, { tenantId: actor.tenantId, userId, requestedBy: actor.userId, ...w }));
    } catch (err) {
      if (isUniqueViolation(err)) throw grantPending();
      throw err;
    }
  }
  for (const g of created) await tellOtherAdmins(tx, actor, 'grants.requested', g);
  await audit(
    tx,
    created.map((g) => ({
      action: 'tenancy.grant_requested',
      entity: 'role_grant',
      entityId: g.id,
      detail: { userId, organisationId: g.organisationId, role: g.role },
    })),
  );
  return created;
}

const grantPending = () =>
  errors.conflict('grant_pending', 'This role has already been requested for the user and waits for approval.');

/** Grants waiting for a decision, oldest first. */
export async function listPendingGrants(deps: Deps, actor: Actor): Promise<RoleGrantList> {
  authorize(actor, 'listUsers');
  const rows = await repo.grantsWithNames(deps.db, actor.tenantId, repo.pendingGrants());
  return { items: rows.map((g) => presentGrant(g, actor)) };
}

async function pendingGrant(tx: Db, actor: Actor, id: string): Promise<repo.GrantWithNames> {
  const [g] = await repo.grantsWithNames(tx, actor.tenantId, repo.grantById(id));
  if (!g) throw errors.notFound('grant');
  if (g.grant.status !== 'pending') throw grantDecided();
  return g;
}

const grantDecided = () => errors.conflict('grant_decided', 'This request has already been decided.');

async function reread(tx: Db, actor: Actor, id: string): Promise<RoleGrant> {
  const [g] = await repo.grantsWithNames(tx, actor.tenantId, repo.grantById(id));
  if (!g) throw errors.notFound('grant');
  return presentGrant(g, actor);
}

/** A second admin approves: the membership is created, the request closed, the other admins told. */
export async function approveGrant(deps: Deps, actor: Actor, id: string): Promise<RoleGrant> {
  authorize(actor, 'decideGrants');
  return deps.db.transaction(async (tx) => {
    const { grant } = await pendingGrant(tx, actor, id);
    if (grant.userId === actor.userId) throw grantToSelf();
    if (grant.requestedBy === actor.userId)
      throw new AppError(403, 'grant_own_request', 'Another tenant admin must approve your request.');
    const user = await repo.findUser(tx, actor.tenantId, grant.userId);
    if (!user || user.disabledAt)
      throw errors.conflict('user_disabled', 'The account is disabled; reject the request instead.');
    if (await repo.activeMembershipExists(tx, grant.userId, grant.organisationId, grant.role))
      throw errors.conflict('membership_exists', 'The user already holds this role in this organisation.');
    const [membershipId] = await repo.insertMemberships(tx, [
      { tenantId: actor.tenantId, userId: grant.userId, organisationId: grant.organisationId, role: grant.role },
    ]);
    const decided = await repo.decideGrant(tx, grant.id, {
      status: 'approved',
      decidedBy: actor.userId,
      decidedAt: new Date(),
      membershipId: membershipId ?? null,
    });
    if (!decided) throw grantDecided();
    await tellOtherAdmins(tx, actor, 'grants.approved', decided);
    const detail = { userId: grant.userId, organisationId: grant.organisationId, role: grant.role };
    await audit(tx, [
      { action: 'tenancy.grant_approved', entity: 'role_grant', entityId: grant.id, detail },
      {
        action: 'tenancy.membership_added',
        entity: 'membership',
        entityId: membershipId ?? null,
        detail: { ...detail, grantId: grant.id, requestedBy: grant.requestedBy },
      },
    ]);
    return reread(tx, actor, grant.id);
  });
}

/** Any admin may reject a pending request, the requester too (a withdrawal): rejecting grants nothing. */
export async function rejectGrant(deps: Deps, actor: Actor, id: string): Promise<RoleGrant> {
  authorize(actor, 'decideGrants');
  return deps.db.transaction(async (tx) => {
    const { grant } = await pendingGrant(tx, actor, id);
    const decided = await repo.decideGrant(tx, grant.id, {
      status: 'rejected',
      decidedBy: actor.userId,
      decidedAt: new Date(),
      membershipId: null,
    });
    if (!decided) throw grantDecided();
    await tellOtherAdmins(tx, actor, 'grants.rejected', decided);
    await audit(tx, {
      action: 'tenancy.grant_rejected',
      entity: 'role_grant',
      entityId: grant.id,
      detail: {
        userId: grant.userId,
        organisationId: grant.organisationId,
        role: grant.role,
        withdrawn: grant.requestedBy === actor.userId,
      },
    });
    return reread(tx, actor, grant.id);
  });
}

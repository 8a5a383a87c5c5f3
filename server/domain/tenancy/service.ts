import type {
  AdminUser,
  CreateUserBody,
  MembershipBody,
  Organisation,
  OrganisationBody,
  TenantSettings,
  TenantSettingsBody,
  UserList,
  UserListQuery,
} from '../../../common/schemas/tenancy.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { revokeAllSessions } from '../auth/sessions.ts';
import { givenDirectly, requestGrants } from './grants.service.ts';
import { authorize } from './policy.ts';
import { presentGrant, presentOrganisation, presentTenant, presentUser } from './presenter.ts';
import * as repo from './repo.ts';

const emailTaken = () => errors.conflict('email_taken', 'A user with this e-mail address already exists.');

/** A unique index said no (two admins creating the same e-mail at once). */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function grantsOf(tx: Db, actor: Actor, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await repo.grantsWithNames(tx, actor.tenantId, repo.pendingGrants(userIds));
  return rows.map((g) => presentGrant(g, actor));
}

async function userView(tx: Db, actor: Actor, userId: string): Promise<AdminUser> {
  const user = await repo.findUser(tx, actor.tenantId, userId);
  if (!user) throw errors.notFound('user');
  return presentUser(
    user,
    await repo.membershipsOf(tx, actor.tenantId, [user.id]),
    await grantsOf(tx, actor, [user.id]),
  );
}

/** The tenant must always keep someone who can administer it. Call after the change, inside its transaction. */
async function assertAdminRemains(tx: Db, tenantId: string): Promise<void> {
  if ((await repo.activeAdminIds(tx, tenantId)).length === 0)
    throw errors.conflict('last_admin', 'This would leave the tenant without an active tenant admin.');
}

export async function listOrganisations(deps: Deps, actor: Actor): Promise<Organisation[]> {
  authorize(actor, 'listOrganisations');
  const rows = await repo.listOrganisations(deps.db, actor.tenantId);
  return rows.map(presentOrganisation);
}

export async function createOrganisation(deps: Deps, actor: Actor, body: OrganisationBody): Promise<Organisation> {
  authorize(actor, 'createOrganisation');
  return deps.db.transaction(async (tx) => {
    if (await repo.organisationNamed(tx, actor.tenantId, body.name))
      throw errors.conflict('organisation_exists', 'An organisation with this name already exists.');
    const row = await repo.insertOrganisation(tx, { tenantId: actor.tenantId, ...body });
    await audit(tx, {
      action: 'tenancy.organisation_created',
      entity: 'organisation',
      entityId: row.id,
      detail: { name: row.name, principalType: row.principalType },
    });
    return presentOrganisation(row);
  });
}

export async function listUsers(deps: Deps, actor: Actor, query: UserListQuery): Promise<UserList> {
  authorize(actor, 'listUsers');
  return deps.db.transaction(async (tx) => {
    const { rows, total } = await repo.listUsers(tx, actor.tenantId, query);
    const memberships = await repo.membershipsOf(
      tx,
      actor.tenantId,
      rows.map((u) => u.id),
    );
    const grants = await grantsOf(
      tx,
      actor,
      rows.map((u) => u.id),
    );
    return {
      items: rows.map((u) => presentUser(u, memberships, grants)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

export async function getUser(deps: Deps, actor: Actor, userId: string): Promise<AdminUser> {
  authorize(actor, 'listUsers');
  return deps.db.transaction((tx) => userView(tx, actor, userId));
}

/** Organisation ids that are not the tenant's, as issues at their field paths. */
async function foreignOrganisations(tx: Db, actor: Actor, ids: { path: string; id: string }[]): Promise<Issue[]> {
  const own = await repo.organisationIdsInTenant(
    tx,
    actor.tenantId,
    ids.map((i) => i.id),
  );
  // Unknown and other tenants' organisations get the same answer: nothing leaks.
  return ids.filter((i) => !own.has(i.id)).map((i) => ({ path: i.path, message: 'No such organisation.' }));
}

export async function createUser(deps: Deps, actor: Actor, body: CreateUserBody): Promise<AdminUser> {
  authorize(actor, 'createUser');
  const issues: Issue[] = [];
  const problem = passwordProblem(body.password);
  if (problem) issues.push({ path: 'body.password', message: problem });
  // Hashing is slow on purpose: done before the transaction, which stays short.
  const passwordHash = problem ? null : await hashPassword(body.password);
  try {
    return await deps.db.transaction(async (tx) => {
      issues.push(
        ...(await foreignOrganisations(
          tx,
          actor,
          body.memberships.map((m, i) => ({ path: `body.memberships.${i}.organisationId`, id: m.organisationId })),
        )),
      );
      if (issues.length > 0 || !passwordHash) throw errors.validation(issues);
      if (await repo.emailTaken(tx, body.email)) throw emailTaken();
      const user = await repo.insertUser(tx, {
        tenantId: actor.tenantId,
        email: body.email,
        displayName: body.displayName,
        passwordHash,
      });
      const unique = [...new Map(body.memberships.map((m) => [`${m.organisationId}/${m.role}`, m])).values()];
      // Roles that open children's data, or the admin role, wait for a second admin (grants.service.ts).
      const direct: typeof unique = [];
      const asked: typeof unique = [];
      for (const m of unique) ((await givenDirectly(tx, actor, user.id, m.role)) ? direct : asked).push(m);
      await repo.insertMemberships(
        tx,
        direct.map((m) => ({ tenantId: actor.tenantId, userId: user.id, ...m })),
      );
      const requested = await requestGrants(tx, actor, user.id, asked);
      await audit(tx, {
        action: 'tenancy.user_created',
        entity: 'user',
        entityId: user.id,
        detail: { email: user.email, memberships: direct, requestedGrants: requested.map((g) => g.id) },
      });
      return userView(tx, actor, user.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

export async function addMembership(
  deps: Deps,
  actor: Actor,
  userId: string,
  body: MembershipBody,
): Promise<AdminUser> {
  authorize(actor, 'changeMemberships');
  return deps.db.transaction(async (tx) => {
    if (!(await repo.findUser(tx, actor.tenantId, userId))) throw errors.notFound('user');
    const issues = await foreignOrganisations(tx, actor, [{ path: 'body.organisationId', id: body.organisationId }]);
    if (issues.length > 0) throw errors.validation(issues);
    if (!(await givenDirectly(tx, actor, userId, body.role))) {
      // Requested, not given: a second admin approves (grants.service.ts audits the request).
      await requestGrants(tx, actor, userId, [body]);
      return userView(tx, actor, userId);
    }
    if (await repo.activeMembershipExists(tx, userId, body.organisationId, body.role))
      throw errors.conflict('membership_exists', 'The user already holds this role in this organisation.');
    const [id] = await repo.insertMemberships(tx, [{ tenantId: actor.tenantId, userId, ...body }]);
    await audit(tx, {
      action: 'tenancy.membership_added',
      entity: 'membership',
      entityId: id ?? null,
      detail: { userId, ...body },
    });
    return userView(tx, actor, userId);
  });
}

export async function endMembership(
  deps: Deps,
  actor: Actor,
  userId: string,
  membershipId: string,
): Promise<AdminUser> {
  authorize(actor, 'changeMemberships');
  return deps.db.transaction(async (tx) => {
    if (!(await repo.findUser(tx, actor.tenantId, userId))) throw errors.notFound('user');
    const membership = await repo.findMembership(tx, actor.tenantId, userId, membershipId);
    if (!membership) throw errors.notFound('membership');
    if (membership.endedAt) throw errors.conflict('membership_ended', 'This membership has already ended.');
    await repo.endMembership(tx, membership.id);
    await assertAdminRemains(tx, actor.tenantId);
    await audit(tx, {
      action: 'tenancy.membership_ended',
      entity: 'membership',
      entityId: membership.id,
      detail: { userId, organisationId: membership.organisationId, role: membership.role },
    });
    return userView(tx, actor, userId);
  });
}

/** Disables the account and ends every session it has, so it is out at once. */
export async function disableUser(deps: Deps, actor: Actor, userId: string): Promise<AdminUser> {
  authorize(actor, 'disableUser');
  return deps.db.transaction(async (tx) => {
    const user = await repo.findUser(tx, actor.tenantId, userId);
    if (!user) throw errors.notFound('user');
    if (user.id === actor.userId)
      throw errors.conflict('cannot_disable_self', 'Ask another tenant admin to disable your account.');
    const newlyDisabled = user.disabledAt === null;
    if (newlyDisabled) await repo.updateUser(tx, actor.tenantId, user.id, { disabledAt: new Date() });
    const sessions = await revokeAllSessions(tx, user.id);
    await assertAdminRemains(tx, actor.tenantId);
    if (newlyDisabled || sessions > 0)
      await audit(tx, { action: 'tenancy.user_disabled', entity: 'user', entityId: user.id, detail: { sessions } });
    return userView(tx, actor, user.id);
  });
}

export async function getSettings(deps: Deps, actor: Actor): Promise<TenantSettings> {
  authorize(actor, 'readSettings');
  const tenant = await repo.findTenant(deps.db, actor.tenantId);
  if (!tenant) throw errors.notFound('tenant');
  return presentTenant(tenant);
}

export async function updateSettings(deps: Deps, actor: Actor, body: TenantSettingsBody): Promise<TenantSettings> {
  authorize(actor, 'changeSettings');
  return deps.db.transaction(async (tx) => {
    const before = await repo.findTenant(tx, actor.tenantId);
    if (!before) throw errors.notFound('tenant');
    const after = await repo.updateTenant(tx, actor.tenantId, { requireTotp: body.requireTotp });
    if (!after) throw errors.notFound('tenant');
    await audit(tx, {
      action: 'tenancy.settings_changed',
      entity: 'tenant',
      entityId: actor.tenantId,
      detail: { requireTotp: { from: before.requireTotp, to: after.requireTotp } },
    });
    return presentTenant(after);
  });
}

import type { LoginBody, LoginResponse, MeResponse, TotpEnrollment } from '../../../common/schemas/auth.ts';
import { PrincipalType, Role } from '../../../common/roles.ts';
import { audit } from '../../audit/write.ts';
import { currentContext, type Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { abilitiesFor } from './policy.ts';
import { assertPasswordLogin } from './oidc-service.ts';
import { dummyVerify, verifyPassword } from './passwords.ts';
import * as repo from './repo.ts';
import { activateSession, createSession, revokeAllSessions, revokeSession, type SessionRow } from './sessions.ts';
import { accountKey, assertMayTry, forgiveAddress, recordFailure, throttled } from './throttle.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The e-mail address or password is wrong.');

// ---- failed sign-ins: throttled per account and address (throttle.ts) ----------------------

/** The client's address as the throttle keys it (the socket's, or as the trusted proxies say). */
const clientIp = (ip: string | null) => ip ?? 'unknown';

/**
 * Records a failed password and answers exactly as for any other account,
 * known or not: 401, or 429 once this address must wait.
 */
async function failPassword(deps: Deps, key: string, ip: string, user: repo.UserRow | null): Promise<never> {
  const wait = await deps.db.transaction((tx) =>
    recordFailure(tx, { key, ip, kind: 'password', user: user && { id: user.id, tenantId: user.tenantId } }),
  );
  throw wait > 0 ? throttled(wait) : invalidCredentials();
}

/** Records a wrong TOTP code: 400 at the field, or 429 once this address must wait. */
async function failTotp(deps: Deps, user: repo.UserRow): Promise<never> {
  const wait = await deps.db.transaction((tx) =>
    recordFailure(tx, {
      key: accountKey(user.email),
      ip: clientIp(currentContext().ip),
      kind: 'totp',
      user: { id: user.id, tenantId: user.tenantId },
    }),
  );
  throw wait > 0 ? throttled(wait) : wrongCode();
}

/** Before a TOTP code is checked: the same wait as for passwords, per account and address. */
const assertTotpMayTry = (deps: Deps, user: repo.UserRow) =>
  assertMayTry(deps.db, accountKey(user.email), clientIp(currentContext().ip));

// ---------------------------------------------------------------------------------------------

/**
 * Password login. An unknown or disabled account takes the same path as a known
 * one (a dummy hash verified, a failure recorded and audited), so neither the
 * answer nor its time tells which addresses have accounts.
 */
export async function login(
  deps: Deps,
  input: LoginBody,
  ipOrNull: string | null,
): Promise<{ response: LoginResponse; token: string }> {
  const ip = clientIp(ipOrNull);
  const key = accountKey(input.email);
  await assertMayTry(deps.db, key, ip);
  const found = await repo.findUserByEmail(deps.db, input.email);
  const user = found && !found.disabledAt ? found : null;
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await dummyVerify(input.password);
  if (!user || !ok) return failPassword(deps, key, ip, user);
  await assertPasswordLogin(deps, user);
  const tenant = await repo.findTenant(deps.db, user.tenantId);
  if (!tenant) throw invalidCredentials();
  const needsTotp = user.totpEnabled || tenant.requireTotp;
  const stage: LoginResponse['stage'] = !needsTotp ? 'done' : user.totpEnabled ? 'totp' : 'totp_enroll';

  const session = await deps.db.transaction(async (tx) => {
    await forgiveAddress(tx, key, ip);
    const created = await createSession(
      tx,
      { userId: user.id, tenantId: user.tenantId, stage: stage === 'done' ? 'active' : 'totp', ip },
      { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours },
    );
    await audit(tx, {
      action: stage === 'done' ? 'auth.login' : 'auth.password_ok',
      entity: 'session',
      entityId: created.id.slice(0, 16),
      tenantId: user.tenantId,
      actorUserId: user.id,
      detail: { stage },
    });
    return created;
  });
  return { response: { stage, csrfToken: session.csrfToken }, token: session.token };
}

async function pendingUser(deps: Deps, session: SessionRow): Promise<repo.UserRow> {
  const user = await repo.findUser(deps.db, session.userId);
  if (!user || user.disabledAt) throw errors.unauthenticated();
  return user;
}

const wrongCode = () => errors.validation([{ path: 'body.code', message: 'The code is wrong or already used.' }]);

/** The second step of login: a code from the user's authenticator. */
export async function verifyLoginTotp(deps: Deps, session: SessionRow, code: string): Promise<void> {
  if (session.stage === 'active') return;
  const user = await pendingUser(deps, session);
  if (!user.totpEnabled || !user.totpSecret)
    throw errors.badRequest('totp_not_enrolled', 'Set up an authenticator app first.');
  await assertTotpMayTry(deps, user);
  const step = await checkTotp(user.totpSecret, code, user.totpLastStep);
  if (step === null) return failTotp(deps, user);
  await deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpLastStep: step });
    await activateSession(tx, session.id, deps.config.sessionAbsoluteHours);
    await audit(tx, {
      action: 'auth.login',
      entity: 'session',
      entityId: session.id.slice(0, 16),
      tenantId: user.tenantId,
      actorUserId: user.id,
      detail: { totp: true },
    });
  });
}

/** Starts TOTP set-up: a new secret, not yet in force until confirmed with a code. */
export async function startEnrollment(deps: Deps, session: SessionRow): Promise<TotpEnrollment> {
  const user = await pendingUser(deps, session);
  if (user.totpEnabled)
    throw errors.conflict('totp_already_enabled', 'An authenticator is already set up for this account.');
  const secret = newTotpSecret();
  await repo.updateUser(deps.db, user.id, { totpSecret: secret });
  return { secret, uri: totpUri(secret, user.email) };
}

export async function confirmEnrollment(deps: Deps, session: SessionRow, code: string): Promise<void> {
  const user = await pendingUser(deps, session);
  if (user.totpEnabled)
    throw errors.conflict('totp_already_enabled', 'An authenticator is already set up for this account.');
  if (!user.totpSecret) throw errors.badRequest('totp_not_started', 'Start the set-up first.');
  await assertTotpMayTry(deps, user);
  const step = await checkTotp(user.totpSecret, code, null);
  if (step === null) return failTotp(deps, user);
  await deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpEnabled: true, totpLastStep: step });
    if (session.stage !== 'active') await activateSession(tx, session.id, deps.config.sessionAbsoluteHours);
    await audit(tx, {
      action: 'auth.totp_enrolled',
      entity: 'user',
      entityId: user.id,
      tenantId: user.tenantId,
      actorUserId: user.id,
    });
  });
}

export async function logout(deps: Deps, session: SessionRow): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, session.id);
    await audit(tx, {
      action: 'auth.logout',
      entity: 'session',
      entityId: session.id.slice(0, 16),
      tenantId: session.tenantId,
      actorUserId: session.userId,
    });
  });
}

/** Ends every session of the user, on every device: a stolen cookie stops working. */
export async function logoutEverywhere(deps: Deps, session: SessionRow): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const count = await revokeAllSessions(tx, session.userId);
    await audit(tx, {
      action: 'auth.logout_all',
      entity: 'user',
      entityId: session.userId,
      tenantId: session.tenantId,
      actorUserId: session.userId,
      detail: { sessions: count },
    });
    return count;
  });
}

export async function me(deps: Deps, actor: Actor, csrfToken: string): Promise<MeResponse> {
  // Outside a transaction: the pool runs these on separate connections.
  const [user, tenant, memberships] = await Promise.all([
    repo.findUser(deps.db, actor.userId),
    repo.findTenant(deps.db, actor.tenantId),
    repo.activeMembershipsWithOrg(deps.db, actor.userId),
  ]);
  if (!user || !tenant) throw errors.unauthenticated();
  return {
    user: {
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      locale: user.locale,
      totpEnabled: user.totpEnabled,
    },
    tenant: { id: tenant.id, name: tenant.name, isDemo: tenant.isDemo, requireTotp: tenant.requireTotp },
    memberships: memberships.map((m) => ({
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      principalType: PrincipalType.parse(m.principalType),
      role: Role.parse(m.role),
    })),
    csrfToken,
    abilities: abilitiesFor(actor),
  };
}

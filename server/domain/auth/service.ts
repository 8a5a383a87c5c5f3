import type { LoginBody, LoginResponse, MeResponse, TotpEnrollment } from '../../../common/schemas/auth.ts';
import { PrincipalType, Role } from '../../../common/roles.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { abilitiesFor } from './policy.ts';
import { dummyVerify, verifyPassword } from './passwords.ts';
import * as repo from './repo.ts';
import { activateSession, createSession, revokeAllSessions, revokeSession, type SessionRow } from './sessions.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The e-mail address or password is wrong.');
const locked = (until: Date) =>
  new AppError(429, 'account_locked', 'Too many failed attempts. The account is locked for a while.', undefined, {
    'retry-after': String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000))),
  });

/** Counts a failed attempt and locks the account after too many. Returns the lock time if it locked. */
async function recordFailure(deps: Deps, user: repo.UserRow, action: string): Promise<Date | null> {
  return deps.db.transaction(async (tx) => {
    const failures = user.failedLogins + 1;
    const lockUntil = failures >= MAX_FAILURES ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
    await repo.updateUser(tx, user.id, {
      failedLogins: lockUntil ? 0 : failures,
      ...(lockUntil ? { lockedUntil: lockUntil } : {}),
    });
    await audit(tx, {
      action,
      entity: 'user',
      entityId: user.id,
      tenantId: user.tenantId,
      actorUserId: user.id,
      detail: { failures, locked: lockUntil !== null },
    });
    return lockUntil;
  });
}

export async function login(
  deps: Deps,
  input: LoginBody,
  ip: string | null,
): Promise<{ response: LoginResponse; token: string }> {
  const user = await repo.findUserByEmail(deps.db, input.email);
  if (!user || user.disabledAt) {
    await dummyVerify(input.password);
    await deps.db.transaction((tx) =>
      audit(tx, {
        action: 'auth.login_failed',
        entity: 'user',
        tenantId: null,
        actorUserId: null,
        detail: { reason: 'unknown_user' },
      }),
    );
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await deps.db.transaction((tx) =>
      audit(tx, {
        action: 'auth.login_blocked',
        entity: 'user',
        entityId: user.id,
        tenantId: user.tenantId,
        actorUserId: user.id,
      }),
    );
    throw locked(user.lockedUntil);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockedUntil = await recordFailure(deps, user, 'auth.login_failed');
    if (lockedUntil) throw locked(lockedUntil);
    throw invalidCredentials();
  }
  const tenant = await repo.findTenant(deps.db, user.tenantId);
  if (!tenant) throw invalidCredentials();
  const needsTotp = user.totpEnabled || tenant.requireTotp;
  const stage: LoginResponse['stage'] = !needsTotp ? 'done' : user.totpEnabled ? 'totp' : 'totp_enroll';

  const session = await deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
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
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw locked(user.lockedUntil);
  return user;
}

const wrongCode = () => errors.validation([{ path: 'body.code', message: 'The code is wrong or already used.' }]);

/** The second step of login: a code from the user's authenticator. */
export async function verifyLoginTotp(deps: Deps, session: SessionRow, code: string): Promise<void> {
  if (session.stage === 'active') return;
  const user = await pendingUser(deps, session);
  if (!user.totpEnabled || !user.totpSecret)
    throw errors.badRequest('totp_not_enrolled', 'Set up an authenticator app first.');
  const step = await checkTotp(user.totpSecret, code, user.totpLastStep);
  if (step === null) {
    const lockedUntil = await recordFailure(deps, user, 'auth.totp_failed');
    if (lockedUntil) throw locked(lockedUntil);
    throw wrongCode();
  }
  await deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpLastStep: step, failedLogins: 0 });
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
  const step = await checkTotp(user.totpSecret, code, null);
  if (step === null) {
    const lockedUntil = await recordFailure(deps, user, 'auth.totp_failed');
    if (lockedUntil) throw locked(lockedUntil);
    throw wrongCode();
  }
  await deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpEnabled: true, totpLastStep: step, failedLogins: 0 });
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

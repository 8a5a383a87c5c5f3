import type { LoginThrottleReport } from '../../../common/schemas/login-throttle.ts';
import { audit } from '../../audit/write.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import * as repo from './repo.ts';
import { THROTTLE, accountKey, underAttack, waitSeconds } from './throttle.ts';

/** The tenant admin's view of failed sign-ins on one account, and the unlock. */

async function userOfTenant(db: Db, actor: Actor, userId: string): Promise<repo.UserRow> {
  if (!hasRole(actor, 'tenant_admin')) throw errors.forbidden('Only tenant admins see and clear failed sign-ins.');
  const user = await repo.findUser(db, userId);
  if (!user || user.tenantId !== actor.tenantId) throw errors.notFound('user');
  return user;
}

async function report(db: Db, user: repo.UserRow, now: Date): Promise<LoginThrottleReport> {
  const key = accountKey(user.email);
  const keepSince = new Date(now.getTime() - THROTTLE.keepHours * 3_600_000);
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const [byAddress, recent] = [
    await repo.failuresByAddress(db, key, keepSince, windowStart),
    await repo.recentLoginFailures(db, key, keepSince, 20),
  ];
  const account = byAddress.reduce((sum, a) => sum + a.inWindow, 0);
  const since = byAddress.reduce<Date | null>((min, a) => (min === null || a.firstAt < min ? a.firstAt : min), null);
  return {
    underAttackUntil:
      underAttack({ account }) && user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    failuresInWindow: account,
    windowMinutes: THROTTLE.windowMinutes,
    since: since?.toISOString() ?? null,
    addresses: byAddress.map((a) => ({
      ip: a.ip,
      failures: a.failures,
      firstAt: a.firstAt.toISOString(),
      lastAt: a.lastAt.toISOString(),
      waitSeconds: waitSeconds({ pair: a.inWindow, pairLastAt: a.lastAt, account }, now),
    })),
    recent: recent.map((r) => ({ at: r.at.toISOString(), ip: r.ip, kind: r.kind })),
  };
}

export async function loginThrottleReport(deps: Deps, actor: Actor, userId: string): Promise<LoginThrottleReport> {
  const user = await userOfTenant(deps.db, actor, userId);
  return report(deps.db, user, new Date());
}

/** Forgets the account's failures, so no address waits any longer. Audited with what was cleared. */
export async function unlockAccount(deps: Deps, actor: Actor, userId: string): Promise<LoginThrottleReport> {
  return deps.db.transaction(async (tx) => {
    const user = await userOfTenant(tx, actor, userId);
    const before = await report(tx, user, new Date());
    const cleared = await repo.clearAccountFailures(tx, accountKey(user.email));
    await repo.updateUser(tx, user.id, { lockedUntil: null, failedLogins: 0 });
    await audit(tx, {
      action: 'auth.account_unlocked',
      entity: 'user',
      entityId: user.id,
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      detail: {
        failuresCleared: cleared,
        addresses: before.addresses.length,
        wasUnderAttack: before.underAttackUntil !== null,
      },
    });
    return report(tx, user, new Date());
  });
}

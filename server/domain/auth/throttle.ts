import { createHash } from 'node:crypto';
import { audit } from '../../audit/write.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../errors.ts';
import { enqueue, registerJob } from '../../jobs/index.ts';
import { sendAccountAlert } from '../../notify/mail.ts';
import * as repo from './repo.ts';

/**
 * Failed sign-ins slow down the address that fails, never the account as a
 * whole: guesses from elsewhere cannot lock the owner out (README.md here).
 */
export const THROTTLE = {
  /** Failures older than this no longer count. */
  windowMinutes: 60,
  /** Failures from one address on one account before it must wait. */
  pairFree: 5,
  /** Failures on one account from all addresses that make it "under attack". */
  accountCeiling: 30,
  /** Under attack, an address must wait after each of its own failures. */
  pairFreeUnderAttack: 1,
  /** The first wait; each further failure doubles it, up to the longest. */
  firstWaitSeconds: 30,
  longestWaitSeconds: 15 * 60,
  /** How long failures are kept for the admin's view. */
  keepHours: 24,
} as const;

export const ALERT_JOB = 'auth.account_alert';

/** The key of the account an e-mail address names, whether or not it exists. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

export interface FailureState {
  /** Failures in the window from this address. */
  pair: number;
  pairLastAt: Date | null;
  /** Failures in the window from all addresses. */
  account: number;
}

export const underAttack = (s: Pick<FailureState, 'account'>) => s.account >= THROTTLE.accountCeiling;

/** Seconds this address must still wait before trying the account again; 0 when it may try now. */
export function waitSeconds(s: FailureState, now: Date): number {
  const free = underAttack(s) ? THROTTLE.pairFreeUnderAttack : THROTTLE.pairFree;
  if (s.pair < free || !s.pairLastAt) return 0;
  const wait = Math.min(THROTTLE.firstWaitSeconds * 2 ** (s.pair - free), THROTTLE.longestWaitSeconds);
  return Math.max(0, Math.ceil((s.pairLastAt.getTime() + wait * 1000 - now.getTime()) / 1000));
}

const windowStart = (now: Date) => new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);

export const throttled = (seconds: number) =>
  new AppError(429, 'login_throttled', 'Too many failed attempts from here. Wait a while and try again.', undefined, {
    'retry-after': String(Math.max(1, seconds)),
  });

export async function failureState(db: Db, key: string, ip: string, now: Date): Promise<FailureState> {
  return repo.failureCounts(db, key, ip, windowStart(now));
}

/** Throws 429 when this address must wait before trying this account again. Same for unknown accounts. */
export async function assertMayTry(db: Db, key: string, ip: string, now = new Date()): Promise<void> {
  const wait = waitSeconds(await failureState(db, key, ip, now), now);
  if (wait > 0) throw throttled(wait);
}

export interface Failure {
  key: string;
  ip: string;
  kind: 'password' | 'totp';
  /** The account, when the address names one. */
  user: { id: string; tenantId: string } | null;
}

/**
 * Records a failure in the caller's transaction, with its audit row, and tells
 * the owner (once per window) when the account is under attack. Returns how
 * long this address must now wait (0: it may try again at once).
 */
export async function recordFailure(tx: Db, f: Failure, now = new Date()): Promise<number> {
  await repo.insertLoginFailure(tx, { accountKey: f.key, userId: f.user?.id ?? null, ip: f.ip, kind: f.kind, at: now });
  const state = await failureState(tx, f.key, f.ip, now);
  const attacked = f.user !== null && underAttack(state);
  if (f.user && attacked) {
    const until = new Date(now.getTime() + THROTTLE.windowMinutes * 60_000);
    await repo.updateUser(tx, f.user.id, { lockedUntil: until });
    const bucket = Math.floor(now.getTime() / (THROTTLE.windowMinutes * 60_000));
    await enqueue(tx, {
      tenantId: f.user.tenantId,
      kind: ALERT_JOB,
      runAt: now,
      payload: { userId: f.user.id },
      dedupeKey: `${ALERT_JOB}:${f.user.id}:${bucket}`,
    });
  }
  await repo.pruneLoginFailures(tx, new Date(now.getTime() - THROTTLE.keepHours * 3_600_000));
  await audit(tx, {
    action: f.kind === 'password' ? 'auth.login_failed' : 'auth.totp_failed',
    entity: 'user',
    ...(f.user ? { entityId: f.user.id } : {}),
    tenantId: f.user?.tenantId ?? null,
    actorUserId: f.user?.id ?? null,
    detail: f.user
      ? { failuresFromAddress: state.pair, failuresOnAccount: state.account, underAttack: attacked }
      : { reason: 'unknown_user', failuresFromAddress: state.pair },
  });
  return waitSeconds(state, now);
}

/** After a sign-in from an address, its earlier failures on the account are forgiven; other addresses' stay. */
export async function forgiveAddress(tx: Db, key: string, ip: string): Promise<void> {
  await repo.clearPairFailures(tx, key, ip);
}

/** Tells the owner that someone is guessing: no address, count or time in the mail (server/notify/mail.ts). */
registerJob(ALERT_JOB, async (tx, payload, job) => {
  if (!job.config.smtpUrl) return;
  const user = await repo.findUser(tx, String(payload.userId));
  if (!user || user.disabledAt) return;
  const link = new URL('/login', job.config.publicUrl).toString();
  await sendAccountAlert(job.config, { to: user.email, locale: user.locale, link });
});

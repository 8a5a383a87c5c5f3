import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import * as repo from './sessions-repo.ts';
import type { SessionRow } from './sessions-repo.ts';

export const SESSION_COOKIE = 'navet_session';

export function sessionIdFor(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionTimes {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(
  tx: Db,
  input: { userId: string; tenantId: string; stage: 'totp' | 'active'; ip: string | null },
  times: SessionTimes,
): Promise<{ token: string; id: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = sessionIdFor(token);
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await repo.insertSession(tx, {
    id,
    userId: input.userId,
    tenantId: input.tenantId,
    stage: input.stage,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    // A session waiting for its second factor lives ten minutes at most.
    expiresAt: new Date(now.getTime() + (input.stage === 'totp' ? 10 * 60_000 : times.absoluteHours * 3_600_000)),
    ip: input.ip,
  });
  return { token, id, csrfToken };
}

export type { SessionRow };

/** A live session for the token, or null when it is unknown, revoked, idle too long or past its end. */
export async function findLiveSession(db: Db, token: string, times: SessionTimes): Promise<SessionRow | null> {
  const row = await repo.unrevokedSession(db, sessionIdFor(token));
  return row && isLive(row, times) ? row : null;
}

/** Whether a session not revoked is within its absolute end and its idle time. */
export function isLive(row: SessionRow, times: SessionTimes): boolean {
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) return false;
  return row.lastSeenAt.getTime() + times.idleMinutes * 60_000 > now;
}

/** Keeps the idle clock running; written at most once a minute per session. */
export async function touchSession(db: Db, row: SessionRow): Promise<void> {
  if (Date.now() - row.lastSeenAt.getTime() < 60_000) return;
  await repo.setLastSeen(db, row.id, new Date());
}

export async function activateSession(tx: Db, id: string, absoluteHours: number): Promise<void> {
  const now = new Date();
  await repo.setActive(tx, id, now, new Date(now.getTime() + absoluteHours * 3_600_000));
}

export async function revokeSession(tx: Db, id: string): Promise<void> {
  await repo.setRevoked(tx, id);
}

export async function revokeAllSessions(tx: Db, userId: string): Promise<number> {
  return repo.setAllRevoked(tx, userId);
}

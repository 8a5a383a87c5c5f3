import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../context.ts';
import { Role } from '../../../common/roles.ts';
import { isLive, sessionIdFor, type SessionRow, type SessionTimes } from './sessions.ts';
import * as repo from './sessions-repo.ts';

export interface SessionAndActor {
  session: SessionRow;
  /** Null when the user was disabled meanwhile (or the session is still waiting for its second factor). */
  actor: Actor | null;
}

/**
 * The live session for a token and the actor behind it, in ONE statement:
 * session, user and memberships are read afresh on every request, so a logout,
 * "log out everywhere", a suspended user, an ended membership or a changed
 * role takes effect on the very next request, in every process, with no cache
 * to invalidate. Null when the token is unknown, revoked, idle too long or past
 * its end.
 */
export async function findSessionAndActor(db: Db, token: string, times: SessionTimes): Promise<SessionAndActor | null> {
  const row = await repo.sessionUserAndMemberships(db, sessionIdFor(token));
  if (!row || !isLive(row.session, times)) return null;
  const { session, user } = row;
  if (session.stage !== 'active' || !user || user.tenantId !== session.tenantId) return { session, actor: null };
  return {
    session,
    actor: {
      userId: user.id,
      tenantId: user.tenantId,
      displayName: user.displayName,
      sessionId: session.id,
      memberships: row.memberships.map((m) => ({ organisationId: m.organisationId, role: Role.parse(m.role) })),
    },
  };
}

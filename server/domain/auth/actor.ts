import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../context.ts';
import { Role } from '../../../common/roles.ts';
import { memberships, users } from '../tenancy/tables.ts';
import type { SessionRow } from './sessions.ts';

/** The actor behind a live session, or null when the user was disabled meanwhile. */
export async function loadActor(db: Db, session: SessionRow): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, tenantId: users.tenantId, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, session.userId), isNull(users.disabledAt)));
  if (!user || user.tenantId !== session.tenantId) return null;
  const rows = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), isNull(memberships.endedAt)));
  return {
    userId: user.id,
    tenantId: user.tenantId,
    displayName: user.displayName,
    sessionId: session.id,
    memberships: rows.map((r) => ({ organisationId: r.organisationId, role: Role.parse(r.role) })),
  };
}

import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { children } from '../children/tables.ts';
import { meetingParticipants, meetings } from '../meetings/tables.ts';
import { users } from '../tenancy/tables.ts';
import { childLinks } from './tables.ts';

export type ChildLinkRow = typeof childLinks.$inferSelect;

/** Withdraws every link of a child and ends the child's sessions: used when a case closes. */
export async function revokeLinksOfChild(db: Db, childId: string): Promise<void> {
  await db
    .update(childLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(childLinks.childId, childId), isNull(childLinks.revokedAt)));
}

/** A new link replaces any link not yet redeemed; a child's logged-in device stays logged in. */
export async function revokeWaitingLinks(db: Db, childId: string): Promise<void> {
  await db
    .update(childLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(childLinks.childId, childId), isNull(childLinks.revokedAt), isNull(childLinks.redeemedAt)));
}

export async function insertLink(db: Db, values: typeof childLinks.$inferInsert): Promise<ChildLinkRow> {
  const [row] = await db.insert(childLinks).values(values).returning();
  if (!row) throw new Error('link insert returned nothing');
  return row;
}

export async function findByTokenHash(db: Db, tokenHash: string): Promise<ChildLinkRow | null> {
  const [row] = await db.select().from(childLinks).where(eq(childLinks.tokenHash, tokenHash));
  return row ?? null;
}

/** The live child session for a cookie: redeemed, not revoked, not past its end. */
export async function findLiveSession(db: Db, sessionHash: string): Promise<ChildLinkRow | null> {
  const [row] = await db
    .select()
    .from(childLinks)
    .where(
      and(
        eq(childLinks.sessionHash, sessionHash),
        isNull(childLinks.revokedAt),
        gt(childLinks.sessionExpiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

export async function linksOfChild(db: Db, childId: string) {
  return db
    .select({ link: childLinks, createdByName: users.displayName })
    .from(childLinks)
    .leftJoin(users, eq(users.id, childLinks.createdBy))
    .where(eq(childLinks.childId, childId))
    .orderBy(desc(childLinks.createdAt))
    .limit(50);
}

/** Counts a wrong code atomically; the row as it is afterwards. */
export async function countWrongCode(db: Db, id: string, maxAttempts: number): Promise<ChildLinkRow> {
  const [row] = await db
    .update(childLinks)
    .set({
      failedAttempts: sql`${childLinks.failedAttempts} + 1`,
      burntAt: sql`case when ${childLinks.failedAttempts} + 1 >= ${maxAttempts} then now() else ${childLinks.burntAt} end`,
    })
    .where(eq(childLinks.id, id))
    .returning();
  if (!row) throw new Error('link vanished');
  return row;
}

/** Marks the link used and binds the session, unless someone redeemed it a moment before. */
export async function redeemOnce(
  db: Db,
  id: string,
  sessionHash: string,
  sessionExpiresAt: Date,
): Promise<ChildLinkRow | null> {
  const [row] = await db
    .update(childLinks)
    .set({ redeemedAt: new Date(), sessionHash, sessionExpiresAt })
    .where(
      and(
        eq(childLinks.id, id),
        isNull(childLinks.redeemedAt),
        isNull(childLinks.burntAt),
        isNull(childLinks.revokedAt),
      ),
    )
    .returning();
  return row ?? null;
}

export async function updateLink(db: Db, id: string, patch: Partial<typeof childLinks.$inferInsert>): Promise<void> {
  await db.update(childLinks).set(patch).where(eq(childLinks.id, id));
}

/**
 * The child's own coming meetings: only those of this child that the adults invited the child to (a part or the
 * whole), not cancelled, not over. Only when, where and whether it is the whole meeting: never the title, agenda,
 * minutes or anyone else's child.
 */
export async function childInvitedMeetings(db: Db, childId: string, limit = 5) {
  return db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      location: meetings.location,
      childParticipation: meetings.childParticipation,
      organiserId: meetings.organiserId,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.childId, childId),
        ne(meetings.childParticipation, 'none'),
        inArray(meetings.status, ['planned', 'in_progress']),
        gt(meetings.endsAt, sql`now()`),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
}

/** Who is invited to these meetings and has not declined (users only: guests are never named to the child). */
export async function invitedOfMeetings(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ meetingId: meetingParticipants.meetingId, userId: meetingParticipants.userId })
    .from(meetingParticipants)
    .where(and(inArray(meetingParticipants.meetingId, meetingIds), ne(meetingParticipants.response, 'declined')));
}

/** The case status of the child behind a link; undefined when the child is gone. */
export async function caseStatus(db: Db, childId: string): Promise<string | undefined> {
  const [row] = await db.select({ status: children.caseStatus }).from(children).where(eq(children.id, childId));
  return row?.status;
}

/** The child behind a live link: reached only through the child's own session, never by an adult. */
export async function childOfLink(db: Db, childId: string) {
  const [row] = await db.select().from(children).where(eq(children.id, childId));
  return row;
}

import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { hubMembers } from '../children/tables.ts';
import { organisations } from '../tenancy/tables.ts';
import { planParticipants } from './tables.ts';

/** The hub's open members, each with their organisation's principal type, social worker first. */
export async function openMembersOf(db: Db, childId: string) {
  return db
    .select({
      userId: hubMembers.userId,
      hubRole: hubMembers.hubRole,
      organisationId: hubMembers.organisationId,
      principalType: organisations.principalType,
    })
    .from(hubMembers)
    .innerJoin(organisations, eq(organisations.id, hubMembers.organisationId))
    .where(and(eq(hubMembers.childId, childId), isNull(hubMembers.endedAt)))
    .orderBy(hubMembers.createdAt);
}

export async function insertParticipants(db: Db, rows: (typeof planParticipants.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(planParticipants).values(rows);
}

import { eq } from 'drizzle-orm';
import type { Role } from '../../common/roles.ts';
import type { Db } from '../db/connect.ts';
import { collaborationParties } from '../domain/collaboration/tables.ts';
import { addDays } from '../domain/children/dates.ts';
import { starterArticles } from '../domain/competence/starter-articles.ts';
import {
  competenceNeeds,
  knowledgeArticles,
  trainingAttendance,
  trainingSessions,
  trainingTopics,
} from '../domain/competence/tables.ts';

interface Seed {
  tenantId: string;
  collaborationId: string;
  byRole: Record<string, { userId: string; orgId: string }>;
  today: string;
}

/** Months back from `today`, as a date. */
function monthsAgo(today: string, months: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * The demo's competence basis: the starter articles in both languages, a
 * secrecy topic renewed every two years with one session about to lapse (its
 * reminder comes within days) and one recent, and two needs, one overdue.
 * Fewer than five of each party are trained, so the coverage shows "<5" until
 * a coordinator records a session (the browser test does).
 */
export async function seedCompetence(tx: Db, s: Seed): Promise<void> {
  const u = (role: string) => s.byRole[role]!.userId;
  await tx.insert(knowledgeArticles).values(
    starterArticles.map((a) => ({
      tenantId: s.tenantId,
      slug: a.slug,
      lang: a.lang,
      title: a.title,
      body: a.body,
      ownerUserId: u('coordinator'),
      updatedBy: u('coordinator'),
      reviewOn: addDays(s.today, 365),
    })),
  );
  const parties = await tx
    .select({ id: collaborationParties.id, kind: collaborationParties.kind })
    .from(collaborationParties)
    .where(eq(collaborationParties.collaborationId, s.collaborationId));
  const partyOf = (kind: string) => parties.filter((p) => p.kind === kind).map((p) => p.id);

  const [secrecy] = await tx
    .insert(trainingTopics)
    .values({ collaborationId: s.collaborationId, name: 'Sekretess och samtycke', renewalMonths: 24 })
    .returning();
  await tx
    .insert(trainingTopics)
    .values({ collaborationId: s.collaborationId, name: 'Asylprocessen', renewalMonths: null });
  const session = async (heldOn: string, roles: Role[], partyIds: string[], attendees: string[]) => {
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        collaborationId: s.collaborationId,
        topicId: secrecy!.id,
        heldOn,
        roles,
        partyIds,
        createdBy: u('coordinator'),
      })
      .returning();
    await tx
      .insert(trainingAttendance)
      .values(attendees.map((userId) => ({ sessionId: row!.id, userId, recordedBy: u('coordinator') })));
  };
  // Lapses in about three weeks: the reminder's 30 days have begun.
  await session(addDays(monthsAgo(s.today, 24), 21), ['social_worker', 'manager'], partyOf('social_services'), [
    u('social_worker'),
    u('manager'),
  ]);
  await session(
    addDays(s.today, -90),
    ['school_mentor', 'school_health', 'contact_person'],
    [...partyOf('school'), ...partyOf('residential_care')],
    [u('school_mentor'), u('school_health'), u('contact_person')],
  );

  await tx.insert(competenceNeeds).values([
    {
      collaborationId: s.collaborationId,
      title: 'Vad sekretessen tillåter mellan skola och socialtjänst',
      description:
        'Skolan avstår från att höra av sig av osäkerhet om sekretessen. Utbildning för mentorer och elevhälsa.',
      roles: ['school_mentor', 'school_health'],
      partyIds: partyOf('school'),
      sourceKind: 'barrier',
      priority: 'high',
      status: 'planned',
      ownerUserId: u('coordinator'),
      dueOn: addDays(s.today, 60),
      createdBy: u('coordinator'),
    },
    {
      collaborationId: s.collaborationId,
      title: 'Asylprocessens frister för HVB-personal',
      roles: ['contact_person'],
      partyIds: partyOf('residential_care'),
      sourceKind: 'manual',
      priority: 'medium',
      status: 'open',
      ownerUserId: u('manager'),
      dueOn: addDays(s.today, -5),
      createdBy: u('coordinator'),
    },
  ]);
}

import { eq } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { addDays } from '../domain/children/dates.ts';
import {
  forumQuestions,
  meetingSeries,
  routineReads,
  routineVersions,
  routines,
} from '../domain/collaboration/operational/tables.ts';
import { occurrences, rruleOf } from '../domain/collaboration/operational/series.service.ts';
import { barriers } from '../domain/collaboration/strategic/tables.ts';
import { collaborationPeople, collaborationTenants, collaborations } from '../domain/collaboration/tables.ts';
import { decisions, meetingParticipants, meetings } from '../domain/meetings/tables.ts';
import { fromLocal } from '../domain/meetings/stockholm.ts';

type People = Record<string, { userId: string; orgId: string }>;

/**
 * The demo collaboration (server/demo/collaboration.ts) when the demo seed made it first; a
 * minimal one of the demo municipality alone when the levels are seeded on their own (tests).
 */
async function demoCollaboration(tx: Db, tenantId: string, people: People): Promise<string> {
  const [found] = await tx
    .select({ id: collaborations.id })
    .from(collaborations)
    .where(eq(collaborations.ownerTenantId, tenantId));
  if (found) return found.id;
  const [row] = await tx
    .insert(collaborations)
    .values({
      name: 'Samverkan kring ensamkommande (demo)',
      ownerTenantId: tenantId,
      createdBy: people.coordinator!.userId,
    })
    .returning();
  await tx.insert(collaborationTenants).values({ collaborationId: row!.id, tenantId, status: 'accepted' });
  return row!.id;
}

/**
 * The levels at work in "Strömsund (demo)": a monthly forum (one meeting held,
 * with a decision), questions (one raised from a hub, one escalated), an
 * adopted routine that the social worker has not read yet, and a barrier the
 * forum escalated to the strategic level. Nothing here refers to a child.
 */
export async function seedLevels(tx: Db, tenantId: string, today: string, people: People): Promise<void> {
  const id = await demoCollaboration(tx, tenantId, people);
  const who = (role: string) => people[role]!.userId;
  // The manager represents social services in the forum (the guide's operational level is the units'
  // managers) and the coordinator sits in the strategic group; the collaboration's own seed may
  // already hold either person in another role, so each role is added only where it is missing.
  const wanted = [
    { role: 'operational_representative' as const, userId: who('manager'), name: 'Cecilia Norén' },
    { role: 'strategic_representative' as const, userId: who('coordinator'), name: 'Samir Haddad' },
  ];
  const existing = await tx
    .select({ role: collaborationPeople.role, userId: collaborationPeople.userId })
    .from(collaborationPeople)
    .where(eq(collaborationPeople.collaborationId, id));
  const missing = wanted.filter((w) => !existing.some((e) => e.role === w.role && e.userId === w.userId));
  if (missing.length > 0)
    await tx.insert(collaborationPeople).values(missing.map((w) => ({ collaborationId: id, tenantId, ...w })));

  // A monthly forum that began last month: the first meeting is held and closed.
  const first = `${addDays(today, -28)}T13:00`;
  const plan = { startsAt: first, frequency: 'monthly' as const, interval: 1, count: 6 };
  const [series] = await tx
    .insert(meetingSeries)
    .values({
      collaborationId: id,
      tenantId,
      level: 'operational',
      title: 'Verksamhetsforum',
      rrule: rruleOf(plan),
      createdBy: who('coordinator'),
    })
    .returning();
  const starts = occurrences(plan).flatMap((local) => {
    const at = fromLocal(local);
    return at ? [at] : [];
  });
  const rows = await tx
    .insert(meetings)
    .values(
      starts.map((s, i) => ({
        tenantId,
        kind: 'operational_forum',
        collaborationId: id,
        seriesId: series!.id,
        title: 'Verksamhetsforum',
        startsAt: s,
        endsAt: new Date(s.getTime() + 2 * 60 * 60_000),
        location: 'Kommunhuset, sal 2',
        organiserId: who('coordinator'),
        status: i === 0 ? 'closed' : 'planned',
        closedAt: i === 0 ? new Date() : null,
        minutes: i === 0 ? 'Tolkfrågan togs upp. Rutin för tolk vid utvecklingssamtal antogs.' : '',
        childWishes: { attendees: null, raise: null, avoid: null },
      })),
    )
    .returning();
  await tx.insert(meetingParticipants).values(
    rows.flatMap((m) => [
      { tenantId, meetingId: m.id, userId: who('coordinator'), response: 'accepted' },
      { tenantId, meetingId: m.id, userId: who('manager'), response: 'accepted' },
    ]),
  );
  const held = rows[0]!;
  await tx.insert(decisions).values({
    tenantId,
    meetingId: held.id,
    text: 'Informera all personal om tolkrutinen på nästa APT.',
    ownerUserId: who('manager'),
    dueOn: addDays(today, 10),
    createdBy: who('coordinator'),
  });

  const [routine] = await tx
    .insert(routines)
    .values({
      collaborationId: id,
      title: 'Tolk vid utvecklingssamtal i skolan',
      level: 'operational',
      roles: ['social_worker', 'school_mentor', 'contact_person'],
      createdBy: who('coordinator'),
    })
    .returning();
  const [version] = await tx
    .insert(routineVersions)
    .values({
      routineId: routine!.id,
      version: 1,
      text: 'Skolan bokar tolk till utvecklingssamtal när barnet eller god man behöver det. Socialtjänsten står för kostnaden. Kontaktpersonen på boendet får kallelsen i kopia.',
      createdBy: who('coordinator'),
      adoptedAt: held.startsAt,
      adoptedBy: who('coordinator'),
      adoptedDecision: 'Verksamhetsforum, § 3',
      adoptedMeetingId: held.id,
    })
    .returning();
  await tx.insert(routineReads).values({ versionId: version!.id, userId: who('school_mentor') });

  await tx.insert(forumQuestions).values([
    {
      collaborationId: id,
      tenantId,
      title: 'Vem bokar tolk till utvecklingssamtal?',
      text: 'Skolan och boendet har olika bild av vem som bokar och betalar tolk.',
      origin: 'hub',
      status: 'answered',
      raisedBy: who('school_mentor'),
      ownerUserId: who('manager'),
      dueOn: addDays(today, -28),
      answer: 'Skolan bokar, socialtjänsten betalar. Se rutinen.',
      answeredBy: who('coordinator'),
      answeredAt: held.startsAt,
      meetingId: held.id,
      routineId: routine!.id,
    },
    {
      collaborationId: id,
      tenantId,
      title: 'Hur når ett avslagsbesked boendet samma dag?',
      text: 'Kontaktpersonen får ibland veta om avslaget först av barnet.',
      origin: 'form',
      status: 'open',
      raisedBy: who('contact_person'),
      ownerUserId: who('coordinator'),
      dueOn: addDays(today, 14),
    },
    {
      collaborationId: id,
      tenantId,
      title: 'Får skolan delta i I-SIP?',
      text: 'Forumet behöver en överenskommelse om skolans och boendets deltagande.',
      origin: 'form',
      level: 'strategic',
      status: 'escalated',
      raisedBy: who('social_worker'),
      escalationReason: 'Kräver en lokal överenskommelse mellan förvaltningarna.',
      escalatedAt: held.startsAt,
    },
  ]);
  await tx.insert(barriers).values({
    collaborationId: id,
    type: 'staff_turnover',
    description: 'Hög personalomsättning på boendet gör att kontaktpersonen ofta är ny för barnet och navet.',
    level: 'strategic',
    raisedBy: who('manager'),
    ownerUserId: who('coordinator'),
    dueOn: addDays(today, 60),
    action: 'Introduktion om navet för nyanställda på boendet.',
    status: 'in_progress',
    escalatedAt: held.startsAt,
  });
}

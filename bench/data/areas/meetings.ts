import {
  agendaItems,
  decisions,
  meetingParticipants,
  meetings,
} from '../../../server/domain/meetings/tables.ts';
import type { Area, GenMember } from '../context.ts';
import type { Rng } from '../random.ts';
import { DAY, between, indexHubs } from '../hubs.ts';
import { isoDate } from './children.ts';

const agendaTitles = [
  'Skolgång och närvaro',
  'Boendet och vardagen',
  'Hälsa och sömn',
  'Asylärendet: läget just nu',
  'Fritid och kamrater',
  'Kontakt med familjen',
  'Vad händer vid 18 år?',
];
const decisionTexts = [
  'Mentorn bokar möte med elevhälsan.',
  'Gode mannen följer med till Migrationsverket.',
  'Kontaktpersonen hjälper barnet att söka fritidsaktivitet.',
  'Socialsekreteraren tar fram underlag för I-SIP.',
  'Boendet och skolan stämmer av närvaron varje fredag.',
  'Tolk bokas till nästa möte.',
];

export type MeetingRows = {
  meetings: (typeof meetings.$inferInsert)[];
  participants: (typeof meetingParticipants.$inferInsert)[];
};

/** A meeting row with every column, so all rows of a chunk have the same keys. */
export function meetingRow(
  rng: Rng,
  m: { id: string; tenantId: string; kind: string; childId: string | null; title: string; starts: Date; organiserId: string; now: number },
): typeof meetings.$inferInsert {
  const past = m.starts.getTime() < m.now;
  const cancelled = rng.chance(0.06);
  const status = cancelled ? 'cancelled' : past ? 'closed' : 'planned';
  const ends = new Date(m.starts.getTime() + rng.pick([60, 90, 120]) * 60_000);
  const created = new Date(m.starts.getTime() - rng.int(3, 21) * DAY);
  return {
    id: m.id,
    tenantId: m.tenantId,
    kind: m.kind,
    childId: m.childId,
    title: m.title,
    startsAt: m.starts,
    endsAt: ends,
    location: rng.chance(0.8) ? rng.pick(['Socialkontoret, rum 3', 'Skolan, konferensrummet', 'Boendet']) : null,
    videoLink: rng.chance(0.2) ? 'https://meet.example.invalid/navet' : null,
    organiserId: m.organiserId,
    status,
    cancelReason: cancelled ? 'Tolken kunde inte komma.' : null,
    childParticipation: m.childId ? rng.pick(['none', 'some_items', 'whole']) : 'none',
    childWishes: { attendees: null, raise: m.childId && rng.chance(0.3) ? 'Vill prata om fotbollen.' : null, avoid: null },
    minutes: status === 'closed' ? 'Genomgång av läget. Se beslut.' : '',
    minutesVersion: 1,
    minutesUpdatedAt: status === 'closed' ? ends : null,
    minutesUpdatedBy: status === 'closed' ? m.organiserId : null,
    sequence: 0,
    version: 1,
    closedAt: status === 'closed' ? ends : null,
    createdAt: created,
    updatedAt: status === 'closed' ? ends : created,
  };
}

export function participantRow(
  rng: Rng,
  meeting: typeof meetings.$inferInsert,
  userId: string,
): typeof meetingParticipants.$inferInsert {
  const responded = meeting.status === 'closed' || rng.chance(0.6);
  const created = meeting.createdAt as Date;
  return {
    id: rng.uuid(),
    tenantId: meeting.tenantId,
    meetingId: meeting.id!,
    userId,
    guestName: null,
    guestOrganisation: null,
    response: responded ? rng.weighted([['accepted', 80], ['tentative', 8], ['declined', 12]] as const) : 'pending',
    respondedAt: responded ? new Date(created.getTime() + rng.int(1, 48) * 3_600_000) : null,
    createdAt: created,
  };
}

/**
 * Hub meetings around each child (the first hub meeting, then about one a
 * term), with participants, agenda and decisions, some of them overdue; and the
 * municipality's operational forums, without a child.
 */
export const area: Area = {
  name: 'meetings, agenda and decisions',
  order: 60,
  estimate: (plan) => plan.children * 34,
  async generate(ctx) {
    const { rng, plan } = ctx;
    const now = plan.now.getTime();
    for (const t of ctx.tenants) {
      const hubs = indexHubs(t);
      const mRows: (typeof meetings.$inferInsert)[] = [];
      const pRows: (typeof meetingParticipants.$inferInsert)[] = [];
      const aRows: (typeof agendaItems.$inferInsert)[] = [];
      const dRows: (typeof decisions.$inferInsert)[] = [];
      const hold = (childId: string | null, kind: string, title: string, starts: Date, people: string[], owners: GenMember[] | null) => {
        const organiserId = people[0]!;
        const m = meetingRow(rng, { id: rng.uuid(), tenantId: t.id, kind, childId, title, starts, organiserId, now });
        mRows.push(m);
        for (const u of new Set(people)) pRows.push(participantRow(rng, m, u));
        const items = rng.int(2, 4);
        for (let k = 0; k < items; k++) {
          const agendaId = rng.uuid();
          aRows.push({
            id: agendaId,
            tenantId: t.id,
            meetingId: m.id!,
            position: k + 1,
            title: rng.pick(agendaTitles),
            ownerUserId: rng.pick(people),
            childPresent: childId !== null && rng.chance(0.3),
            createdAt: m.createdAt,
          });
          if (m.status !== 'closed' || !rng.chance(0.5)) continue;
          const owner = owners && owners.length > 0 ? rng.pick(owners).userId : rng.pick(people);
          const due = new Date(starts.getTime() + rng.int(7, 45) * DAY);
          const status = due.getTime() > now ? 'open' : rng.weighted([['done', 70], ['open', 20], ['dropped', 10]] as const);
          const closedAt = status === 'open' ? null : between(rng, starts.getTime(), due.getTime(), now);
          dRows.push({
            id: rng.uuid(),
            tenantId: t.id,
            meetingId: m.id!,
            childId,
            agendaItemId: agendaId,
            text: rng.pick(decisionTexts),
            ownerUserId: owner,
            dueOn: isoDate(due),
            status,
            dropReason: status === 'dropped' ? 'Inte längre aktuellt.' : null,
            createdBy: organiserId,
            createdAt: m.closedAt as Date,
            updatedAt: closedAt ?? (m.closedAt as Date),
            closedAt,
          });
        }
      };
      for (const c of t.children) {
        const members = hubs.openOf.get(c.id) ?? [];
        const sw = members.find((m) => m.hubRole === 'social_worker');
        if (!sw) continue;
        const people = [sw.userId, ...members.filter((m) => m !== sw && m.hubRole !== 'civil_society').map((m) => m.userId)];
        const arrival = new Date(`${c.arrivalDate}T09:00:00Z`).getTime();
        if (rng.chance(0.7)) hold(c.id, 'first_hub', 'Första nätverksmötet', new Date(arrival + rng.int(5, 25) * DAY), people, members);
        // About one hub meeting a term since arrival, the next one planned for some.
        const terms = Math.min(4, Math.floor((now - arrival) / (150 * DAY)));
        for (let k = 1; k <= terms; k++) {
          if (!rng.chance(0.6)) continue;
          hold(c.id, 'hub', 'Nätverksmöte', new Date(arrival + k * 150 * DAY + rng.int(-20, 20) * DAY), people, members);
        }
        if (c.caseStatus === 'active' && rng.chance(0.25))
          hold(c.id, 'hub', 'Nätverksmöte', new Date(now + rng.int(2, 40) * DAY + 9 * 3_600_000), people, members);
      }
      // The operational forum meets monthly: managers, coordinators and a few social workers.
      const forum = [...hubs.managers.map((u) => u.id), ...t.users.filter((u) => u.role === 'social_worker').slice(0, 3).map((u) => u.id)];
      for (let month = 24; month >= 0 && forum.length > 0; month--)
        hold(null, 'operational_forum', 'Operativt forum', new Date(now - month * 30 * DAY + 13 * 3_600_000), forum, null);
      await ctx.insert(meetings, mRows);
      await ctx.insert(meetingParticipants, pRows);
      await ctx.insert(agendaItems, aRows);
      await ctx.insert(decisions, dRows);
      ctx.progress(mRows.length + pRows.length + aRows.length + dRows.length);
    }
  },
  audit: [
    { action: 'meeting.list_read', entity: 'child', weight: 3, kind: 'child' },
    { action: 'meeting.read', entity: 'meeting', weight: 3, kind: 'child' },
    { action: 'meeting.created', entity: 'meeting', weight: 0.3, kind: 'child' },
    { action: 'meeting.responded', entity: 'meeting', weight: 0.6, kind: 'child' },
    { action: 'meeting.decision_recorded', entity: 'decision', weight: 0.4, kind: 'child' },
    { action: 'decision.updated', entity: 'decision', weight: 0.3, kind: 'child' },
  ],
};

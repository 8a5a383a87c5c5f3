import { childDeadlines, childEvents } from '../../../server/domain/events/tables.ts';
import { notifications } from '../../../server/notify/tables.ts';
import { categoryOfEvent } from '../../../common/schemas/sharing.ts';
import type { Area, GenChild, GenMember } from '../context.ts';
import { DAY, between } from '../hubs.ts';
import { indexHubs } from '../hubs.ts';
import type { Rng } from '../random.ts';
import { isoDate } from './children.ts';

/** The asylum events that lead to each status, in order. */
const asylumPath: Record<string, string[]> = {
  in_process: [],
  granted: ['asylum_granted'],
  rejected: ['asylum_rejected'],
  appealed: ['asylum_rejected', 'appeal_filed'],
  final: ['asylum_rejected_removal', 'decision_final'],
  return_in_progress: ['asylum_rejected_removal', 'decision_final', 'return_talk_held', 'departure_date_set'],
  turned_18: [],
  left: [],
};
const core = ['social_worker', 'god_man', 'contact_person'];
const notes: Record<string, string> = {
  wellbeing_changed: 'Sover sämre sedan beskedet; vill prata med någon.',
  school_absence: 'Frånvarande tre dagar den här veckan.',
  absconded: 'Kom inte tillbaka till boendet i går kväll.',
  found: 'Är tillbaka på boendet.',
};

type Rows = {
  events: (typeof childEvents.$inferInsert)[];
  deadlines: (typeof childDeadlines.$inferInsert)[];
  notices: (typeof notifications.$inferInsert)[];
};

/**
 * Events on each child consistent with its asylum status (the decisions that
 * led there) and everyday ones (wellbeing, absence), the deadlines that follow,
 * and the notices each event sent to the hub with the times they reached a
 * screen, were read and acknowledged: the follow-up query's data.
 */
export const area: Area = {
  name: 'events, deadlines and notices',
  order: 70,
  estimate: (plan) => plan.children * 16,
  async generate(ctx) {
    const { rng, plan } = ctx;
    const now = plan.now.getTime();
    for (const t of ctx.tenants) {
      const hubs = indexHubs(t);
      const rows: Rows = { events: [], deadlines: [], notices: [] };
      for (const c of t.children) {
        const members = hubs.openOf.get(c.id) ?? [];
        if (members.length === 0) continue;
        const arrival = new Date(`${c.arrivalDate}T12:00:00Z`).getTime();
        const recorders = members.filter((m) => core.includes(m.hubRole));
        const staff = members.filter((m) => m.hubRole !== 'civil_society');
        const path = asylumPath[c.asylumStatus] ?? [];
        // The decisions fall in the later part of the child's time here, in order.
        let at = arrival + (now - arrival) * (0.3 + 0.4 * rng.next());
        let last: { type: string; on: number; id: string } | null = null;
        for (const type of path) {
          if (recorders.length === 0) break;
          const id = event(rng, rows, t.id, c, rng.pick(recorders), type, at, members, now);
          last = { type, on: at, id };
          at += rng.int(5, 30) * DAY;
          if (at > now - DAY) at = now - DAY;
        }
        if (last) deadlinesAfter(rng, rows, t.id, c.id, last, now);
        for (let k = rng.weighted([[0, 35], [1, 30], [2, 20], [3, 10], [5, 5]] as const); k > 0; k--) {
          const type = rng.weighted([['wellbeing_changed', 45], ['school_absence', 45], ['absconded', 10]] as const);
          const on = between(rng, arrival + 7 * DAY, now - DAY, now).getTime();
          event(rng, rows, t.id, c, rng.pick(staff.length ? staff : members), type, on, members, now);
          if (type === 'absconded') event(rng, rows, t.id, c, rng.pick(staff.length ? staff : members), 'found', Math.min(now - 1, on + rng.int(1, 4) * DAY), members, now);
        }
        // Turning 18 within seven months: the sweep's deadline, made here so the server does not have to.
        if (c.dateOfBirth && c.caseStatus === 'active') {
          const birthday = new Date(`${c.dateOfBirth}T00:00:00Z`);
          birthday.setUTCFullYear(birthday.getUTCFullYear() + 18);
          if (birthday.getTime() - now < 210 * DAY)
            rows.deadlines.push(deadline(rng, t.id, c.id, 'turns_18', isoDate(birthday), 'open', null, now - 5 * DAY));
        }
      }
      await ctx.insert(childEvents, rows.events);
      await ctx.insert(childDeadlines, rows.deadlines);
      await ctx.insert(notifications, rows.notices);
      ctx.progress(rows.events.length + rows.deadlines.length + rows.notices.length);
    }
  },
  audit: [
    { action: 'child.events_read', entity: 'child', weight: 4, kind: 'child' },
    { action: 'child.deadlines_read', entity: 'child', weight: 2, kind: 'child' },
    { action: 'event.recorded', entity: 'child_event', weight: 0.5, kind: 'child' },
    { action: 'notification.list', entity: 'notification', weight: 6, kind: 'session' },
    { action: 'notification.acknowledged', entity: 'notification', weight: 1, kind: 'child' },
  ],
};

function deadline(rng: Rng, tenantId: string, childId: string, kind: string, dueOn: string, status: string, source: string | null, created: number) {
  return {
    id: rng.uuid(), tenantId, childId, kind, dueOn, status, sourceEventId: source,
    createdAt: new Date(created), closedAt: status === 'open' ? null : new Date(`${dueOn}T18:00:00Z`),
  };
}

/** The dates that follow the last decision: open while ahead, done once passed. */
function deadlinesAfter(rng: Rng, rows: Rows, tenantId: string, childId: string, last: { type: string; on: number; id: string }, now: number) {
  const due = (days: number) => isoDate(new Date(last.on + days * DAY));
  const state = (days: number) => (last.on + days * DAY > now ? 'open' : 'done');
  const add = (kind: string, days: number) => rows.deadlines.push(deadline(rng, tenantId, childId, kind, due(days), state(days), last.id, last.on));
  if (last.type === 'asylum_rejected' || last.type === 'asylum_rejected_removal') {
    add('appeal', 21);
    add('becomes_final', 22);
  } else if (last.type === 'decision_final') add('voluntary_departure', 28);
  else if (last.type === 'departure_date_set') add('departure', rng.int(10, 40));
}

function event(rng: Rng, rows: Rows, tenantId: string, c: GenChild, by: GenMember, type: string, on: number, members: GenMember[], now: number): string {
  const id = rng.uuid();
  const recordedAt = new Date(Math.min(now - 60_000, on + rng.int(0, 3) * DAY + rng.int(8, 16) * 3_600_000));
  rows.events.push({
    id, tenantId, childId: c.id, type, occurredOn: isoDate(new Date(on)),
    source: type.startsWith('asylum') || type === 'decision_final' ? 'migrationsverket' : rng.pick(['residence', 'school', 'god_man']),
    note: notes[type] ?? (rng.chance(0.5) ? 'Barnet har fått beskedet; tolk var med.' : ''),
    departureDate: type === 'departure_date_set' ? isoDate(new Date(on + rng.int(20, 60) * DAY)) : null,
    recordedBy: by.userId, recordedAt, asylumStatusAfter: null, ownerOrganisationId: by.orgId, category: categoryOfEvent(type),
  });
  // The hub is told: the core three at once, the others in time; the recorder knows already.
  for (const m of members) {
    if (m.userId === by.userId || (m.hubRole === 'civil_society' && type !== 'found')) continue;
    const immediate = core.includes(m.hubRole);
    const created = recordedAt.getTime() + rng.int(1, 30) * 1000;
    const seconds = (median: number) => Math.round(median * Math.exp(1.2 * rng.normal()));
    const delivered = rng.chance(0.95) ? created + seconds(immediate ? 600 : 3 * 3600) * 1000 : null;
    const read = delivered && rng.chance(0.85) ? delivered + seconds(1800) * 1000 : null;
    const acked = read && immediate && rng.chance(0.7) ? read + seconds(300) * 1000 : null;
    const past = (ms: number | null) => (ms !== null && ms < now ? new Date(ms) : null);
    rows.notices.push({
      id: rng.uuid(), tenantId, userId: m.userId, kind: 'event.recorded', childId: c.id, params: { eventType: type },
      link: `/children/${c.id}`, urgency: immediate ? 'immediate' : 'normal', sourceId: id, createdAt: new Date(created),
      deliveredAt: past(delivered), readAt: past(read), acknowledgedAt: past(acked),
      emailedAt: immediate && rng.chance(0.5) ? new Date(created + 60_000) : null,
    });
  }
  return id;
}

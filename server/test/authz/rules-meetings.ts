import { CORE, FULL, STAFF } from './groups.ts';
import { version, type Ctx, type Rule } from './rules.ts';
import { inDays, localAt, ok } from './world.ts';

/*
 * A hub meeting of X, organised by its social worker with the god man and the
 * contact person invited. The phases: invitations change (2, 3), the meeting
 * starts (5) and closes (6), and only then takes amendments (7).
 */

const meeting = (c: Ctx) => ({ id: c.e.meetingId });

export const meetingRules: Record<string, Rule> = {
  'POST /api/meetings': {
    scope: 'child',
    allow: CORE,
    body: (c) => ({
      kind: 'hub',
      childId: c.e.childId,
      title: `Möte (${c.actor})`,
      startsAt: localAt(9, 13),
      endsAt: localAt(9, 14),
    }),
  },
  'GET /api/meetings/{id}': { scope: 'child', allow: FULL, params: meeting },
  'PATCH /api/meetings/{id}': {
    scope: 'child',
    allow: ['social_worker'],
    params: meeting,
    body: async (c) => ({
      version: c.side === 'x' ? await version(c, `/api/meetings/${c.e.meetingId}`) : 1,
      location: 'Socialkontoret, rum 4',
    }),
  },
  'POST /api/meetings/{id}/start': { scope: 'child', allow: ['social_worker'], params: meeting, phase: 5 },
  'POST /api/meetings/{id}/close': { scope: 'child', allow: ['social_worker'], params: meeting, phase: 6 },
  'POST /api/meetings/{id}/cancel': {
    scope: 'child',
    allow: ['social_worker'],
    params: meeting,
    fresh: async (c) => {
      const m = ok<{ id: string }>(
        await c.owner.post('/api/meetings', {
          kind: 'hub',
          childId: c.e.childId,
          title: 'Möte som ställs in',
          startsAt: localAt(12, 9),
          endsAt: localAt(12, 10),
        }),
        201,
        'fresh meeting',
      );
      return { id: m.id };
    },
    body: () => ({ reason: 'Tolken kunde inte komma.' }),
  },
  'POST /api/meetings/{id}/participants': {
    scope: 'child',
    allow: ['social_worker'],
    params: meeting,
    body: (c) => ({ userIds: [c.w.people.school_mentor.id] }),
    phase: 2,
  },
  'DELETE /api/meetings/{id}/participants/{participantId}': {
    scope: 'child',
    allow: ['social_worker'],
    params: async (c) => {
      if (c.side !== 'x') return { id: c.e.meetingId, participantId: c.e.meetingId };
      const m = ok<{ participants: { id: string; userId: string | null }[] }>(
        await c.owner.get(`/api/meetings/${c.e.meetingId}`),
        200,
        'meeting',
      );
      const p = m.participants.find((x) => x.userId === c.w.people.school_mentor.id)!;
      return { id: c.e.meetingId, participantId: p.id };
    },
    phase: 3,
  },
  'PUT /api/meetings/{id}/response': {
    scope: 'child',
    // The invited (god man and contact person) and the organiser.
    allow: ['social_worker', 'god_man', 'contact_person'],
    params: meeting,
    body: () => ({ response: 'accepted' }),
  },
  'POST /api/meetings/{id}/agenda': {
    scope: 'child',
    allow: STAFF,
    params: meeting,
    body: (c) => ({ title: `Punkt (${c.actor})`, ownerUserId: c.e.ownerId }),
  },
  'PATCH /api/meetings/{id}/agenda/{itemId}': {
    scope: 'child',
    allow: STAFF,
    params: (c) => ({ id: c.e.meetingId, itemId: c.e.agendaItemId }),
    body: () => ({ childPresent: true }),
  },
  'DELETE /api/meetings/{id}/agenda/{itemId}': {
    scope: 'child',
    allow: STAFF,
    params: (c) => ({ id: c.e.meetingId, itemId: c.e.agendaItemId }),
    fresh: async (c) => {
      const title = `Att stryka (${c.actor})`;
      const m = ok<{ agenda: { id: string; title: string }[] }>(
        await c.owner.post(`/api/meetings/${c.e.meetingId}/agenda`, { title, ownerUserId: c.e.ownerId }),
        201,
        'fresh agenda item',
      );
      return { id: c.e.meetingId, itemId: m.agenda.find((i) => i.title === title)!.id };
    },
  },
  'PUT /api/meetings/{id}/minutes': {
    scope: 'child',
    allow: STAFF,
    params: meeting,
    body: async (c) => {
      if (c.side !== 'x') return { text: 'Anteckningar', version: 1 };
      const m = ok<{ minutes: { version: number } }>(await c.owner.get(`/api/meetings/${c.e.meetingId}`), 200, 'm');
      return { text: `Anteckningar av ${c.actor}`, version: m.minutes.version };
    },
  },
  'POST /api/meetings/{id}/amendments': {
    scope: 'child',
    allow: STAFF,
    params: meeting,
    body: () => ({ text: 'Rättelse: mötet började 9.15.' }),
    phase: 7,
  },
  'POST /api/meetings/{id}/decisions': {
    scope: 'child',
    allow: STAFF,
    params: meeting,
    body: (c) => ({ text: `Beslut (${c.actor})`, ownerUserId: c.e.ownerId, dueOn: inDays(20) }),
  },
  'PATCH /api/decisions/{id}': {
    scope: 'child',
    // The decision's owner (the social worker) or the core three.
    allow: CORE,
    params: (c) => ({ id: c.e.decisionId }),
    body: () => ({ dueOn: inDays(21) }),
  },
  'GET /api/meetings/{id}/calendar.ics': { scope: 'child', allow: FULL, params: meeting },
};

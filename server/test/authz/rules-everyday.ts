import { ALL } from './groups.ts';
import type { Ctx, Rule } from './rules.ts';
import { ok } from './world.ts';

/** Everyone invited to X's hub meeting, marked present: the body of an attendance record. */
const attendance = async (c: Ctx) => {
  const m = ok<{ participants: { id: string }[] }>(await c.owner.get(`/api/meetings/${c.e.meetingId}`), 200, 'm');
  return { attendance: m.participants.map((p) => ({ participantId: p.id, attended: true })) };
};

/* The everyday pages' routes: each acts only on the actor's own things. */
export const everydayRules: Record<string, Rule> = {
  'POST /api/notifications/read-all': { scope: 'self', allow: ALL },
  // Everyone has a day; a volunteer's holds only their notices and meetings.
  'GET /api/me/today': { scope: 'self', allow: ALL },
  // After the meeting has started (phase 5) and closed (6): who came.
  'PUT /api/meetings/{id}/attendance': {
    scope: 'child',
    allow: ['social_worker'],
    params: (c) => ({ id: c.e.meetingId }),
    body: attendance,
    phase: 7,
  },
};

import { ALL, NOT_VOLUNTEER, STAFF } from './groups.ts';
import type { LevelSide } from './levels-world.ts';
import type { Ctx, Rule } from './rules.ts';
import { inDays, ok, type Actor } from './world.ts';

/*
 * The strategic and operational levels (levels-world.ts): on side x, tenant
 * A's collaboration, where the coordinator runs both levels and the manager
 * is the forum's representative; side z is tenant B's collaboration, not
 * found by anyone of A. Any staff member reads and raises questions.
 */

const FORUM: readonly Actor[] = ['coordinator', 'manager'];
const STRATEGIC: readonly Actor[] = ['coordinator'];

const lv = (c: Ctx): LevelSide => (c.side === 'z' ? c.w.levels.z : c.w.levels.x);
const collab = (c: Ctx) => ({ id: lv(c).collaborationId });
const question = (c: Ctx) => ({ id: lv(c).collaborationId, questionId: lv(c).questionId });
const routine = (c: Ctx) => ({ id: lv(c).collaborationId, routineId: lv(c).routineId });
const barrier = (c: Ctx) => ({ id: lv(c).collaborationId, barrierId: lv(c).barrierId });
const base = (c: Ctx) => `/api/collaborations/${lv(c).collaborationId}`;

async function freshRoutine(c: Ctx) {
  const r = ok<{ id: string }>(
    await lv(c).runner.post(`${base(c)}/routines`, {
      title: `Rutin (${c.actor})`,
      level: 'operational',
      roles: ['school_mentor'],
      text: 'Text',
    }),
    201,
    'fresh routine',
  );
  return { id: lv(c).collaborationId, routineId: r.id };
}

export const levelRules: Record<string, Rule> = {
  'GET /api/levels/start': { scope: 'self', allow: ALL },
  'GET /api/meetings': { scope: 'self', allow: ALL, query: 'when=all' },
  'POST /api/children/{id}/general-questions': {
    scope: 'child',
    allow: STAFF,
    params: (c) => ({ id: c.e.childId }),
    body: (c) => ({ collaborationId: c.w.levels.x.collaborationId, title: 'Tolk', text: 'Vem bokar tolk i skolan?' }),
  },
  'GET /api/collaborations/{id}/questions': { scope: 'collaboration', allow: NOT_VOLUNTEER, params: collab },
  'POST /api/collaborations/{id}/questions': {
    scope: 'collaboration',
    allow: NOT_VOLUNTEER,
    params: collab,
    body: (c) => ({ title: `Fråga (${c.actor})`, text: 'Hur gör vi med tolk?' }),
  },
  'PATCH /api/collaborations/{id}/questions/{questionId}': {
    scope: 'collaboration',
    allow: FORUM,
    params: question,
    body: (c) => ({ ownerUserId: c.w.people.coordinator.id, dueOn: inDays(9) }),
  },
  'POST /api/collaborations/{id}/questions/{questionId}/escalate': {
    scope: 'collaboration',
    allow: FORUM,
    params: question,
    fresh: async (c) => {
      const q = ok<{ id: string }>(
        await lv(c).runner.post(`${base(c)}/questions`, { title: `Uppåt (${c.actor})`, text: 'Budget?' }),
        201,
        'fresh question',
      );
      return { id: lv(c).collaborationId, questionId: q.id };
    },
    body: () => ({ reason: 'Kräver beslut om budget.' }),
  },
  'POST /api/collaborations/{id}/questions/{questionId}/proposal': {
    scope: 'collaboration',
    allow: FORUM,
    params: question,
    // A question becomes one proposal: each allowed actor makes theirs of a fresh one.
    fresh: async (c) => {
      const q = ok<{ id: string }>(
        await lv(c).runner.post(`${base(c)}/questions`, { title: `Förslag (${c.actor})`, text: 'Tolk?' }),
        201,
        'fresh question',
      );
      return { id: lv(c).collaborationId, questionId: q.id };
    },
  },
  'POST /api/collaborations/{id}/questions/{questionId}/take': {
    scope: 'collaboration',
    allow: FORUM,
    params: question,
    body: (c) => ({ meetingId: lv(c).openMeetingId }),
  },
  'GET /api/collaborations/{id}/routines': { scope: 'collaboration', allow: NOT_VOLUNTEER, params: collab },
  'POST /api/collaborations/{id}/routines': {
    scope: 'collaboration',
    allow: FORUM,
    params: collab,
    body: (c) => ({ title: `Rutin (${c.actor})`, level: 'operational', roles: ['school_mentor'], text: 'Text' }),
  },
  'POST /api/collaborations/{id}/routines/{routineId}/versions': {
    scope: 'collaboration',
    allow: FORUM,
    params: routine,
    // A routine whose first version is adopted, so that a new draft may start.
    fresh: async (c) => {
      const r = await freshRoutine(c);
      ok(
        await lv(c).runner.post(`${base(c)}/routines/${r.routineId}/adopt`, { version: 1, decision: 'Forum §3' }),
        200,
        'fresh adoption',
      );
      return r;
    },
    body: () => ({ text: 'Ny version' }),
  },
  'POST /api/collaborations/{id}/routines/{routineId}/adopt': {
    scope: 'collaboration',
    allow: FORUM,
    params: routine,
    fresh: freshRoutine,
    body: () => ({ version: 1, decision: 'Forum §2' }),
  },
  'POST /api/collaborations/{id}/routines/{routineId}/read': {
    scope: 'collaboration',
    allow: NOT_VOLUNTEER,
    params: routine,
  },
  'GET /api/collaborations/{id}/routines/unread': { scope: 'collaboration', allow: ['manager'], params: collab },
  'GET /api/collaborations/{id}/meetings': { scope: 'collaboration', allow: NOT_VOLUNTEER, params: collab },
  'GET /api/collaborations/{id}/series': { scope: 'collaboration', allow: NOT_VOLUNTEER, params: collab },
  'POST /api/collaborations/{id}/series': {
    scope: 'collaboration',
    allow: FORUM,
    params: collab,
    body: () => ({
      level: 'operational',
      title: 'Forum',
      startsAt: `${inDays(40)}T09:00`,
      durationMinutes: 60,
      frequency: 'weekly',
      count: 2,
    }),
  },
  'GET /api/collaborations/{id}/series/{seriesId}/calendar.ics': {
    scope: 'collaboration',
    allow: NOT_VOLUNTEER,
    params: (c) => ({ id: lv(c).collaborationId, seriesId: lv(c).seriesId }),
  },
  'GET /api/collaborations/{id}/meetings/{meetingId}/feedback': {
    scope: 'collaboration',
    allow: NOT_VOLUNTEER,
    params: (c) => ({ id: lv(c).collaborationId, meetingId: lv(c).closedMeetingId }),
  },
  'POST /api/collaborations/{id}/meetings/{meetingId}/feedback': {
    scope: 'collaboration',
    // The forum's representatives: the manager here.
    allow: ['manager'],
    params: (c) => ({ id: lv(c).collaborationId, meetingId: lv(c).closedMeetingId }),
    body: () => ({ note: 'Återkopplat på APT.' }),
  },
  'GET /api/collaborations/{id}/barriers': { scope: 'collaboration', allow: NOT_VOLUNTEER, params: collab },
  'POST /api/collaborations/{id}/barriers': {
    scope: 'collaboration',
    allow: FORUM,
    params: collab,
    body: (c) => ({
      type: 'rules',
      description: `Hinder (${c.actor})`,
      ownerUserId: c.w.people.coordinator.id,
      dueOn: inDays(30),
      level: 'operational',
    }),
  },
  'PATCH /api/collaborations/{id}/barriers/{barrierId}': {
    scope: 'collaboration',
    allow: FORUM,
    params: barrier,
    body: () => ({ action: 'Utbildning i sekretess', status: 'in_progress' }),
  },
  'POST /api/collaborations/{id}/barriers/{barrierId}/escalate': {
    scope: 'collaboration',
    allow: FORUM,
    params: barrier,
    fresh: async (c) => {
      const b = ok<{ id: string }>(
        await lv(c).runner.post(`${base(c)}/barriers`, {
          type: 'time_resources',
          description: `Tid (${c.actor})`,
          ownerUserId: c.w.people.coordinator.id,
          dueOn: inDays(30),
          level: 'operational',
        }),
        201,
        'fresh barrier',
      );
      return { id: lv(c).collaborationId, barrierId: b.id };
    },
  },
  'POST /api/collaborations/{id}/barriers/{barrierId}/proposal': {
    scope: 'collaboration',
    allow: FORUM,
    params: barrier,
    // A barrier becomes one proposal: each allowed actor makes theirs of a fresh one.
    fresh: async (c) => {
      const b = ok<{ id: string }>(
        await lv(c).runner.post(`${base(c)}/barriers`, {
          type: 'rules',
          description: `Förslag (${c.actor})`,
          ownerUserId: c.w.people.coordinator.id,
          dueOn: inDays(30),
          level: 'operational',
        }),
        201,
        'fresh barrier',
      );
      return { id: lv(c).collaborationId, barrierId: b.id };
    },
  },
  'GET /api/collaborations/{id}/agreements': { scope: 'collaboration', allow: NOT_VOLUNTEER, params: collab },
  'POST /api/collaborations/{id}/agreements': {
    scope: 'collaboration',
    allow: STRATEGIC,
    params: collab,
    body: () => ({
      title: 'Lokal överenskommelse om I-SIP',
      parties: ['Socialtjänsten', 'Skolan'],
      signedOn: inDays(-10),
      validFrom: inDays(-10),
      text: 'Skola och boende deltar i I-SIP.',
    }),
  },
  'GET /api/collaborations/{id}/evaluations': { scope: 'collaboration', allow: NOT_VOLUNTEER, params: collab },
  'POST /api/collaborations/{id}/evaluations': {
    scope: 'collaboration',
    allow: STRATEGIC,
    params: collab,
    body: () => ({ title: 'Utvärdering', evaluatedOn: inDays(-1), works: 'Forumet', lacks: 'Skolan' }),
  },
  'GET /api/collaborations/{id}/needs-mapping': {
    scope: 'collaboration',
    allow: ['coordinator', 'manager'],
    params: collab,
  },
};

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { auditLog } from '../../audit/tables.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../test/factories.ts';
import { anonymous, login, startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { countStatements } from '../../test/statement-counter.ts';
import { record, rejection } from '../events/test-helpers.ts';
import { buildHubWorld, consentForHub, type HubWorld, type Person } from '../hub/test-world.ts';
import { schedule } from '../meetings/test-world.ts';
import { addDays } from './dates.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const url = (w: HubWorld) => `/api/children/${w.child.id}/overview`;

/** A hub with a little of everything the first view shows: dates, a meeting, questions shared and not. */
async function busyWorld(): Promise<HubWorld> {
  const w = await buildHubWorld(t);
  // School information only between the school and social services: the god man's questions on school are theirs.
  await consentForHub(w, ['school'], ['social', 'school']);
  await record(w, 'social_worker', rejection(2));
  await schedule(w);
  const ask = async (by: Person, owner: Person, text: string, topic?: string) => {
    const res = await w.clients[by].post(`/api/children/${w.child.id}/questions`, {
      text,
      ownerMemberId: w.members[owner],
      dueOn: addDays(todayInSweden(), 5),
      ...(topic ? { topic } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await ask('school_mentor', 'school_mentor', 'Hur går det i skolan?', 'school');
  await ask('social_worker', 'social_worker', 'Vet han vad avslaget betyder?');
  await ask('contact_person', 'contact_person', 'Sover han bättre?');
  return w;
}

async function separately(c: Client, w: HubWorld) {
  const base = `/api/children/${w.child.id}`;
  const get = async (path: string) => {
    const res = await c.get(`${base}${path}`);
    return res.statusCode === 200 ? res.json<unknown>() : null;
  };
  return {
    child: await get(''),
    hub: await get('/hub'),
    deadlines: await get('/deadlines'),
    upcomingMeetings: await get('/meetings?when=upcoming'),
    questions: await get('/questions?status=all'),
  };
}

describe('GET /api/children/:id/overview', () => {
  it('401, 404 outside the scope and for an unknown child, 400 for a malformed id', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get(url(w))).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url(w))).statusCode).toBe(404);
    expect((await w.clients.admin.get(url(w))).statusCode).toBe(404);
    expect((await w.clients.social_worker.get(`/api/children/${randomUUID()}/overview`)).statusCode).toBe(404);
    const bad = await w.clients.social_worker.get('/api/children/nope/overview');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual(['params.id']);
  });

  it('answers, for every reader, exactly what the separate endpoints answer', async () => {
    const w = await busyWorld();
    for (const who of [
      'social_worker',
      'god_man',
      'contact_person',
      'school_mentor',
      'volunteer',
      'manager',
    ] as const) {
      const res = await w.clients[who].get(url(w));
      expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
      expect(res.json(), who).toEqual(await separately(w.clients[who], w));
    }
    const sw = (await w.clients.social_worker.get(url(w))).json<{
      deadlines: { items: unknown[] };
      upcomingMeetings: { items: unknown[] };
      questions: { items: { text: string }[]; someWithheld: boolean };
    }>();
    expect(sw.deadlines.items.length).toBeGreaterThan(0);
    expect(sw.upcomingMeetings.items).toHaveLength(1);
    // The school's question is shared with social services under the consent; the contact person's is not.
    expect(sw.questions.items.map((q) => q.text).sort()).toEqual([
      'Hur går det i skolan?',
      'Vet han vad avslaget betyder?',
    ]);
    expect(sw.questions.someWithheld).toBe(true);
    const narrow = (await w.clients.volunteer.get(url(w))).json<Record<string, unknown>>();
    expect(narrow).toMatchObject({ deadlines: null, upcomingMeetings: null, questions: null });
  });

  it('writes one audit row, naming the parts and what the sharing rule disclosed and kept back', async () => {
    const w = await busyWorld();
    const rowsOf = () =>
      t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.actorUserId, w.people.social_worker.id)));
    const before = (await rowsOf()).length;
    expect((await w.clients.social_worker.get(url(w))).statusCode).toBe(200);
    const added = (await rowsOf()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]!.action).toBe('child.overview_read');
    const detail = added[0]!.detail as { parts: string[]; sharing: { action: string; category: string }[] };
    expect(detail.parts).toEqual(['child', 'hub', 'deadlines', 'upcomingMeetings', 'questions']);
    expect(detail.sharing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'sharing.disclosed', category: 'school', ground: 'consent' }),
        expect.objectContaining({ action: 'sharing.withheld' }),
      ]),
    );
  });

  it('takes the same few statements whatever the size of the hub', async () => {
    const counts: number[] = [];
    for (const extra of [0, 12]) {
      const w = await busyWorld();
      const org = await buildOrganisation(t.database.db, w.tenant.id, 'civil_society');
      for (let i = 0; i < extra; i++) {
        const u = await buildUser(t.database.db, { tenantId: w.tenant.id, organisationId: org.id, role: 'volunteer' });
        const res = await w.clients.social_worker.post(`/api/children/${w.child.id}/hub/members`, {
          userId: u.id,
          organisationId: org.id,
          hubRole: 'civil_society',
        });
        expect(res.statusCode, res.body).toBe(201);
        if (i === 0) await login(t.app, u.email, TEST_PASSWORD);
      }
      for (let i = 0; i < extra; i++) await schedule(w, { title: `Möte ${i}` });
      const counter = countStatements(t.database);
      try {
        const res = await w.clients.social_worker.get(url(w));
        expect(res.statusCode).toBe(200);
        counts.push(counter.count);
        // The session, the one read, the one audit row.
        expect(counter.count, counter.texts.join('\n---\n')).toBeLessThanOrEqual(3);
      } finally {
        counter.stop();
      }
    }
    expect(counts[1]).toBe(counts[0]);
  });
});

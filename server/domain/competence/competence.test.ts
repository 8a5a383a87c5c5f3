import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { buildUser } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { buildCollabWorld, paths, twoMunicipalities } from '../collaboration/test-world.ts';
import { addMonths } from '../events/deadlines.ts';
import { competenceArtefacts, createNeedFrom } from './service.ts';
import { runWithContext, type Actor } from '../../context.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function setup() {
  const w = await buildCollabWorld(t);
  const c = await twoMunicipalities(w);
  const url = `/api/collaborations/${c.id}/competence`;
  return { w, c, url };
}

type Need = { id: string; status: string; overdue: boolean; owner: { id: string }; parties: { name: string }[] };

describe('competence needs', () => {
  it('a coordinator records one; every staff member reads it; overdue shows', async () => {
    const { w, c, url } = await setup();
    const res = await w.a.clients.coordinator.post(`${url}/needs`, {
      title: 'Sekretess mellan skola och socialtjänst',
      roles: ['school_mentor'],
      partyIds: [c.parties[1]!.id],
      sourceKind: 'barrier',
      sourceId: randomUUID(),
      priority: 'high',
      ownerUserId: w.b.users.mentor.id,
      dueOn: inDays(10),
    });
    expect(res.statusCode, res.body).toBe(201);
    const need = res.json<Need>();
    expect(need).toMatchObject({ status: 'open', overdue: false, owner: { id: w.b.users.mentor.id } });
    expect(need.parties.map((p) => p.name)).toEqual(['Skolan B']);

    const read = await w.b.clients.mentor.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json<{ needs: Need[]; abilities: { manage: boolean } }>()).toMatchObject({
      needs: [{ id: need.id }],
      abilities: { manage: false },
    });

    const patched = await w.a.clients.coordinator.patch(`${url}/needs/${need.id}`, { status: 'planned' });
    expect(patched.json<Need>().status).toBe('planned');
  });

  it('400 at the fields, 403 for staff, 404 outside, 401', async () => {
    const { w, c, url } = await setup();
    const bad = await w.a.clients.coordinator.post(`${url}/needs`, { title: '', sourceKind: 'rumour', dueOn: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['body.dueOn', 'body.ownerUserId', 'body.sourceKind', 'body.title']);
    const refs = await w.a.clients.coordinator.post(`${url}/needs`, {
      title: 'X',
      partyIds: [randomUUID()],
      ownerUserId: randomUUID(),
      dueOn: inDays(1),
    });
    expect(refs.statusCode).toBe(400);
    expect(paths(refs.json())).toEqual(['body.ownerUserId', 'body.partyIds.0']);
    const ok = { title: 'X', ownerUserId: w.a.users.coordinator.id, dueOn: inDays(1) };
    expect((await w.a.clients.mentor.post(`${url}/needs`, ok)).statusCode).toBe(403);
    expect((await w.a.clients.volunteer.get(url)).statusCode).toBe(403);
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    const outsider = await setup();
    expect((await outsider.w.a.clients.coordinator.get(url)).statusCode).toBe(404);
    expect((await w.a.clients.coordinator.patch(`${url}/needs/${randomUUID()}`, { status: 'met' })).statusCode).toBe(
      404,
    );
    expect(c.id).toBeTruthy();
  });

  it('createNeedFrom is callable from another area, and step 4 counts it', async () => {
    const { w, c } = await setup();
    const db = t.database.db;
    const actor: Actor = {
      userId: w.a.users.coordinator.id,
      tenantId: w.a.tenant.id,
      displayName: 'Samordnare',
      sessionId: randomUUID(),
      memberships: [{ organisationId: w.a.orgs.social, role: 'coordinator' }],
    };
    const need = await runWithContext({ requestId: 'test', ip: '127.0.0.1', actor }, () =>
      db.transaction((tx) =>
        createNeedFrom(tx, actor, c.id, {
          title: 'Från en annotering',
          sourceKind: 'annotation',
          sourceId: randomUUID(),
          ownerUserId: w.a.users.coordinator.id,
          dueOn: inDays(-1),
        }),
      ),
    );
    expect(need).toMatchObject({ sourceKind: 'annotation', overdue: true });
    expect(await competenceArtefacts(db, c.id)).toEqual({ needs: 1, trainingSessions: 0 });
  });
});

type Overview = {
  coverage: { partyName: string; topicId: string; staff: string; valid: string; percent: number | null }[];
  sessions: { id: string; attendees: { id: string }[] }[];
};

describe('training and coverage', () => {
  it('counts valid training per party in SQL, "<5" below five, never derivable from a total or as "all but a few"', async () => {
    const { w, c, url } = await setup();
    const db = t.database.db;
    const coord = w.a.clients.coordinator;
    // Social services A has coordinator, admin, volunteer, manager: 4; add 6 more staff = 10.
    const extra = [];
    for (let i = 0; i < 6; i++)
      extra.push(
        await buildUser(db, { tenantId: w.a.tenant.id, organisationId: w.a.orgs.social, role: 'social_worker' }),
      );
    const topic = (await coord.post(`${url}/topics`, { name: 'Sekretess', renewalMonths: 24 })).json<{ id: string }>();
    const dup = await coord.post(`${url}/topics`, { name: 'Sekretess', renewalMonths: 12 });
    expect(paths(dup.json())).toEqual(['body.name']);

    const cov = async () => (await coord.get(url)).json<Overview>().coverage;
    expect(await cov()).toEqual([
      { partyId: c.parties[1]!.id, partyName: 'Skolan B', topicId: topic.id, staff: '<5', valid: '<5', percent: null },
      {
        partyId: c.parties[0]!.id,
        partyName: 'Socialtjänsten A',
        topicId: topic.id,
        staff: '10',
        valid: '<5',
        percent: null,
      },
    ]);

    // Five trained two years ago less a day: valid. One trained 25 months ago: lapsed.
    // Counted from today in Sweden, as the server counts: late in the evening UTC is already tomorrow there.
    const held = addDays(addMonths(todayInSweden(), -24), 1);
    const s = await coord.post(`${url}/sessions`, {
      topicId: topic.id,
      heldOn: held,
      partyIds: [c.parties[0]!.id],
      roles: ['social_worker'],
      attendeeUserIds: extra.slice(0, 5).map((u) => u.id),
    });
    expect(s.statusCode, s.body).toBe(201);
    const old = await coord.post(`${url}/sessions`, {
      topicId: topic.id,
      heldOn: inDays(-25 * 31),
      attendeeUserIds: [extra[5]!.id],
    });
    expect(old.statusCode).toBe(201);
    const after = (await cov()).find((r) => r.partyName === 'Socialtjänsten A');
    expect(after).toMatchObject({ staff: '10', valid: '5', percent: 50 });

    // The lapsed one is retrained: six of ten, so four without: "all but four" would name them, and is withheld.
    const sessionId = old.json<{ id: string }>().id;
    const newer = await coord.post(`${url}/sessions`, {
      topicId: topic.id,
      heldOn: inDays(0),
      attendeeUserIds: [extra[5]!.id, w.b.users.mentor.id],
    });
    expect(newer.statusCode).toBe(201);
    expect((await cov()).find((r) => r.partyName === 'Socialtjänsten A')).toMatchObject({
      staff: '10',
      valid: '–',
      percent: null,
    });
    expect(sessionId).toBeTruthy();
    expect(await competenceArtefacts(db, c.id)).toEqual({ needs: 0, trainingSessions: 3 });
  });

  it('attendance: replaced by the coordinator, 400 for people outside, 404 for another session', async () => {
    const { w, url } = await setup();
    const coord = w.a.clients.coordinator;
    const topic = (await coord.post(`${url}/topics`, { name: 'BUP', renewalMonths: null })).json<{ id: string }>();
    const s = (await coord.post(`${url}/sessions`, { topicId: topic.id, heldOn: inDays(-3) })).json<{ id: string }>();
    const put = await coord.put(`${url}/sessions/${s.id}/attendance`, {
      attendeeUserIds: [w.a.users.mentor.id, w.b.users.manager.id],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<{ attendees: unknown[] }>().attendees).toHaveLength(2);
    const stranger = await setup();
    const bad = await coord.put(`${url}/sessions/${s.id}/attendance`, {
      attendeeUserIds: [w.a.users.mentor.id, stranger.w.a.users.mentor.id],
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['body.attendeeUserIds.1']);
    expect((await coord.put(`${url}/sessions/${randomUUID()}/attendance`, { attendeeUserIds: [] })).statusCode).toBe(
      404,
    );
    expect(
      (await w.a.clients.mentor.put(`${url}/sessions/${s.id}/attendance`, { attendeeUserIds: [] })).statusCode,
    ).toBe(403);
    const future = await coord.post(`${url}/sessions`, {
      topicId: topic.id,
      heldOn: inDays(5),
      attendeeUserIds: [w.a.users.mentor.id],
    });
    expect(paths(future.json())).toEqual(['body.attendeeUserIds']);

    const mine = (await w.a.clients.mentor.get('/api/competence/mine')).json<{
      items: { topicName: string; validUntil: string | null; valid: boolean }[];
    }>();
    expect(mine.items).toEqual([expect.objectContaining({ topicName: 'BUP', validUntil: null, valid: true })]);
  });
});

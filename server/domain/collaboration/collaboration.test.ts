import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildCollabWorld, paths, twoMunicipalities } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('a collaboration of municipalities', () => {
  it('401, 403 for roles that do not start one, the own municipality accepted at once', async () => {
    const w = await buildCollabWorld(t);
    expect((await anonymous(t.app).post('/api/collaborations', { name: 'x' })).statusCode).toBe(401);
    expect((await anonymous(t.app).get('/api/collaborations')).statusCode).toBe(401);
    expect((await w.a.clients.mentor.post('/api/collaborations', { name: 'x' })).statusCode).toBe(403);
    const bad = await w.a.clients.coordinator.post('/api/collaborations', { name: '' });
    expect(paths(bad.json())).toEqual(['body.name']);
    const res = await w.a.clients.coordinator.post('/api/collaborations', { name: 'Samverkan' });
    expect(res.statusCode).toBe(201);
    const c = res.json<{ id: string; municipalities: { status: string }[]; people: { role: string }[] }>();
    expect(c.municipalities.map((m) => m.status)).toEqual(['accepted']);
    expect(c.people.map((p) => p.role)).toEqual(['coordinator']);
    const list = (await w.a.clients.mentor.get('/api/collaborations')).json<{ collaborations: { id: string }[] }>();
    expect(list.collaborations.map((x) => x.id)).toEqual([c.id]);
    // Another municipality does not see it, not even by id.
    expect((await w.b.clients.coordinator.get(`/api/collaborations/${c.id}`)).statusCode).toBe(404);
    expect((await w.a.clients.volunteer.get(`/api/collaborations/${c.id}`)).statusCode).toBe(403);
  });

  it('rename with the version read; a stale version gets 409 with the current collaboration', async () => {
    const w = await buildCollabWorld(t);
    const { id } = await twoMunicipalities(w);
    const url = `/api/collaborations/${id}`;
    expect((await w.a.clients.mentor.patch(url, { name: 'Nytt', version: 1 })).statusCode).toBe(403);
    expect((await w.b.clients.volunteer.patch(url, { name: 'Nytt', version: 1 })).statusCode).toBe(403);
    const ok = await w.a.clients.coordinator.patch(url, { name: 'Nytt namn', version: 1 });
    expect(ok.json()).toMatchObject({ name: 'Nytt namn', version: 2 });
    const stale = await w.b.clients.coordinator.patch(url, { name: 'Annat', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version_conflict', current: { name: 'Nytt namn', version: 2 } });
  });

  it('an invited municipality sees only the invitation until its own tenant admin accepts', async () => {
    const w = await buildCollabWorld(t);
    const c = (await w.a.clients.coordinator.post('/api/collaborations', { name: 'Inbjudan' })).json<{ id: string }>();
    const dir = await w.a.clients.coordinator.get(
      `/api/collaborations/municipalities?q=${encodeURIComponent('Kommun B')}`,
    );
    expect(dir.json<{ municipalities: { id: string }[] }>().municipalities.map((m) => m.id)).toContain(w.b.tenant.id);
    expect(Object.keys(dir.json<{ municipalities: object[] }>().municipalities[0]!).sort()).toEqual(['id', 'name']);
    expect((await w.a.clients.mentor.get('/api/collaborations/municipalities')).statusCode).toBe(403);
    const inv = `/api/collaborations/${c.id}/invitations`;
    expect(paths((await w.a.clients.coordinator.post(inv, { tenantId: randomUUID() })).json())).toEqual([
      'body.tenantId',
    ]);
    expect((await w.a.clients.coordinator.post(inv, { tenantId: w.b.tenant.id })).statusCode).toBe(200);
    expect(paths((await w.a.clients.coordinator.post(inv, { tenantId: w.b.tenant.id })).json())).toEqual([
      'body.tenantId',
    ]);

    const listB = (await w.b.clients.coordinator.get('/api/collaborations')).json<{
      collaborations: unknown[];
      invitations: { collaborationId: string; canRespond: boolean }[];
    }>();
    expect(listB.collaborations).toEqual([]);
    expect(listB.invitations).toMatchObject([{ collaborationId: c.id, canRespond: false }]);
    expect((await w.b.clients.coordinator.get(`/api/collaborations/${c.id}`)).statusCode).toBe(404);
    // Only B's own tenant admin answers; A's admin has no invitation to answer.
    expect((await w.b.clients.coordinator.post(`/api/collaborations/${c.id}/invitation/accept`)).statusCode).toBe(403);
    expect((await w.a.clients.admin.post(`/api/collaborations/${c.id}/invitation/accept`)).statusCode).toBe(404);
    const accepted = await w.b.clients.admin.post(`/api/collaborations/${c.id}/invitation/accept`);
    expect(accepted.json()).toEqual({ collaborationId: c.id, status: 'accepted' });
    expect((await w.b.clients.mentor.get(`/api/collaborations/${c.id}`)).statusCode).toBe(200);
    expect((await w.b.clients.admin.post(`/api/collaborations/${c.id}/invitation/decline`)).statusCode).toBe(404);
  });

  it('a declined invitation gives no access', async () => {
    const w = await buildCollabWorld(t);
    const c = (await w.a.clients.coordinator.post('/api/collaborations', { name: 'Nej tack' })).json<{ id: string }>();
    await w.a.clients.coordinator.post(`/api/collaborations/${c.id}/invitations`, { tenantId: w.b.tenant.id });
    expect((await w.b.clients.admin.post(`/api/collaborations/${c.id}/invitation/decline`)).statusCode).toBe(200);
    expect((await w.b.clients.admin.get(`/api/collaborations/${c.id}`)).statusCode).toBe(404);
    const a = (await w.a.clients.coordinator.get(`/api/collaborations/${c.id}`)).json<{
      municipalities: { status: string }[];
    }>();
    expect(a.municipalities.map((m) => m.status)).toEqual(['accepted', 'declined']);
  });
});

describe('parties and people', () => {
  it('parties come from accepted municipalities or from outside by name and kind', async () => {
    const w = await buildCollabWorld(t);
    const c = (await w.a.clients.coordinator.post('/api/collaborations', { name: 'Parter' })).json<{ id: string }>();
    const url = `/api/collaborations/${c.id}/parties`;
    // B has not accepted: its school cannot be a party.
    await w.a.clients.coordinator.post(`/api/collaborations/${c.id}/invitations`, { tenantId: w.b.tenant.id });
    expect(paths((await w.a.clients.coordinator.post(url, { organisationId: w.b.orgs.school })).json())).toEqual([
      'body.organisationId',
    ]);
    expect(paths((await w.a.clients.coordinator.post(url, {})).json())).toEqual(['body.kind', 'body.name']);
    expect(paths((await w.a.clients.coordinator.post(url, { name: 'BUP', kind: 'hospital' })).json())).toEqual([
      'body.kind',
    ]);
    expect((await w.a.clients.mentor.post(url, { name: 'BUP', kind: 'child_psychiatry' })).statusCode).toBe(403);
    expect((await w.b.clients.coordinator.post(url, { name: 'BUP', kind: 'child_psychiatry' })).statusCode).toBe(404);
    await w.a.clients.coordinator.post(url, { organisationId: w.a.orgs.social, kind: 'social_services' });
    // Once B takes part, its school joins through B: A's coordinator cannot bring it in.
    await w.b.clients.admin.post(`/api/collaborations/${c.id}/invitation/accept`);
    const byA = await w.a.clients.coordinator.post(url, { organisationId: w.b.orgs.school, kind: 'school' });
    expect(byA.statusCode).toBe(403);
    const byB = await w.b.clients.coordinator.post(url, { organisationId: w.b.orgs.school, kind: 'school' });
    expect(byB.statusCode, byB.body).toBe(200);
    await w.b.clients.coordinator.post(
      `${url}/${byB.json<{ parties: { id: string; name: string }[] }>().parties.at(-1)!.id}/end`,
    );
    const res = await w.a.clients.coordinator.post(url, { name: 'BUP Region', kind: 'child_psychiatry' });
    const parties = res.json<{ parties: { id: string; name: string; tenantId: string | null }[] }>().parties;
    expect(parties.map((p) => p.name)).toContain('BUP Region');
    expect(parties.find((p) => p.name === 'BUP Region')!.tenantId).toBeNull();
    const ended = await w.a.clients.coordinator.post(`${url}/${parties[0]!.id}/end`);
    expect(ended.json<{ parties: unknown[] }>().parties).toHaveLength(1);
    expect((await w.a.clients.coordinator.post(`${url}/${parties[0]!.id}/end`)).statusCode).toBe(409);
  });

  it('a representative from outside the party or the collaboration is refused at the field', async () => {
    const w = await buildCollabWorld(t);
    const { id, parties } = await twoMunicipalities(w);
    const url = `/api/collaborations/${id}/people`;
    const social = parties.find((p) => p.name === 'Socialtjänsten A')!;
    const school = parties.find((p) => p.name === 'Skolan B')!;
    const other = await buildCollabWorld(t);
    const outsider = await w.a.clients.coordinator.post(url, {
      role: 'strategic_representative',
      partyId: social.id,
      userId: other.a.users.manager.id,
    });
    expect(paths(outsider.json())).toEqual(['body.userId']);
    // A's school mentor does not work for A's social services.
    const wrongOrg = await w.a.clients.coordinator.post(url, {
      role: 'operational_representative',
      partyId: social.id,
      userId: w.a.users.mentor.id,
    });
    expect(paths(wrongOrg.json())).toEqual(['body.userId']);
    expect(paths((await w.a.clients.coordinator.post(url, { role: 'strategic_representative' })).json())).toEqual([
      'body.partyId',
    ]);
    expect(paths((await w.a.clients.coordinator.post(url, { role: 'chair' })).json())).toEqual(['body.role']);
    expect((await w.a.clients.mentor.post(url, { role: 'coordinator', name: 'X' })).statusCode).toBe(403);
    // B's mentor works for B's school, but B names its own staff: A's coordinator cannot, B's can.
    const byA = await w.a.clients.coordinator.post(url, {
      role: 'operational_representative',
      partyId: school.id,
      userId: w.b.users.mentor.id,
    });
    expect(byA.statusCode, byA.body).toBe(403);
    const ok = await w.b.clients.coordinator.post(url, {
      role: 'operational_representative',
      partyId: school.id,
      userId: w.b.users.mentor.id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const people = ok.json<{ people: { id: string; role: string; name: string; tenantId: string }[] }>().people;
    expect(people.map((p) => p.role).sort()).toEqual(['coordinator', 'operational_representative']);
    expect(people.find((p) => p.role === 'operational_representative')!.tenantId).toBe(w.b.tenant.id);
    const cands = await w.a.clients.coordinator.get(`/api/collaborations/${id}/candidates?q=mentor`);
    expect(
      cands
        .json<{ users: { id: string }[] }>()
        .users.map((u) => u.id)
        .sort(),
    ).toEqual([w.a.users.mentor.id, w.b.users.mentor.id].sort());
    expect((await w.a.clients.mentor.get(`/api/collaborations/${id}/candidates`)).statusCode).toBe(403);
    const rep = people.find((p) => p.role === 'operational_representative')!;
    expect((await w.a.clients.coordinator.post(`${url}/${rep.id}/end`)).statusCode).toBe(403);
    expect((await w.b.clients.coordinator.post(`${url}/${rep.id}/end`)).statusCode).toBe(200);
    expect((await w.b.clients.coordinator.post(`${url}/${rep.id}/end`)).statusCode).toBe(409);
  });
});

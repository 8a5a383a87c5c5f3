import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, buildWorld } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
type Row = { topic: { key: string }; responsible: { memberId: string } | null; unassigned: boolean };

describe('tenant topics: /api/hub/topics', () => {
  it('401 without a session; lists the nine default topics first', async () => {
    expect((await anonymous(t.app).get('/api/hub/topics')).statusCode).toBe(401);
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    const body = (await w.clients.social_worker.get('/api/hub/topics')).json();
    expect(body.items.map((i: { key: string }) => i.key)).toEqual([
      'school',
      'health',
      'asylum_case',
      'money',
      'housing',
      'leisure',
      'family_contact',
      'return',
      'everyday',
    ]);
  });

  it('tenant admins add and archive topics; others get 403; bad labels 400', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker', 'tenant_admin']);
    const body = { labelSv: 'Körkort', labelEn: 'Driving licence' };
    expect((await anonymous(t.app).post('/api/hub/topics', body)).statusCode).toBe(401);
    expect((await w.clients.social_worker.post('/api/hub/topics', body)).statusCode).toBe(403);
    const bad = await w.clients.tenant_admin.post('/api/hub/topics', { labelSv: ' ', labelEn: 'x' });
    expect(paths(bad.json())).toEqual(['body.labelSv']);
    const created = await w.clients.tenant_admin.post('/api/hub/topics', body);
    expect(created.statusCode).toBe(201);
    const topic = created.json();
    expect(topic).toMatchObject({ kind: 'tenant', label: { sv: 'Körkort', en: 'Driving licence' }, archived: false });

    const other = await buildWorld(t.app, t.database.db, ['tenant_admin']);
    expect(
      (await other.clients.tenant_admin.patch(`/api/hub/topics/${topic.key}`, { archived: true })).statusCode,
    ).toBe(404);
    expect((await w.clients.social_worker.patch(`/api/hub/topics/${topic.key}`, { archived: true })).statusCode).toBe(
      403,
    );
    const archived = await w.clients.tenant_admin.patch(`/api/hub/topics/${topic.key}`, { archived: true });
    expect(archived.json().archived).toBe(true);
  });
});

describe('the topic matrix: /api/children/:id/topics', () => {
  it('401, 404 outside the hub; every topic starts unassigned', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/topics`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    const body = (await w.clients.school_mentor.get(url)).json();
    expect(body).toMatchObject({ unassignedCount: 9, abilities: { manage: false } });
  });

  it('PUT: 401, 404 outside, 403 beyond the core three, 400 for a non-member, 400/404 for a bad topic', async () => {
    const w = await buildHubWorld(t);
    const base = `/api/children/${w.child.id}/topics`;
    const body = { responsibleMemberId: w.members.school_mentor, fallbackMemberId: w.members.contact_person };
    expect((await anonymous(t.app).put(`${base}/school`, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.put(`${base}/school`, body)).statusCode).toBe(404);
    expect((await w.clients.school_mentor.put(`${base}/school`, body)).statusCode).toBe(403);

    // Someone in another child's hub is not a member of this one.
    const other = await buildHubWorld(t);
    const res = await w.clients.contact_person.put(`${base}/school`, {
      responsibleMemberId: other.members.school_mentor,
      fallbackMemberId: w.members.school_mentor,
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.responsibleMemberId']);
    const same = await w.clients.contact_person.put(`${base}/school`, {
      responsibleMemberId: w.members.school_mentor,
      fallbackMemberId: w.members.school_mentor,
    });
    expect(paths(same.json())).toEqual(['body.fallbackMemberId']);
    expect((await w.clients.contact_person.put(`${base}/cooking`, body)).statusCode).toBe(400);
    expect((await w.clients.contact_person.put(`${base}/${randomUUID()}`, body)).statusCode).toBe(404);
    // Nothing changed by any of these.
    expect((await w.clients.social_worker.get(base)).json().unassignedCount).toBe(9);
  });

  it('assigns a topic; the child’s flag counts down; a member who leaves leaves the topic flagged', async () => {
    const w = await buildHubWorld(t);
    const base = `/api/children/${w.child.id}/topics`;
    const res = await w.clients.contact_person.put(`${base}/school`, {
      responsibleMemberId: w.members.school_mentor,
      fallbackMemberId: w.members.contact_person,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      topic: { key: 'school', kind: 'default' },
      responsible: { memberId: w.members.school_mentor, displayName: 'Mats Holm' },
      fallback: { memberId: w.members.contact_person },
      unassigned: false,
    });
    const child = () => w.clients.social_worker.get(`/api/children/${w.child.id}`);
    expect((await child()).json().flags.topicsWithoutResponsible).toBe(8);

    await w.clients.social_worker.post(`/api/children/${w.child.id}/hub/members/${w.members.school_mentor}/end`, {});
    const matrix = (await w.clients.social_worker.get(base)).json();
    const school = matrix.items.find((i: Row) => i.topic.key === 'school');
    expect(school).toMatchObject({ responsible: null, unassigned: true });
    expect((await child()).json().flags.topicsWithoutResponsible).toBe(9);
  });

  it('a tenant topic joins every child’s matrix', async () => {
    const w = await buildHubWorld(t);
    const topic = (
      await w.clients.admin.post('/api/hub/topics', { labelSv: 'Praktik', labelEn: 'Work placement' })
    ).json();
    const res = await w.clients.social_worker.put(`/api/children/${w.child.id}/topics/${topic.key}`, {
      responsibleMemberId: w.members.contact_person,
    });
    expect(res.statusCode).toBe(200);
    const matrix = (await w.clients.social_worker.get(`/api/children/${w.child.id}/topics`)).json();
    expect(matrix.items).toHaveLength(10);
    expect(matrix.unassignedCount).toBe(9);
  });

  it('civil society sees only the topics shared with it', async () => {
    const w = await buildHubWorld(t);
    const base = `/api/children/${w.child.id}/topics`;
    await w.clients.social_worker.put(`${base}/leisure`, {
      responsibleMemberId: w.members.volunteer,
      shareableWithCivilSociety: true,
    });
    await w.clients.social_worker.put(`${base}/asylum_case`, { responsibleMemberId: w.members.god_man });
    const narrow = (await w.clients.volunteer.get(base)).json();
    expect(narrow.items.map((i: Row) => i.topic.key)).toEqual(['leisure']);
    expect(narrow.abilities.manage).toBe(false);
    expect((await w.clients.volunteer.put(`${base}/school`, { responsibleMemberId: null })).statusCode).toBe(403);
  });
});

describe('the directory', () => {
  it('people and organisations for staff; 403 for volunteers; 401 without a session', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get('/api/hub/people')).statusCode).toBe(401);
    expect((await w.clients.volunteer.get('/api/hub/people')).statusCode).toBe(403);
    expect((await w.clients.volunteer.get('/api/hub/organisations')).statusCode).toBe(403);
    const people = (await w.clients.social_worker.get('/api/hub/people?q=Greta')).json();
    expect(people.items).toEqual([
      {
        userId: w.people.spare_god_man.id,
        displayName: 'Greta Ny',
        organisations: [
          { id: w.orgs.guardian.id, name: w.orgs.guardian.name, role: 'god_man', principalType: 'municipality' },
        ],
      },
    ]);
    const orgs = (await w.clients.social_worker.get('/api/hub/organisations')).json();
    expect(orgs.items).toHaveLength(5);
    const bad = await w.clients.social_worker.get('/api/hub/people?limit=0');
    expect(paths(bad.json())).toEqual(['query.limit']);
    // Another tenant's people never show.
    await buildTenant(t.database.db);
    expect((await w.clients.social_worker.get('/api/hub/people?q=Test')).json().items).toEqual([]);
  });
});

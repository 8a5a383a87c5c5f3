import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubRoleRules, mayTakeHubRole } from '../../../common/hub-roles.ts';
import { PrincipalType, Role } from '../../../common/roles.ts';
import { demoOrgs, demoUsers } from '../../demo/seed.ts';
import { buildOrganisation, buildUser } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld, hubSetup, type HubWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const membersUrl = (w: HubWorld) => `/api/children/${w.child.id}/hub/members`;

describe('a hub role must match the person’s role at work and their organisation', () => {
  it('a school mentor is not made the child’s god man: 400 at body.hubRole, nothing added', async () => {
    const w = await buildHubWorld(t);
    const mentor = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: w.orgs.school.id,
      role: 'school_mentor',
    });
    const res = await w.clients.social_worker.post(membersUrl(w), { userId: mentor.id, hubRole: 'god_man' });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.hubRole']);
    const hub = (await w.clients.social_worker.get(`/api/children/${w.child.id}/hub`)).json();
    expect(hub.members.map((m: { userId: string }) => m.userId)).not.toContain(mentor.id);
  });

  it('the right role in the wrong kind of organisation is refused too (BUP outside the region)', async () => {
    const w = await buildHubWorld(t);
    const notBup = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: w.orgs.social.id,
      role: 'child_psychiatry',
    });
    const res = await w.clients.social_worker.post(membersUrl(w), { userId: notBup.id, hubRole: 'child_psychiatry' });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.hubRole']);
    const region = await buildOrganisation(t.database.db, w.tenant.id, 'region');
    const bup = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: region.id,
      role: 'child_psychiatry',
    });
    const ok = await w.clients.social_worker.post(membersUrl(w), { userId: bup.id, hubRole: 'child_psychiatry' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ hubRole: 'child_psychiatry', organisation: { id: region.id } });
  });

  it('with several organisations, the one where the person holds the matching role is taken', async () => {
    const w = await buildHubWorld(t);
    const person = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: w.orgs.school.id,
      role: 'school_mentor',
    });
    const asMentor = await w.clients.admin.post(`/api/admin/users/${person.id}/memberships`, {
      organisationId: w.orgs.civil.id,
      role: 'coordinator',
    });
    expect(asMentor.statusCode).toBe(201);
    const res = await w.clients.social_worker.post(membersUrl(w), { userId: person.id, hubRole: 'school_mentor' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ organisation: { id: w.orgs.school.id } });
    // Naming the organisation where the role does not fit is refused at the role.
    const other = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: w.orgs.school.id,
      role: 'school_health',
    });
    const wrong = await w.clients.social_worker.post(membersUrl(w), {
      userId: other.id,
      hubRole: 'god_man',
      organisationId: w.orgs.school.id,
    });
    expect(paths(wrong.json())).toEqual(['body.hubRole']);
  });

  it('a replacement must fit the leaving member’s role: 400 at body.hubRole, nobody ended', async () => {
    const w = await buildHubWorld(t);
    const res = await w.clients.social_worker.post(`${membersUrl(w)}/${w.members.god_man}/end`, {
      replacementUserId: w.people.outsider.id,
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(['body.hubRole']);
    const hub = (await w.clients.social_worker.get(`/api/children/${w.child.id}/hub`)).json();
    expect(hub.members.map((m: { memberId: string }) => m.memberId)).toContain(w.members.god_man);
  });

  it('the people picker tells each organisation’s principal type, so the client offers matching people only', async () => {
    const w = await buildHubWorld(t);
    const res = await w.clients.social_worker.get('/api/hub/people?q=G%C3%B6ran');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].organisations).toEqual([
      { id: w.orgs.guardian.id, name: w.orgs.guardian.name, role: 'god_man', principalType: 'municipality' },
    ]);
  });
});

describe('the demo data and the test worlds build valid hubs', () => {
  it('every demo hub member may take their place', async () => {
    const { demoChildren } = await import('../../demo/seed.ts');
    for (const c of demoChildren)
      for (const [key, hubRole] of c.hub) {
        const u = demoUsers.find((d) => d.role === key)!;
        const org = demoOrgs[u.org as keyof typeof demoOrgs];
        expect(mayTakeHubRole(hubRole, u.role, PrincipalType.parse(org.principalType)), `${c.name}: ${key}`).toBe(true);
      }
  });

  it('every member of the hub test world may take their place', () => {
    for (const { role, principalType, hubRole } of hubSetup())
      expect(mayTakeHubRole(hubRole, Role.parse(role), principalType), `${role} as ${hubRole}`).toBe(true);
    expect(Object.keys(hubRoleRules)).toHaveLength(9);
  });
});

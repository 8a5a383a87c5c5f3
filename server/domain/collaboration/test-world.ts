import type { Role } from '../../../common/roles.ts';
import { buildOrganisation, buildTenant, buildUser, TEST_PASSWORD, type TestUser } from '../../test/factories.ts';
import { login, type Client, type TestApp } from '../../test/harness.ts';

/** Field paths of a 400, sorted. */
export const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

/** A small, real PDF (what the bytes check accepts). */
export const tinyPdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  ).toString('base64');

type Who = 'coordinator' | 'admin' | 'mentor' | 'volunteer' | 'manager';
const roleOf: Record<Who, Role> = {
  coordinator: 'coordinator',
  admin: 'tenant_admin',
  mentor: 'school_mentor',
  volunteer: 'volunteer',
  manager: 'manager',
};

async function side(t: TestApp, name: string) {
  const tenant = await buildTenant(t.database.db, { name });
  const social = await buildOrganisation(t.database.db, tenant.id);
  const school = await buildOrganisation(t.database.db, tenant.id);
  const users = {} as Record<Who, TestUser>;
  const clients = {} as Record<Who, Client>;
  for (const who of Object.keys(roleOf) as Who[]) {
    const org = who === 'mentor' ? school.id : social.id;
    users[who] = await buildUser(t.database.db, {
      tenantId: tenant.id,
      organisationId: org,
      role: roleOf[who],
      displayName: `${who} ${name}`,
    });
    clients[who] = await login(t.app, users[who].email, TEST_PASSWORD);
  }
  return { tenant, orgs: { social: social.id, school: school.id }, users, clients };
}

/** Two municipalities, A and B, each with a coordinator, an admin, a school mentor, a volunteer and a manager. */
export async function buildCollabWorld(t: TestApp) {
  return { a: await side(t, 'Kommun A (test)'), b: await side(t, 'Kommun B (test)') };
}
export type CollabWorld = Awaited<ReturnType<typeof buildCollabWorld>>;

/** A's coordinator starts a collaboration, B accepts; A's social services and B's school (added by B) are parties. */
export async function twoMunicipalities(w: CollabWorld) {
  const c = (await w.a.clients.coordinator.post('/api/collaborations', { name: 'Samverkan A–B' })).json<{
    id: string;
  }>();
  await w.a.clients.coordinator.post(`/api/collaborations/${c.id}/invitations`, { tenantId: w.b.tenant.id });
  await w.b.clients.admin.post(`/api/collaborations/${c.id}/invitation/accept`);
  await w.a.clients.coordinator.post(`/api/collaborations/${c.id}/parties`, {
    organisationId: w.a.orgs.social,
    name: 'Socialtjänsten A',
    kind: 'social_services',
  });
  // B brings its own school in.
  const res = await w.b.clients.coordinator.post(`/api/collaborations/${c.id}/parties`, {
    organisationId: w.b.orgs.school,
    name: 'Skolan B',
    kind: 'school',
  });
  const detail = res.json<{ parties: { id: string; name: string }[] }>();
  return { id: c.id, parties: detail.parties };
}

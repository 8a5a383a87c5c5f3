import type { Role } from '../../../../common/roles.ts';
import type { CollaborationPersonRole } from '../../../../common/schemas/collaboration.ts';
import {
  buildChild,
  buildOrganisation,
  buildTenant,
  buildUser,
  TEST_PASSWORD,
  type TestUser,
} from '../../../test/factories.ts';
import { login, type Client, type TestApp } from '../../../test/harness.ts';
import { collaborationPeople, collaborationTenants, collaborations } from '../tables.ts';

/** People of a levels world, by what they do. */
export type Person =
  | 'coordinator'
  | 'forum_rep'
  | 'strategic_rep'
  | 'mentor'
  | 'mentor2'
  | 'manager'
  | 'social_worker'
  | 'volunteer'
  | 'other_town'
  | 'invited_town'
  | 'outsider';

/**
 * Two municipalities in one collaboration (both accepted), a third invited
 * that has not answered, and a fourth outside it. In the first: a school
 * (a mentor, a second mentor, their manager), social services, a volunteer,
 * and a child whose hub holds the mentor. Rows of the collaboration are
 * inserted directly: creating collaborations is another folder's route.
 */
export async function buildLevelsWorld(t: TestApp) {
  const db = t.database.db;
  const town = await buildTenant(db, { name: 'Strömsund (test)' });
  const other = await buildTenant(db, { name: 'Ragunda (test)' });
  const invited = await buildTenant(db, { name: 'Bräcke (test)' });
  const outside = await buildTenant(db, { name: 'Krokom (test)' });
  const school = await buildOrganisation(db, town.id);
  const social = await buildOrganisation(db, town.id);
  const civil = await buildOrganisation(db, town.id, 'civil_society');
  const otherOrg = await buildOrganisation(db, other.id);
  const invitedOrg = await buildOrganisation(db, invited.id);
  const outsideOrg = await buildOrganisation(db, outside.id);
  const setup: Record<Person, [string, string, Role, string]> = {
    coordinator: [town.id, social.id, 'coordinator', 'Cora Samordnare'],
    forum_rep: [town.id, social.id, 'manager', 'Frida Företrädare'],
    strategic_rep: [other.id, otherOrg.id, 'manager', 'Sten Strateg'],
    mentor: [town.id, school.id, 'school_mentor', 'Mats Mentor'],
    mentor2: [town.id, school.id, 'school_mentor', 'Maja Mentor'],
    manager: [town.id, school.id, 'manager', 'Rektor Rut'],
    social_worker: [town.id, social.id, 'social_worker', 'Sara Lind'],
    volunteer: [town.id, civil.id, 'volunteer', 'Vera Ström'],
    other_town: [other.id, otherOrg.id, 'social_worker', 'Olle Ragunda'],
    invited_town: [invited.id, invitedOrg.id, 'social_worker', 'Ida Bräcke'],
    outsider: [outside.id, outsideOrg.id, 'social_worker', 'Ulf Krokom'],
  };
  const people = {} as Record<Person, TestUser>;
  const clients = {} as Record<Person, Client>;
  for (const [p, [tenantId, organisationId, role, displayName]] of Object.entries(setup) as [
    Person,
    [string, string, Role, string],
  ][]) {
    people[p] = await buildUser(db, { tenantId, organisationId, role, displayName });
    clients[p] = await login(t.app, people[p].email, TEST_PASSWORD);
  }
  const [collab] = await db
    .insert(collaborations)
    .values({ name: 'Samverkan Jämtland (test)', ownerTenantId: town.id, createdBy: people.coordinator.id })
    .returning();
  const id = collab!.id;
  await db.insert(collaborationTenants).values([
    { collaborationId: id, tenantId: town.id, status: 'accepted' },
    { collaborationId: id, tenantId: other.id, status: 'accepted' },
    { collaborationId: id, tenantId: invited.id, status: 'invited' },
  ]);
  const person = (p: Person, role: CollaborationPersonRole) => ({
    collaborationId: id,
    role,
    userId: people[p].id,
    tenantId: people[p].tenantId,
    name: setup[p][3],
  });
  await db
    .insert(collaborationPeople)
    .values([person('forum_rep', 'operational_representative'), person('strategic_rep', 'strategic_representative')]);
  const child = await buildChild(db, {
    tenantId: town.id,
    name: 'Amir',
    caseNumber: '1234-5678',
    hub: [
      { user: people.social_worker, hubRole: 'social_worker' },
      { user: people.mentor, hubRole: 'school_mentor' },
      { user: people.volunteer, hubRole: 'civil_society' },
    ],
  });
  return { id, town, other, outside, people, clients, child };
}
export type LevelsWorld = Awaited<ReturnType<typeof buildLevelsWorld>>;

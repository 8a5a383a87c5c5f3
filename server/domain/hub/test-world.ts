import type { PrincipalType, Role } from '../../../common/roles.ts';
import { todayInSweden, type HubRole } from '../../../common/schemas/children.ts';
import { infoCategories, type InfoCategory } from '../../../common/schemas/sharing.ts';
import { addDays } from '../children/dates.ts';
import {
  buildChild,
  buildOrganisation,
  buildTenant,
  buildUser,
  TEST_PASSWORD,
  type TestUser,
} from '../../test/factories.ts';
import { login, type Client, type TestApp } from '../../test/harness.ts';

/** People of a hub world, by what they are to the child. */
export type Person =
  | 'social_worker'
  | 'god_man'
  | 'contact_person'
  | 'school_mentor'
  | 'volunteer'
  | 'manager'
  | 'outsider'
  | 'admin'
  | 'spare_god_man';

const setup: Record<Person, { role: Role; org: 'social' | 'guardian' | 'hvb' | 'school' | 'civil'; name: string }> = {
  social_worker: { role: 'social_worker', org: 'social', name: 'Sara Lind' },
  god_man: { role: 'god_man', org: 'guardian', name: 'Göran Ek' },
  contact_person: { role: 'contact_person', org: 'hvb', name: 'Karin Berg' },
  school_mentor: { role: 'school_mentor', org: 'school', name: 'Mats Holm' },
  volunteer: { role: 'volunteer', org: 'civil', name: 'Vera Ström' },
  manager: { role: 'manager', org: 'social', name: 'Cecilia Norén' },
  outsider: { role: 'social_worker', org: 'social', name: 'Olle Utanför' },
  admin: { role: 'tenant_admin', org: 'social', name: 'Anna Admin' },
  spare_god_man: { role: 'god_man', org: 'guardian', name: 'Greta Ny' },
};

/** Who is in the child's hub, in which role. */
const hub: [Person, HubRole][] = [
  ['social_worker', 'social_worker'],
  ['god_man', 'god_man'],
  ['contact_person', 'contact_person'],
  ['school_mentor', 'school_mentor'],
  ['volunteer', 'civil_society'],
];

const orgTypes = {
  social: 'municipality',
  guardian: 'municipality',
  hvb: 'private_provider',
  school: 'municipality',
  civil: 'civil_society',
} as const satisfies Record<string, PrincipalType>;

/** Each hub place of the world with the role at work and organisation behind it, to check it is a valid hub. */
export function hubSetup(): { role: Role; principalType: PrincipalType; hubRole: HubRole }[] {
  return hub.map(([person, hubRole]) => ({
    role: setup[person].role,
    principalType: orgTypes[setup[person].org],
    hubRole,
  }));
}

/**
 * A municipality with five organisations, one user per person, everyone
 * logged in, and one child whose hub holds the core three, a school mentor
 * and a volunteer. `members` maps each hub person to their membership id.
 */
export async function buildHubWorld(t: TestApp, opts: { caseNumber?: string | null } = {}) {
  const db = t.database.db;
  const tenant = await buildTenant(db);
  const orgs = {
    social: await buildOrganisation(db, tenant.id, orgTypes.social),
    guardian: await buildOrganisation(db, tenant.id, orgTypes.guardian),
    hvb: await buildOrganisation(db, tenant.id, orgTypes.hvb),
    school: await buildOrganisation(db, tenant.id, orgTypes.school),
    civil: await buildOrganisation(db, tenant.id, orgTypes.civil),
  };
  const people = {} as Record<Person, TestUser>;
  const clients = {} as Record<Person, Client>;
  for (const [person, s] of Object.entries(setup) as [Person, (typeof setup)[Person]][]) {
    people[person] = await buildUser(db, {
      tenantId: tenant.id,
      organisationId: orgs[s.org].id,
      role: s.role,
      displayName: s.name,
    });
    clients[person] = await login(t.app, people[person].email, TEST_PASSWORD);
  }
  const child = await buildChild(db, {
    tenantId: tenant.id,
    name: 'Amir',
    caseNumber: opts.caseNumber === undefined ? '12345678' : opts.caseNumber,
    asylumStatus: 'rejected',
    hub: hub.map(([person, hubRole]) => ({ user: people[person], hubRole })),
  });
  const members = {} as Record<Person, string>;
  hub.forEach(([person], i) => (members[person] = child.members[i]!.id));
  return { tenant, orgs, people, clients, child, members };
}

export type HubWorld = Awaited<ReturnType<typeof buildHubWorld>>;

/**
 * The child's written consent, for the hub's work, to its staff organisations
 * sharing every category with each other: tests of hub work between people of
 * different organisations start from it (without it, the sharing rule keeps
 * each organisation's items to itself). Returns the consent id.
 */
export async function consentForHub(
  w: HubWorld,
  categories: InfoCategory[] = [...infoCategories],
  orgs: ('social' | 'guardian' | 'hvb' | 'school')[] = ['social', 'guardian', 'hvb', 'school'],
): Promise<string> {
  const res = await w.clients.social_worker.post(`/api/children/${w.child.id}/consents`, {
    givenBy: 'both',
    organisationIds: orgs.map((o) => w.orgs[o].id),
    categories,
    purposes: ['hub'],
    validFrom: todayInSweden(),
    validTo: addDays(todayInSweden(), 180),
    form: 'written',
  });
  if (res.statusCode !== 201) throw new Error(`consent not recorded: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

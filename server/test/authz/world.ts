import type { LightMyRequestResponse } from 'fastify';
import { roles, type PrincipalType, type Role } from '../../../common/roles.ts';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { createSession, SESSION_COOKIE } from '../../domain/auth/sessions.ts';
import { addDays } from '../../domain/children/dates.ts';
import { toLocal } from '../../domain/meetings/stockholm.ts';
import { organisations } from '../../domain/tenancy/tables.ts';
import { buildTenant, buildUser, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { loadConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { buildApp } from '../../http/app.ts';
import { clientFor, login, openTestDatabase, startTestApp, type Client, type TestApp } from '../harness.ts';
import { buildCollaborationSides } from './world-collaboration.ts';
import { buildLevels } from './levels-world.ts';

/*
 * The world the authorisation matrix runs in. Tenant A holds the organisations
 * a hub really has and one user per role; child X has all of them in its hub
 * (the manager sees it through the social services), child Y has only an owner
 * from another unit, child Z lives in tenant B. Everything the routes take ids
 * of is created through the API, once per side, so every path parameter can be
 * filled with an in-scope id and an out-of-scope one.
 */

/** Who sends a request: one user per role, and a social worker whose place in X's hub has ended. */
export type Actor = Role | 'ended';
export const actors: Actor[] = [...roles, 'ended'];
export type Side = 'x' | 'y' | 'z';

export const today = () => todayInSweden();
export const inDays = (n: number) => addDays(todayInSweden(), n);
/** Swedish local time `days` from now at the given hour, as a meeting form sends it. */
export function localAt(days: number, hour = 9): string {
  const day = toLocal(new Date(Date.now() + days * 24 * 60 * 60_000)).slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

export function ok<T = Record<string, unknown>>(res: LightMyRequestResponse, status: number, what: string): T {
  if (res.statusCode !== status) throw new Error(`world: ${what} → ${res.statusCode} ${res.body}`);
  return (res.body ? res.json() : null) as T;
}

type OrgKey = 'social' | 'guardian' | 'school' | 'bup' | 'hvb' | 'civil' | 'socialEast';
const orgSetup: Record<OrgKey, [string, PrincipalType]> = {
  social: ['Socialtjänsten, IFO barn och unga', 'municipality'],
  guardian: ['Överförmyndaren', 'municipality'],
  school: ['Hedbergska skolan', 'municipality'],
  bup: ['BUP Region Jämtland', 'region'],
  hvb: ['HVB Solrosen', 'private_provider'],
  civil: ['Röda Korset Strömsund', 'civil_society'],
  socialEast: ['Socialtjänsten, enhet öst', 'municipality'],
};
const orgOf: Record<Actor, OrgKey> = {
  social_worker: 'social',
  god_man: 'guardian',
  contact_person: 'hvb',
  school_mentor: 'school',
  school_health: 'school',
  child_psychiatry: 'bup',
  manager: 'social',
  coordinator: 'social',
  tenant_admin: 'social',
  volunteer: 'civil',
  ended: 'social',
};
/** The place each actor has in X's hub; manager, coordinator and tenant admin have none. */
const hubRoleOf: Partial<Record<Actor, string>> = {
  god_man: 'god_man',
  contact_person: 'contact_person',
  school_mentor: 'school_mentor',
  school_health: 'school_health',
  child_psychiatry: 'child_psychiatry',
  volunteer: 'civil_society',
  ended: 'other_staff',
};

/** One of every kind of entity the routes take ids of, for one child. */
export interface Entities {
  childId: string;
  childName: string;
  tenantId: string;
  ownerId: string;
  orgs: { social: string; school: string; bup: string; hvb: string };
  /** The owner's (social worker's) hub membership, and a second staff membership (god man or spare). */
  memberId: string;
  staffMemberId: string;
  plan: { id: string; version: number };
  measureId: string;
  entryId: string;
  meetingId: string;
  agendaItemId: string;
  decisionId: string;
  questionId: string;
  consentId: string;
  withdrawnConsentId: string;
  shareId: string;
  beskedEntryIds: [string, string];
  linkId: string;
  tenantTopicId: string;
  legalBasisId: string;
  /** A user of the tenant who is in no hub, with one membership, for the admin routes. */
  spareUserId: string;
  spareMembershipId: string;
  adminClient: Client;
  ownerClient: Client;
}

/** The organisations a hub really has, under the names their staff know. */
async function orgs(t: TestApp, tenantId: string) {
  const out = {} as Record<OrgKey, string>;
  for (const [key, [name, principalType]] of Object.entries(orgSetup) as [OrgKey, [string, PrincipalType]][]) {
    const [row] = await t.database.db.insert(organisations).values({ tenantId, name, principalType }).returning();
    out[key] = row!.id;
  }
  return out;
}

interface SideSetup {
  tenantId: string;
  orgIds: Record<OrgKey, string>;
  owner: TestUser;
  ownerClient: Client;
  adminClient: Client;
  name: string;
  /** Added to the hub after the child is created: user id → hub role. */
  hub: [TestUser, string][];
  /** Invited to the child's hub meeting. */
  invite: TestUser[];
}

/** Creates the child and one of everything for it, through the API, as its social worker. */
async function populate(t: TestApp, s: SideSetup): Promise<Entities> {
  const c = s.ownerClient;
  const child = ok<{ id: string }>(
    await c.post('/api/children', {
      displayName: s.name,
      dateOfBirth: '2010-03-04',
      languages: ['prs'],
      caseNumber: '1234-5678',
      asylumStatus: 'rejected',
    }),
    201,
    'child',
  );
  const base = `/api/children/${child.id}`;
  const hub = ok<{ members: { memberId: string; userId: string }[] }>(await c.get(`${base}/hub`), 200, 'hub');
  const memberId = hub.members.find((m) => m.userId === s.owner.id)!.memberId;
  const memberIds: string[] = [];
  for (const [user, hubRole] of s.hub) {
    const m = ok<{ memberId: string }>(
      await c.post(`${base}/hub/members`, { userId: user.id, hubRole }),
      201,
      'member',
    );
    memberIds.push(m.memberId);
  }
  const staffMemberId = memberIds[0]!;
  const o = s.orgIds;
  const consentBody = {
    givenBy: 'both',
    organisationIds: [o.social, o.guardian, o.school, o.bup, o.hvb],
    categories: ['school', 'social_services', 'health'],
    purposes: ['plan', 'hub'],
    validFrom: today(),
    validTo: inDays(180),
    form: 'written',
  };
  const consent = ok<{ id: string }>(await c.post(`${base}/consents`, consentBody), 201, 'consent');
  const withdrawn = ok<{ id: string }>(await c.post(`${base}/consents`, consentBody), 201, 'consent 2');
  ok(await c.post(`/api/consents/${withdrawn.id}/withdraw`, { withdrawnOn: today() }), 200, 'withdraw');
  const share = ok<{ id: string }>(
    await c.post(`${base}/shares`, {
      fromOrganisationId: o.social,
      toOrganisationId: o.school,
      categories: ['social_services'],
      purpose: 'hub',
      legalBasisId: 'necessary_care',
      note: 'Skolan behöver veta om placeringen.',
    }),
    201,
    'share',
  );
  const plan = ok<{ id: string; version: number }>(await c.post(`${base}/plans`, { kind: 'isip' }), 201, 'plan');
  const withMeasure = ok<{ measures: { id: string }[] }>(
    await c.post(`/api/plans/${plan.id}/measures`, {
      description: 'Stöd i skolan',
      responsibleOrganisationId: o.school,
      responsibleName: 'Mats Holm',
      startOn: today(),
      goal: 'Närvaro fyra dagar i veckan',
      category: 'school',
    }),
    200,
    'measure',
  );
  const withEntry = ok<{ needs: { id: string }[]; version: number }>(
    await c.post(`/api/plans/${plan.id}/entries`, { kind: 'need', text: 'Behöver läxhjälp', category: 'school' }),
    200,
    'entry',
  );
  // Ready to adopt: chair, consent, the child's part, one municipal measure, overall responsibility.
  const ready = ok<{ version: number }>(
    await c.patch(`/api/plans/${plan.id}`, {
      version: withEntry.version,
      chairUserId: s.owner.id,
      consentId: consent.id,
      childParticipation: 'took_part',
      childWords: 'Jag vill gå i skolan och spela fotboll.',
      noOtherMeasures: true,
      overallResponsibleOrganisationId: o.social,
    }),
    200,
    'plan ready',
  );
  const meeting = ok<{ id: string }>(
    await c.post('/api/meetings', {
      kind: 'hub',
      childId: child.id,
      title: `Navetmöte: ${s.name}`,
      startsAt: localAt(7, 9),
      endsAt: localAt(7, 10),
      inviteeUserIds: s.invite.map((u) => u.id),
    }),
    201,
    'meeting',
  );
  const withItem = ok<{ agenda: { id: string; title: string }[] }>(
    await c.post(`/api/meetings/${meeting.id}/agenda`, { title: 'Skolan', ownerUserId: s.owner.id }),
    201,
    'agenda',
  );
  const agenda = withItem.agenda.find((i) => i.title === 'Skolan')!;
  const decision = ok<{ id: string }>(
    await c.post(`/api/meetings/${meeting.id}/decisions`, {
      text: 'Boka möte med skolan',
      ownerUserId: s.owner.id,
      dueOn: inDays(14),
    }),
    201,
    'decision',
  );
  const question = ok<{ id: string }>(
    await c.post(`${base}/questions`, { text: 'Hur går det i skolan?', ownerMemberId: memberId, dueOn: inDays(10) }),
    201,
    'question',
  );
  const told = {
    topic: 'return',
    toldOn: today(),
    summary: 'Beslutet gäller.',
    language: 'prs',
    interpreterUsed: true,
  };
  const e1 = ok<{ topics: { entries: { id: string }[] }[] }>(await c.post(`${base}/besked/entries`, told), 201, 'b1');
  void e1;
  const e2 = ok<{ topics: { key?: string; entries: { id: string }[] }[] }>(
    await c.post(`${base}/besked/entries`, { ...told, summary: 'Du får stanna.' }),
    201,
    'b2',
  );
  const entries = e2.topics.flatMap((tp) => tp.entries.map((e) => e.id));
  const link = ok<{ id: string }>(await c.post(`${base}/child-links`), 201, 'link');
  await c.post(`${base}/events`, { type: 'wellbeing_changed', occurredOn: today(), source: 'school' });
  const topic = ok<{ key: string }>(
    await s.adminClient.post('/api/hub/topics', { labelSv: 'Körkort', labelEn: 'Driving licence' }),
    201,
    'topic',
  );
  const basis = ok<{ id: string }>(
    await s.adminClient.post('/api/legal-bases', {
      labelSv: 'Lokal överenskommelse',
      labelEn: 'Local agreement',
      reference: 'Överenskommelse 2025:1',
    }),
    201,
    'legal basis',
  );
  // Staff of social services outside every hub: a valid interpreter or other staff (common/hub-roles.ts).
  const spare = await buildUser(t.database.db, {
    tenantId: s.tenantId,
    organisationId: o.social,
    role: 'contact_person',
  });
  const spareDetail = ok<{ memberships: { id: string }[] }>(
    await s.adminClient.get(`/api/admin/users/${spare.id}`),
    200,
    'spare user',
  );
  return {
    childId: child.id,
    childName: s.name,
    tenantId: s.tenantId,
    ownerId: s.owner.id,
    orgs: { social: o.social, school: o.school, bup: o.bup, hvb: o.hvb },
    memberId,
    staffMemberId,
    plan: { id: plan.id, version: ready.version },
    measureId: withMeasure.measures[0]!.id,
    entryId: withEntry.needs[0]!.id,
    meetingId: meeting.id,
    agendaItemId: agenda.id,
    decisionId: decision.id,
    questionId: question.id,
    consentId: consent.id,
    withdrawnConsentId: withdrawn.id,
    shareId: share.id,
    beskedEntryIds: [entries[0]!, entries[1]!],
    linkId: link.id,
    tenantTopicId: topic.key,
    legalBasisId: basis.id,
    spareUserId: spare.id,
    spareMembershipId: spareDetail.memberships[0]!.id,
    adminClient: s.adminClient,
    ownerClient: c,
  };
}

async function user(t: TestApp, tenantId: string, organisationId: string, role: Role, displayName: string) {
  return buildUser(t.database.db, { tenantId, organisationId, role, displayName });
}

export async function buildAuthzWorld(t: TestApp) {
  const tenantA = await buildTenant(t.database.db, { name: 'Strömsunds kommun (test)' });
  const tenantB = await buildTenant(t.database.db, { name: 'Krokoms kommun (test)' });
  const a = await orgs(t, tenantA.id);
  const b = await orgs(t, tenantB.id);

  const people = {} as Record<Actor, TestUser>;
  const clients = {} as Record<Actor, Client>;
  /** A second session per actor, for the routes that end one (logout). */
  const spareClients = {} as Record<Actor, Client>;
  for (const actor of actors) {
    const role: Role = actor === 'ended' ? 'social_worker' : actor;
    people[actor] = await user(t, tenantA.id, a[orgOf[actor]], role, `Vuxen ${actor}`);
    clients[actor] = await login(t.app, people[actor].email, TEST_PASSWORD);
    // A second session straight in the table: one password check per user is enough.
    const extra = await createSession(
      t.database.db,
      { userId: people[actor].id, tenantId: tenantA.id, stage: 'active', ip: null },
      { idleMinutes: 30, absoluteHours: 12 },
    );
    spareClients[actor] = clientFor(t.app, `${SESSION_COOKIE}=${extra.token}`, extra.csrfToken);
  }
  const x = await populate(t, {
    tenantId: tenantA.id,
    orgIds: a,
    owner: people.social_worker,
    ownerClient: clients.social_worker,
    adminClient: clients.tenant_admin,
    name: 'Xerxes Amiri',
    hub: Object.entries(hubRoleOf).map(([actor, hubRole]) => [people[actor as Actor], hubRole]),
    // The ended member stays on the meeting's list: the meeting must still be out of their reach.
    invite: [people.god_man, people.contact_person, people.ended],
  });
  // The ended actor's place in X's hub ends now: access must go with it.
  const hubX = ok<{ members: { memberId: string; userId: string }[] }>(
    await clients.social_worker.get(`/api/children/${x.childId}/hub`),
    200,
    'hub X',
  );
  const endedMember = hubX.members.find((m) => m.userId === people.ended.id)!.memberId;
  // Before it ends, the ended member takes a decision and a question of X: their own lists must lose them.
  ok(
    await clients.social_worker.post(`/api/meetings/${x.meetingId}/decisions`, {
      text: 'Följ upp skolstarten',
      ownerUserId: people.ended.id,
      dueOn: inDays(15),
    }),
    201,
    'decision of the ended member',
  );
  ok(
    await clients.social_worker.post(`/api/children/${x.childId}/questions`, {
      text: 'Vem ringer du när du är ledsen?',
      ownerMemberId: endedMember,
      dueOn: inDays(5),
    }),
    201,
    'question of the ended member',
  );
  ok(await clients.social_worker.post(`/api/children/${x.childId}/hub/members/${endedMember}/end`, {}), 200, 'end');

  // Y: same tenant, another unit of social services, none of the actors in its hub.
  const yOwner = await user(t, tenantA.id, a.socialEast, 'social_worker', 'Yvonne Öst');
  const yGodMan = await user(t, tenantA.id, a.guardian, 'god_man', 'Yngve Gode');
  const y = await populate(t, {
    tenantId: tenantA.id,
    orgIds: { ...a, social: a.socialEast },
    owner: yOwner,
    ownerClient: await login(t.app, yOwner.email, TEST_PASSWORD),
    adminClient: clients.tenant_admin,
    name: 'Yasmin Yousef',
    hub: [[yGodMan, 'god_man']],
    invite: [yGodMan],
  });

  // Z: another municipality.
  const zOwner = await user(t, tenantB.id, b.social, 'social_worker', 'Zlatan Zetterlund');
  const zGodMan = await user(t, tenantB.id, b.guardian, 'god_man', 'Zara Gode');
  const zAdmin = await user(t, tenantB.id, b.social, 'tenant_admin', 'Zelda Admin');
  const z = await populate(t, {
    tenantId: tenantB.id,
    orgIds: b,
    owner: zOwner,
    ownerClient: await login(t.app, zOwner.email, TEST_PASSWORD),
    adminClient: await login(t.app, zAdmin.email, TEST_PASSWORD),
    name: 'Zainab Zahir',
    hub: [[zGodMan, 'god_man']],
    invite: [zGodMan],
  });

  const collab = await buildCollaborationSides(
    t,
    { runner: clients.coordinator, orgId: a.social, repUserId: people.manager.id, tenantId: tenantA.id },
    { runner: z.adminClient, orgId: b.social, repUserId: zOwner.id },
  );

  // The strategic and operational levels (rules-levels.ts).
  const levels = await buildLevels(
    t,
    {
      tenantId: tenantA.id,
      coordinator: people.coordinator,
      coordinatorClient: clients.coordinator,
      manager: people.manager,
    },
    { tenantId: tenantB.id, organisationId: b.social },
  );

  return { t, tenantA, tenantB, orgs: a, people, clients, spareClients, x, y, z, endedMember, collab, levels };
}

export type World = Awaited<ReturnType<typeof buildAuthzWorld>>;

/**
 * The test app, with error logging on when AUTHZ_DEBUG is set: a 5xx in the
 * matrix then prints its cause.
 */
export async function startMatrixApp(): Promise<TestApp> {
  if (!process.env.AUTHZ_DEBUG) return startTestApp();
  process.env.LOG_LEVEL = 'error';
  const database = await openTestDatabase();
  const config = loadConfig({ publicUrl: 'http://127.0.0.1:3000', loginMaxPerMinute: 1000 });
  const deps: Deps = { db: database.db, kind: database.kind, config };
  const app = await buildApp(deps, { logger: true });
  return {
    app,
    database,
    deps,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

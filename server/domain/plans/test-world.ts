import { expect } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Consent } from '../../../common/schemas/consent.ts';
import type { Plan } from '../../../common/schemas/plans.ts';
import type { InfoCategory, SharingPurpose } from '../../../common/schemas/sharing.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD, type TestUser } from '../../test/factories.ts';
import { login, type Client, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { hubMembers } from '../children/tables.ts';
import { buildHubWorld, type HubWorld, type Person } from '../hub/test-world.ts';

/** Field paths of a 400, sorted. */
export const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();

export const today = () => todayInSweden();
export const inDays = (n: number) => addDays(todayInSweden(), n);

/**
 * The hub world plus child psychiatry (BUP, a region organisation) in the
 * child's hub: the plan's worlds need both principals.
 */
export async function buildPlanWorld(t: TestApp) {
  const w = await buildHubWorld(t);
  const db = t.database.db;
  const bupOrg = await buildOrganisation(db, w.tenant.id, 'region');
  const bup: TestUser = await buildUser(db, {
    tenantId: w.tenant.id,
    organisationId: bupOrg.id,
    role: 'child_psychiatry',
    displayName: 'Bo Persson',
  });
  await db.insert(hubMembers).values({
    tenantId: w.tenant.id,
    childId: w.child.id,
    userId: bup.id,
    organisationId: bupOrg.id,
    hubRole: 'child_psychiatry',
    startsOn: '2024-01-01',
  });
  const bupClient = await login(t.app, bup.email, TEST_PASSWORD);
  return {
    ...w,
    orgs: { ...w.orgs, bup: bupOrg },
    people: { ...w.people, bup },
    clients: { ...w.clients, bup: bupClient } as Record<Person | 'bup', Client>,
  };
}
export type PlanWorld = Awaited<ReturnType<typeof buildPlanWorld>>;

export interface ConsentInput {
  organisationIds: string[];
  categories: InfoCategory[];
  purposes?: SharingPurpose[];
  validFrom?: string;
  validTo?: string;
}

/** A written consent recorded by the social worker. */
export async function giveConsent(w: HubWorld, c: ConsentInput): Promise<Consent> {
  const res = await w.clients.social_worker.post(`/api/children/${w.child.id}/consents`, {
    givenBy: 'both',
    organisationIds: c.organisationIds,
    categories: c.categories,
    purposes: c.purposes ?? ['plan', 'hub'],
    validFrom: c.validFrom ?? today(),
    validTo: c.validTo ?? inDays(180),
    form: 'written',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Consent>();
}

export async function newPlan(w: HubWorld, kind: 'sip' | 'isip' = 'isip', by: Person = 'social_worker'): Promise<Plan> {
  const res = await w.clients[by].post(`/api/children/${w.child.id}/plans`, { kind });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Plan>();
}

export async function readPlan(c: Client, id: string): Promise<Plan> {
  const res = await c.get(`/api/plans/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Plan>();
}

export interface MeasureInput {
  responsibleOrganisationId: string;
  category: InfoCategory;
  description?: string;
  responsibleName?: string | null;
}

export async function addMeasure(c: Client, planId: string, m: MeasureInput): Promise<Plan> {
  const res = await c.post(`/api/plans/${planId}/measures`, {
    description: m.description ?? 'Stöd i skolan',
    responsibleOrganisationId: m.responsibleOrganisationId,
    responsibleName: m.responsibleName === undefined ? 'Mats Holm' : m.responsibleName,
    startOn: today(),
    goal: 'Närvaro fyra dagar i veckan i mars',
    category: m.category,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Plan>();
}

/**
 * An I-SIP ready to adopt: consent, chair, the child's part, a municipal
 * measure (part 1 and 2), no others (part 3), overall responsibility (part 4).
 */
export async function readyPlan(w: PlanWorld): Promise<Plan> {
  const consent = await giveConsent(w, {
    organisationIds: [w.orgs.social.id, w.orgs.school.id, w.orgs.bup.id],
    categories: ['school', 'social_services'],
  });
  const plan = await newPlan(w);
  await addMeasure(w.clients.social_worker, plan.id, {
    responsibleOrganisationId: w.orgs.school.id,
    category: 'school',
  });
  const fresh = await readPlan(w.clients.social_worker, plan.id);
  const res = await w.clients.social_worker.patch(`/api/plans/${plan.id}`, {
    version: fresh.version,
    chairUserId: w.people.social_worker.id,
    consentId: consent.id,
    childParticipation: 'took_part',
    childWords: 'Jag vill gå i skolan och spela fotboll.',
    noOtherMeasures: true,
    overallResponsibleOrganisationId: w.orgs.social.id,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Plan>();
}

export async function adoptPlan(w: HubWorld, plan: Plan, followUpOn = inDays(90)): Promise<Plan> {
  const res = await w.clients.social_worker.post(`/api/plans/${plan.id}/adopt`, {
    version: plan.version,
    followUpOn,
    followUpUserId: w.people.social_worker.id,
    childApproval: { approved: true, note: 'Amir sa ja på mötet.' },
    meetingWaiver: { reason: 'Amir ville inte ha ett möte till; planen gjordes med honom och god man.' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Plan>();
}

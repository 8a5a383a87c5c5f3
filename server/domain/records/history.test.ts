import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryPage } from '../../../common/schemas/records.ts';
import { beskedEntries } from '../besked/tables.ts';
import { childEvents } from '../events/tables.ts';
import { buildChild, buildOrganisation, buildTenant, buildUser, TEST_PASSWORD } from '../../test/factories.ts';
import { login, startTestApp, type Client, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let childId: string;
let social: Client;
let mentor: Client;
let volunteer: Client;
let outsider: Client;
const TOLD = 'Skolan sa att du får gå kvar till sommaren';
const NOTE = 'Anteckning om beslutet som bara socialtjänsten ser';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const tenant = await buildTenant(db);
  const socialOrg = await buildOrganisation(db, tenant.id);
  const school = await buildOrganisation(db, tenant.id);
  const civil = await buildOrganisation(db, tenant.id, 'civil_society');
  const sw = await buildUser(db, { tenantId: tenant.id, organisationId: socialOrg.id, role: 'social_worker' });
  const sm = await buildUser(db, { tenantId: tenant.id, organisationId: school.id, role: 'school_mentor' });
  const vo = await buildUser(db, { tenantId: tenant.id, organisationId: civil.id, role: 'volunteer' });
  const other = await buildUser(db, { tenantId: tenant.id, organisationId: socialOrg.id, role: 'social_worker' });
  const child = await buildChild(db, {
    tenantId: tenant.id,
    hub: [
      { user: sw, hubRole: 'social_worker' },
      { user: sm, hubRole: 'school_mentor' },
      { user: vo, hubRole: 'civil_society' },
    ],
  });
  childId = child.id;
  await db.insert(beskedEntries).values({
    tenantId: tenant.id,
    childId,
    topic: 'school',
    toldOn: '2026-03-01',
    summary: TOLD,
    language: 'sv',
    interpreterUsed: false,
    memberId: child.members[1]!.id,
    ownerOrganisationId: school.id,
    category: 'school',
  });
  await db.insert(childEvents).values({
    tenantId: tenant.id,
    childId,
    type: 'asylum_rejected',
    occurredOn: '2026-02-01',
    source: 'migrationsverket',
    note: NOTE,
    ownerOrganisationId: socialOrg.id,
    category: 'asylum_case',
  });
  social = await login(t.app, sw.email, TEST_PASSWORD);
  mentor = await login(t.app, sm.email, TEST_PASSWORD);
  volunteer = await login(t.app, vo.email, TEST_PASSWORD);
  outsider = await login(t.app, other.email, TEST_PASSWORD);
});
afterAll(() => t.close());

const history = async (c: Client, query = '') => {
  const res = await c.get(`/api/children/${childId}/history${query}`);
  return { res, page: res.statusCode === 200 ? HistoryPage.parse(res.json()) : null };
};

describe('the child’s whole history', () => {
  it('shows each kind from the domain tables, with names and kinds but never an item’s text', async () => {
    const { res, page } = await history(mentor);
    expect(res.statusCode).toBe(200);
    expect(page!.items.map((i) => i.event).sort()).toEqual([
      'besked.told',
      'event.occurred',
      'hub.member_added',
      'hub.member_added',
      'hub.member_added',
    ]);
    expect(page!.someWithheld).toBe(false);
    expect(res.body).not.toContain(TOLD);
    expect(res.body).not.toContain(NOTE);
  });

  it('leaves out what the reader may not see and says so', async () => {
    const { res, page } = await history(social);
    expect(page!.items.some((i) => i.kind === 'besked')).toBe(false);
    expect(page!.someWithheld).toBe(true);
    expect(res.body).not.toContain(TOLD);
    expect((await history(volunteer)).res.statusCode).toBe(403);
    expect((await history(outsider)).res.statusCode).toBe(404);
  });

  it('filters by kind and period, and pages with a total', async () => {
    const events = (await history(mentor, '?kinds=event,besked&from=2026-02-15&to=2026-12-31')).page!;
    expect(events.items.map((i) => i.event)).toEqual(['besked.told']);
    const paged = (await history(mentor, '?pageSize=2&page=2')).page!;
    expect(paged).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(2);
  });

  it('answers 400 at the field for a reversed period or an unknown kind', async () => {
    const reversed = (await history(mentor, '?from=2026-05-01&to=2026-04-01')).res;
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toContain('query.to');
    const kind = (await history(mentor, '?kinds=plan,secrets')).res;
    expect(kind.statusCode).toBe(400);
    expect(kind.json<{ issues: { path: string }[] }>().issues[0]!.path).toMatch(/^query\.kinds/);
  });
});

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { buildOrganisation, buildTenant } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld, type HubWorld } from '../hub/test-world.ts';
import { inDays, paths } from '../plans/test-world.ts';
import { legalShares } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const basis = {
  labelSv: 'Lokal överenskommelse om skolplacering',
  labelEn: 'Local agreement on school placement',
  reference: 'Överenskommelse 2026:3',
};

describe('legal bases', () => {
  it('GET: 401, 403 for a volunteer; built-in bases first, then the tenant’s own', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get('/api/legal-bases')).statusCode).toBe(401);
    expect((await w.clients.volunteer.get('/api/legal-bases')).statusCode).toBe(403);
    await w.clients.admin.post('/api/legal-bases', basis);
    const list = (await w.clients.school_mentor.get('/api/legal-bases')).json();
    expect(list.items.map((b: { id: string }) => b.id).slice(0, 2)).toEqual(['necessary_care', 'report_of_concern']);
    expect(list.items[2]).toMatchObject({ builtIn: false, labelSv: basis.labelSv, archived: false });
    expect(list.abilities).toEqual({ manage: false });
  });

  it('POST: 401, 403 for all but tenant admins, 400 with field paths, 201 audited', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).post('/api/legal-bases', basis)).statusCode).toBe(401);
    expect((await w.clients.social_worker.post('/api/legal-bases', basis)).statusCode).toBe(403);
    const bad = await w.clients.admin.post('/api/legal-bases', { labelSv: '', reference: 'x'.repeat(501) });
    expect(paths(bad.json())).toEqual(['body.labelEn', 'body.labelSv', 'body.reference']);
    const res = await w.clients.admin.post('/api/legal-bases', basis);
    expect(res.statusCode).toBe(201);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'legal_basis.added'), eq(auditLog.entityId, res.json().id)));
    expect(rows).toHaveLength(1);
  });

  it('archive: 401, 404 for another tenant’s or a built-in basis, 403 for staff, 400 bad id; archived bases take no new shares', async () => {
    const w = await buildHubWorld(t);
    const other = await buildHubWorld(t);
    const mine = (await w.clients.admin.post('/api/legal-bases', basis)).json();
    const url = `/api/legal-bases/${mine.id}/archive`;
    expect((await anonymous(t.app).post(url)).statusCode).toBe(401);
    expect((await other.clients.admin.post(url)).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(url)).statusCode).toBe(403);
    expect((await w.clients.admin.post('/api/legal-bases/necessary_care/archive')).statusCode).toBe(400);
    const res = await w.clients.admin.post(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().archived).toBe(true);
    const share = await w.clients.social_worker.post(`/api/children/${w.child.id}/shares`, {
      fromOrganisationId: w.orgs.social.id,
      toOrganisationId: w.orgs.school.id,
      categories: ['school'],
      purpose: 'hub',
      legalBasisId: mine.id,
      note: 'x',
    });
    expect(paths(share.json())).toEqual(['body.legalBasisId']);
  });
});

const shareBody = (w: HubWorld) => ({
  fromOrganisationId: w.orgs.social.id,
  toOrganisationId: w.orgs.hvb.id,
  categories: ['social_services'],
  purpose: 'plan',
  legalBasisId: 'report_of_concern',
  note: 'Oro för Amirs säkerhet på boendet.',
});

describe('shares on a legal basis', () => {
  it('POST: 401, 404, 403 for civil society and managers, 400 with field paths, 201 with the basis recorded and audited', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/shares`;
    expect((await anonymous(t.app).post(url, shareBody(w))).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, shareBody(w))).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(`/api/children/${randomUUID()}/shares`, shareBody(w))).statusCode).toBe(
      404,
    );
    expect((await w.clients.volunteer.post(url, shareBody(w))).statusCode).toBe(403);
    expect((await w.clients.manager.post(url, shareBody(w))).statusCode).toBe(403);

    const foreign = await buildOrganisation(t.database.db, (await buildTenant(t.database.db)).id);
    const bad = await w.clients.school_mentor.post(url, {
      ...shareBody(w),
      toOrganisationId: foreign.id,
      legalBasisId: 'because',
      validTo: inDays(-1),
    });
    expect(paths(bad.json())).toEqual([
      'body.fromOrganisationId',
      'body.legalBasisId',
      'body.toOrganisationId',
      'body.validTo',
    ]);
    const shape = await w.clients.social_worker.post(url, { ...shareBody(w), categories: [], purpose: 'gossip' });
    expect(paths(shape.json())).toEqual(['body.categories', 'body.purpose']);
    expect(await t.database.db.select().from(legalShares).where(eq(legalShares.childId, w.child.id))).toEqual([]);

    const res = await w.clients.social_worker.post(url, shareBody(w));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      from: { id: w.orgs.social.id },
      to: { id: w.orgs.hvb.id },
      legalBasis: { id: 'report_of_concern', builtIn: true },
      active: true,
      abilities: { end: true },
    });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'share.recorded'), eq(auditLog.childId, w.child.id)));
    expect(rows[0]!.detail).toMatchObject({ legalBasis: 'report_of_concern', toOrganisationId: w.orgs.hvb.id });
  });

  it('GET: 401, 404, 403 for civil society, newest first', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/shares`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
    expect((await w.clients.social_worker.get('/api/children/x/shares')).statusCode).toBe(400);
    await w.clients.social_worker.post(url, shareBody(w));
    await w.clients.social_worker.post(url, { ...shareBody(w), toOrganisationId: w.orgs.school.id });
    const list = (await w.clients.contact_person.get(url)).json();
    expect(list.items.map((s: { to: { id: string } }) => s.to.id)).toEqual([w.orgs.school.id, w.orgs.hvb.id]);
    expect(list.items[0].abilities).toEqual({ end: false });
    expect(list.abilities).toEqual({ record: true });
  });

  it('end: 401, 404, 403 for another organisation, 409 twice; ends at once', async () => {
    const w = await buildHubWorld(t);
    const share = (await w.clients.social_worker.post(`/api/children/${w.child.id}/shares`, shareBody(w))).json();
    const url = `/api/shares/${share.id}/end`;
    expect((await anonymous(t.app).post(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url)).statusCode).toBe(404);
    expect((await w.clients.social_worker.post(`/api/shares/${randomUUID()}/end`)).statusCode).toBe(404);
    expect((await w.clients.contact_person.post(url)).statusCode).toBe(403);
    expect((await w.clients.social_worker.post('/api/shares/x/end')).statusCode).toBe(400);
    const res = await w.clients.social_worker.post(url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, endedBy: { userId: w.people.social_worker.id } });
    expect((await w.clients.social_worker.post(url)).statusCode).toBe(409);
  });
});

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld, type HubWorld } from '../hub/test-world.ts';
import { giveConsent, paths, today } from '../plans/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Answer = { verdict: string; reason: string; consent: { id: string } | null };
const ask = (w: HubWorld, q: Record<string, string>) =>
  `/api/may-i-share?${new URLSearchParams({ fromOrganisationId: w.orgs.school.id, toOrganisationId: w.orgs.social.id, category: 'health', ...q }).toString()}`;

describe('GET /api/may-i-share', () => {
  it('school → social services on health: only with consent, then yes once the child’s consent covers it', async () => {
    const w = await buildHubWorld(t);
    const mentor = w.clients.school_mentor;
    const before = await mentor.get(ask(w, { childId: w.child.id }));
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json<Answer>()).toMatchObject({ verdict: 'only_with_consent', reason: 'no_ground', consent: null });

    // A consent on school information only does not cover health.
    await giveConsent(w, { organisationIds: [w.orgs.school.id, w.orgs.social.id], categories: ['school'] });
    expect((await mentor.get(ask(w, { childId: w.child.id }))).json<Answer>().verdict).toBe('only_with_consent');

    const consent = await giveConsent(w, {
      organisationIds: [w.orgs.school.id, w.orgs.social.id],
      categories: ['health'],
    });
    const after = (await mentor.get(ask(w, { childId: w.child.id }))).json<Answer>();
    expect(after).toMatchObject({ verdict: 'yes', reason: 'consent', consent: { id: consent.id } });
    // The consent names school and social services, not the HVB: still only with consent there.
    const hvb = (await mentor.get(ask(w, { childId: w.child.id, toOrganisationId: w.orgs.hvb.id }))).json<Answer>();
    expect(hvb.verdict).toBe('only_with_consent');

    const withdrawn = await w.clients.social_worker.post(`/api/consents/${consent.id}/withdraw`, {
      withdrawnOn: today(),
      note: 'Barnet vill inte',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await mentor.get(ask(w, { childId: w.child.id }))).json<Answer>()).toMatchObject({
      verdict: 'no',
      reason: 'consent_withdrawn',
    });

    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.action, 'sharing.asked')));
    expect(rows.length).toBe(5);
  });

  it('without a child: own organisation yes, another only with consent; nothing audited', async () => {
    const w = await buildHubWorld(t);
    const same = await w.clients.school_mentor.get(ask(w, { toOrganisationId: w.orgs.school.id }));
    expect(same.json<Answer>()).toMatchObject({ verdict: 'yes', reason: 'own' });
    const other = await w.clients.school_mentor.get(ask(w, {}));
    expect(other.json<Answer>()).toMatchObject({ verdict: 'only_with_consent', reason: 'no_child' });
  });

  it('401, 404 for a child outside the scope, 400 at the fields', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get(ask(w, {}))).statusCode).toBe(401);
    expect(
      (await w.clients.outsider.get(ask(w, { fromOrganisationId: w.orgs.social.id, childId: w.child.id }))).statusCode,
    ).toBe(404);
    expect((await w.clients.school_mentor.get(ask(w, { childId: randomUUID() }))).statusCode).toBe(404);
    const bad = await w.clients.school_mentor.get(ask(w, { category: 'gossip', toOrganisationId: 'x' }));
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['query.category', 'query.toOrganisationId']);
    // Not the asker's own organisation, and an organisation of no municipality of theirs.
    const foreign = await w.clients.school_mentor.get(
      ask(w, { fromOrganisationId: w.orgs.social.id, toOrganisationId: randomUUID() }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(paths(foreign.json())).toEqual(['query.fromOrganisationId', 'query.toOrganisationId']);
  });

  it('lists the asker’s organisations and the municipality’s', async () => {
    const w = await buildHubWorld(t);
    const res = await w.clients.school_mentor.get('/api/may-i-share/options');
    const body = res.json<{ mine: { id: string }[]; organisations: { id: string }[] }>();
    expect(body.mine.map((o) => o.id)).toEqual([w.orgs.school.id]);
    expect(body.organisations.map((o) => o.id).sort()).toEqual(
      Object.values(w.orgs)
        .map((o) => o.id)
        .sort(),
    );
  });
});

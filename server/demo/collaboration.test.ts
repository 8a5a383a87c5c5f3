import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tenants } from '../db/schema.ts';
import { login, startTestApp, type TestApp } from '../test/harness.ts';
import { DEMO_COLLABORATION_NAME } from './collaboration.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  // A database of its own on PostgreSQL: the demo's fixed e-mail addresses can be seeded only once per database.
  t = await startTestApp({}, { ownDatabase: true });
  await seedDemo(t.database.db);
});
afterAll(async () => t.close());

it('the demo collaboration of two municipalities has steps 1–4 done and a draft governance document', async () => {
  const coordinator = await login(t.app, 'samordnare@demo.navet.se', DEMO_PASSWORD);
  const list = (await coordinator.get('/api/collaborations')).json<{
    collaborations: { id: string; name: string; municipalities: string[] }[];
  }>();
  const c = list.collaborations.find((x) => x.name === DEMO_COLLABORATION_NAME)!;
  expect(c.municipalities).toEqual(['Strömsund (demo)', 'Krokom (demo)']);
  const steps = (await coordinator.get(`/api/collaborations/${c.id}/steps`)).json<{
    steps: { number: number; status: string; missing: unknown[] }[];
  }>();
  expect(steps.steps.filter((s) => s.status === 'done').map((s) => s.number)).toEqual([1, 2, 3, 4]);
  expect(steps.steps.slice(0, 4).every((s) => s.missing.length === 0)).toBe(true);
  const gov = (await coordinator.get(`/api/collaborations/${c.id}/governance`)).json<{
    current: { status: string; unsigned: unknown[] };
  }>();
  expect(gov.current).toMatchObject({ status: 'draft' });
  expect(gov.current.unsigned).toHaveLength(7);
  const krokom = await login(t.app, 'samordnare@krokom.demo.navet.se', DEMO_PASSWORD);
  expect((await krokom.get(`/api/collaborations/${c.id}`)).statusCode).toBe(200);
});

it('the login page says two-factor is off only while every demo municipality has it off', async () => {
  const info = async () => (await t.app.inject({ method: 'GET', url: '/api/auth/login-info' })).json<unknown>();
  expect(await info()).toEqual({ demo: true, demoTotpOff: true });
  const [strömsund] = await t.database.db
    .update(tenants)
    .set({ requireTotp: true })
    .where(eq(tenants.name, 'Strömsund (demo)'))
    .returning({ id: tenants.id });
  expect(strömsund).toBeDefined();
  expect(await info()).toEqual({ demo: true, demoTotpOff: false });
  await t.database.db.update(tenants).set({ requireTotp: false }).where(eq(tenants.id, strömsund!.id));
});

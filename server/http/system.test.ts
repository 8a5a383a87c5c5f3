import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageVersion } from '../config.ts';
import { anonymous, startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('GET /api/health', () => {
  it('answers without a session: ok, the database kind and the version', async () => {
    const res = await anonymous(t.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      version: packageVersion(),
    });
  });
});

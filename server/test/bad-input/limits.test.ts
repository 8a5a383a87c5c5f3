import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../common/errors.ts';
import { buildChild, buildWorld } from '../factories.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { readOperations } from './operations.ts';
import { unboundedStrings, wideIntegers } from './schema-arbitrary.ts';
import { unicodeText } from './strings.ts';
import { changed, fingerprinter } from './world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { ownDatabase: true });
});
afterAll(async () => t.close());

const issuePaths = (body: unknown) => ErrorBody.parse(body).issues?.map((i) => i.path) ?? [];

describe('limits every input declares', () => {
  it('every string and list a request takes has an upper bound', async () => {
    const unbounded = (await readOperations(t.app)).flatMap((op) =>
      [
        ...(op.body ? unboundedStrings(op.body, 'body') : []),
        ...op.queryParams.flatMap((p) => unboundedStrings(p.schema ?? {}, `query.${p.name}`)),
        ...op.pathParams.flatMap((p) => unboundedStrings(p.schema ?? {}, `params.${p.name}`)),
      ].map((where) => `${op.name} ${where}`),
    );
    expect(unbounded).toEqual([]);
  });

  it('every integer a request takes fits its column (a PostgreSQL integer, unless named here)', async () => {
    // Cursors over the audit log, whose ids are a bigint column.
    const bigintColumns = new Set(['query.before']);
    const wide = (await readOperations(t.app)).flatMap((op) =>
      [
        ...(op.body ? wideIntegers(op.body, 'body') : []),
        ...op.queryParams.flatMap((p) => wideIntegers(p.schema ?? {}, `query.${p.name}`, bigintColumns)),
        ...op.pathParams.flatMap((p) => wideIntegers(p.schema ?? {}, `params.${p.name}`)),
      ].map((where) => `${op.name} ${where}`),
    );
    expect(wide).toEqual([]);
  });

  it('a version past the integer column is 400 at body.version, not a 500 from the database', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    const child = await buildChild(t.database.db, {
      tenantId: w.tenant.id,
      hub: [{ user: w.people.social_worker, hubRole: 'social_worker' }],
    });
    for (const version of [2_147_483_648, Number.MAX_SAFE_INTEGER, 0]) {
      const res = await w.clients.social_worker.patch(`/api/children/${child.id}`, { version, languages: ['sv'] });
      expect(res.statusCode, String(version)).toBe(400);
      expect(issuePaths(res.json())).toEqual(['body.version']);
    }
  });

  it('a body over 1 MB is 413 in the error shape, and nothing is written', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    const fingerprint = await fingerprinter(t);
    const before = await fingerprint();
    const res = await w.clients.social_worker.request({
      method: 'POST',
      url: '/api/children',
      payload: JSON.stringify({ displayName: 'x'.repeat(1024 * 1024 + 1) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(ErrorBody.parse(res.json()).error).toBe('payload_too_large');
    expect(changed(before, await fingerprint())).toEqual([]);
  });
});

describe('text PostgreSQL cannot hold as sent', () => {
  it('NUL and lone surrogates are 400 at the field, before anything is written', async () => {
    const w = await buildWorld(t.app, t.database.db, ['manager']);
    const fingerprint = await fingerprinter(t);
    const before = await fingerprint();
    const review = (findings: string) =>
      w.clients.manager.post('/api/audit/reviews', {
        subjectKind: 'user',
        subjectId: w.people.manager.id,
        periodFrom: '2026-01-01',
        periodTo: '2026-01-31',
        findings,
      });
    for (const findings of ['a\u0000b', 'x\ud800', '\udc00']) {
      const res = await review(findings);
      expect(res.statusCode, JSON.stringify(findings)).toBe(400);
      expect(issuePaths(res.json())).toEqual(['body.findings']);
    }
    const query = await w.clients.manager.get(`/api/admin/users?q=${encodeURIComponent('a\u0000')}`);
    expect(query.statusCode).toBe(400);
    expect(issuePaths(query.json())).toEqual(['query.q']);
    expect(changed(before, await fingerprint())).toEqual([]);
  });

  it('right-to-left marks, combining accents, emoji and Swedish letters come back exactly as sent', async () => {
    const w = await buildWorld(t.app, t.database.db, ['manager']);
    const findings = unicodeText.join(' | ');
    const res = await w.clients.manager.post('/api/audit/reviews', {
      subjectKind: 'user',
      subjectId: w.people.manager.id,
      periodFrom: '2026-01-01',
      periodTo: '2026-01-31',
      findings,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ findings: string }>().findings).toBe(findings);
    const list = await w.clients.manager.get('/api/audit/reviews');
    expect(list.json<{ findings: string }[]>().map((r) => r.findings)).toContain(findings);
  });

  it('a path that is not valid UTF-8, or a path value over the length limit, is 400 in the error shape', async () => {
    const w = await buildWorld(t.app, t.database.db, ['social_worker']);
    for (const url of ['/api/children/%ED%A0%80', `/api/children/${'x'.repeat(500)}`]) {
      const res = await w.clients.social_worker.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(issuePaths(res.json())).toEqual(['params']);
    }
  });
});

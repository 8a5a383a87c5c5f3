import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildCollabWorld, paths, twoMunicipalities } from '../collaboration/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Article = { id: string; version: number; html: string; reviewOverdue: boolean; abilities: { edit: boolean } };
const body = (extra: Record<string, unknown> = {}) => ({
  title: 'Sekretess i skolan',
  body: '# Sekretess\n\n<script>alert(1)</script>\n\n[klicka](javascript:alert(1)) och [läs mer](https://www.riksdagen.se)',
  lang: 'sv',
  reviewOn: '2020-01-01',
  ...extra,
});

describe('knowledge base', () => {
  it('a municipality’s article: written by its coordinator, read by its staff, inert, review overdue shown', async () => {
    const w = await buildCollabWorld(t);
    const res = await w.a.clients.coordinator.post('/api/knowledge', body());
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json<Article>();
    expect(a.html).not.toMatch(/<script|href="javascript/i);
    expect(a.html).toContain('&lt;script&gt;');
    expect(a.html).toContain('href="https://www.riksdagen.se"');
    expect(a.reviewOverdue).toBe(true);

    const read = await w.a.clients.mentor.get(`/api/knowledge/${a.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Article>().abilities.edit).toBe(false);
    const list = await w.a.clients.mentor.get('/api/knowledge?lang=sv');
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([a.id]);
    expect((await w.a.clients.mentor.get('/api/knowledge?lang=en')).json<{ items: unknown[] }>().items).toEqual([]);
    // Another municipality does not find it.
    expect((await w.b.clients.coordinator.get(`/api/knowledge/${a.id}`)).statusCode).toBe(404);
    expect((await w.a.clients.volunteer.get(`/api/knowledge/${a.id}`)).statusCode).toBe(403);
    expect((await anonymous(t.app).get('/api/knowledge')).statusCode).toBe(401);
  });

  it('a collaboration’s article is read in every participating municipality', async () => {
    const w = await buildCollabWorld(t);
    const c = await twoMunicipalities(w);
    const a = (await w.a.clients.coordinator.post('/api/knowledge', body({ collaborationId: c.id }))).json<Article>();
    expect((await w.b.clients.mentor.get(`/api/knowledge/${a.id}`)).statusCode).toBe(200);
    // B's coordinator may edit what is shared in the collaboration; B's mentor may not.
    const read = (await w.b.clients.coordinator.get(`/api/knowledge/${a.id}`)).json<Article>();
    expect(read.abilities.edit).toBe(true);
    const other = await buildCollabWorld(t);
    expect((await other.a.clients.coordinator.get(`/api/knowledge/${a.id}`)).statusCode).toBe(404);
    const foreign = await other.a.clients.coordinator.post('/api/knowledge', body({ collaborationId: c.id }));
    expect(paths(foreign.json())).toEqual(['body.collaborationId']);
  });

  it('editing: 409 on a stale version, 403 for staff, 404 outside, 400 at the fields', async () => {
    const w = await buildCollabWorld(t);
    const a = (await w.a.clients.coordinator.post('/api/knowledge', body())).json<Article>();
    const url = `/api/knowledge/${a.id}`;
    const edit = { title: 'Ny titel', body: 'Ny text', reviewOn: '2030-01-01', version: 1 };
    const first = await w.a.clients.manager.put(url, edit);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Article>()).toMatchObject({ version: 2, reviewOverdue: false });
    const stale = await w.a.clients.coordinator.put(url, { ...edit, title: 'Min titel' });
    expect(stale.statusCode).toBe(409);
    expect((await w.a.clients.coordinator.get(url)).json<{ title: string }>().title).toBe('Ny titel');
    expect((await w.a.clients.mentor.put(url, edit)).statusCode).toBe(403);
    expect((await w.a.clients.mentor.post('/api/knowledge', body())).statusCode).toBe(403);
    expect((await w.b.clients.coordinator.put(url, { ...edit, version: 2 })).statusCode).toBe(404);
    expect((await w.a.clients.coordinator.put(`/api/knowledge/${randomUUID()}`, edit)).statusCode).toBe(404);
    const bad = await w.a.clients.coordinator.put(url, { title: '', body: '', reviewOn: 'nej', version: 0 });
    expect(paths(bad.json())).toEqual(['body.body', 'body.reviewOn', 'body.title', 'body.version']);
  });
});

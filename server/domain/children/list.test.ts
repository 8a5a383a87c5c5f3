import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { buildHubWorld } from '../hub/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('GET /api/children: flags and views', () => {
  it('shows flags in full, and nothing about the case to civil society', async () => {
    const w = await buildHubWorld(t);
    const full = (await w.clients.social_worker.get('/api/children')).json();
    expect(full.items[0]).toMatchObject({
      view: 'full',
      asylumStatus: 'rejected',
      missingCoreRoles: [],
      flags: {
        missingCoreRoles: false,
        topicsWithoutResponsible: 9,
        firstMeetingOpen: true,
        overdueQuestions: 0,
        attention: true,
      },
    });
    const narrow = (await w.clients.volunteer.get('/api/children')).json();
    expect(narrow.items[0]).toMatchObject({
      view: 'narrow',
      displayName: 'Amir',
      age: null,
      asylumStatus: null,
      flags: null,
      myHubRoles: ['civil_society'],
    });
  });

  it('civil society cannot learn the asylum status by filtering on it', async () => {
    const w = await buildHubWorld(t);
    const sw = await w.clients.social_worker.get('/api/children?asylumStatus=rejected');
    expect(sw.json().total).toBe(1);
    for (const status of ['rejected', 'granted']) {
      const res = await w.clients.volunteer.get(`/api/children?asylumStatus=${status}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(0);
    }
  });

  it('searches by name', async () => {
    const w = await buildHubWorld(t);
    expect((await w.clients.social_worker.get('/api/children?q=mi')).json().total).toBe(1);
    expect((await w.clients.social_worker.get('/api/children?q=zz')).json().total).toBe(0);
  });
});

describe('GET /api/children/:id/timeline', () => {
  it('401, 404 outside the hub, 403 for civil society, 400 on a bad page size', async () => {
    const w = await buildHubWorld(t);
    const url = `/api/children/${w.child.id}/timeline`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.volunteer.get(url)).statusCode).toBe(403);
    const bad = await w.clients.social_worker.get(`${url}?limit=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('query.limit');
  });

  it('lists writes, not reads, newest first, and pages', async () => {
    const w = await buildHubWorld(t);
    const base = `/api/children/${w.child.id}`;
    await w.clients.social_worker.get(base); // a read: not in the timeline
    await w.clients.social_worker.patch(base, { version: 1, displayName: 'Amir K' });
    await w.clients.social_worker.post(`${base}/hub/members/${w.members.school_mentor}/end`, {});
    const page = (await w.clients.manager.get(`${base}/timeline?limit=1`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'hub.member_ended',
      actor: { displayName: 'Sara Lind' },
      byChild: false,
      detail: { hubRole: 'school_mentor', memberName: 'Mats Holm' },
    });
    const older = (await w.clients.manager.get(`${base}/timeline?before=${page.next}`)).json();
    expect(older.items.map((i: { action: string }) => i.action)).toEqual(['child.updated']);
    expect(older.next).toBeNull();
  });
});

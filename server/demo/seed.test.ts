import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type TestApp } from '../test/harness.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  // A database of its own on PostgreSQL: the demo's fixed e-mail addresses can be seeded only once per database.
  t = await startTestApp({}, { ownDatabase: true });
  await seedDemo(t.database.db);
});
afterAll(async () => t.close());

type Item = { displayName: string; flags: Record<string, unknown> | null; view: string; id: string };

describe('the demo', () => {
  it('gives the hub screens data: flags in every state', async () => {
    const sw = await login(t.app, 'socialsekreterare@demo.navet.se', DEMO_PASSWORD);
    const list = (await sw.get('/api/children')).json();
    const byName = new Map<string, Item>(list.items.map((i: Item) => [i.displayName, i]));
    expect(byName.get('Amir')?.flags).toMatchObject({
      topicsWithoutResponsible: 0,
      firstMeetingOpen: true,
      overdueQuestions: 1,
    });
    expect(byName.get('Hodan')?.flags).toMatchObject({ firstMeetingOpen: false });
    expect(byName.get('Yonas')?.flags).toMatchObject({ missingCoreRoles: true });

    const mentor = await login(t.app, 'mentor@demo.navet.se', DEMO_PASSWORD);
    const tasks = (await mentor.get('/api/me/questions')).json();
    expect(tasks).toMatchObject({ overdueCount: 1, items: [{ child: { displayName: 'Amir' }, overdue: true }] });

    const amir = byName.get('Amir')!;
    const matrix = (await sw.get(`/api/children/${amir.id}/topics`)).json();
    expect(matrix.items).toHaveLength(10);
  });

  it('the volunteer sees Layla narrowly, with the topics shared with civil society', async () => {
    const volunteer = await login(t.app, 'volontar@demo.navet.se', DEMO_PASSWORD);
    const list = (await volunteer.get('/api/children')).json();
    expect(list.items).toEqual([expect.objectContaining({ displayName: 'Layla', view: 'narrow', flags: null })]);
    const topics = (await volunteer.get(`/api/children/${list.items[0].id}/topics`)).json();
    expect(topics.items.map((i: { topic: { key: string } }) => i.topic.key)).toEqual(['leisure', 'everyday']);
  });
});

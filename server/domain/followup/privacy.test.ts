import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTenant } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { figuresUrl, followupWorld } from './test-fixtures.ts';

/** Small cells, containment of quarters and totals, who reads which figures, and the children behind a figure. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Point = { period: string; children: string; base: string; hits: string; value: number | null };
const pointsOf = (body: string) => JSON.parse(body).figures[0].points as Point[];

describe('small cells', () => {
  it('a figure from fewer than five children is "<5" with no value', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 4; i++) await w.rejection((await w.child()).id, new Date('2026-03-03T10:00:00+01:00'));
    const res = await (
      await w.as(w.people.manager)
    ).get(figuresUrl('municipality', w.tenant.id, 'rejection_with_plan', '2026-03', '2026-03'));
    expect(pointsOf(res.body)[0]).toEqual({
      period: '2026-03',
      children: '<5',
      base: '<5',
      hits: '<5',
      value: null,
      p90: null,
    });
    expect(res.body).not.toContain('"4"');
  });

  it('a total holding a masked month is withheld, so the month cannot be worked out from it', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 3; i++) await w.rejection((await w.child()).id, new Date('2026-01-13T10:00:00+01:00'));
    for (let i = 0; i < 6; i++) await w.rejection((await w.child()).id, new Date('2026-02-10T10:00:00+01:00'));
    const res = await (
      await w.as(w.people.manager)
    ).get(figuresUrl('municipality', w.tenant.id, 'rejection_with_plan', '2026-01', '2026-02'));
    const [jan, feb, total] = pointsOf(res.body);
    expect(jan!.children).toBe('<5');
    expect(feb).toMatchObject({ period: '2026-02', children: '6' });
    expect(total).toMatchObject({ period: 'total', children: '–', base: '–', hits: '–', value: null });
    expect(res.body).not.toContain('"9"');
  });

  it('one range against another, or a quarter against its months, never gives away a masked month', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (const [month, n] of [
      ['01', 6],
      ['02', 7],
      ['03', 2],
    ] as const)
      for (let i = 0; i < n; i++) await w.rejection((await w.child()).id, new Date(`2026-${month}-10T10:00:00+01:00`));
    const manager = await w.as(w.people.manager);
    const get = async (from: string, to: string, period?: 'quarter') =>
      pointsOf(
        (await manager.get(figuresUrl('municipality', w.tenant.id, 'rejection_with_plan', from, to, period))).body,
      );
    // January and February alone: shown, total 13.
    expect((await get('2026-01', '2026-02')).at(-1)).toMatchObject({ period: 'total', children: '13' });
    // Up to March: 15 would tell March's 2, so that total is withheld, and the quarter holding March too.
    const toMarch = await get('2026-01', '2026-03');
    expect(toMarch.map((p) => [p.period, p.children])).toEqual([
      ['2026-01', '6'],
      ['2026-02', '7'],
      ['2026-03', '<5'],
      ['total', '–'],
    ]);
    expect((await get('2026-01', '2026-03', 'quarter')).map((p) => [p.period, p.children])).toEqual([
      ['2026-Q1', '–'],
      ['total', '–'],
    ]);
  });

  it('a share where fewer than five did not meet it is masked too', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 8; i++) {
      const c = await w.child();
      await w.rejection(c.id, new Date('2026-03-03T10:00:00+01:00'));
      if (i < 5) await w.plan(c.id, 'active');
    }
    const res = await (
      await w.as(w.people.manager)
    ).get(figuresUrl('municipality', w.tenant.id, 'rejection_with_plan', '2026-03', '2026-03'));
    expect(pointsOf(res.body)[0]).toMatchObject({ children: '8', hits: '<5', value: null });
  });

  it('quarters group the months, and show when each month is shown', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 15; i++)
      await w.rejection((await w.child()).id, new Date(`2026-0${1 + (i % 3)}-13T10:00:00+01:00`));
    const res = await (
      await w.as(w.people.manager)
    ).get(figuresUrl('municipality', w.tenant.id, 'rejection_with_plan', '2026-01', '2026-03', 'quarter'));
    expect(pointsOf(res.body).map((p) => [p.period, p.children])).toEqual([
      ['2026-Q1', '15'],
      ['total', '15'],
    ]);
  });

  it('a share is withheld in a quarter when a month in it had fewer than five hits or misses', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (const [month, withPlan] of [
      ['01', 6],
      ['02', 2],
    ] as const)
      for (let i = 0; i < 8; i++) {
        const c = await w.child();
        await w.rejection(c.id, new Date(`2026-${month}-10T10:00:00+01:00`));
        if (i < withPlan) await w.plan(c.id, 'active');
      }
    const res = await (
      await w.as(w.people.manager)
    ).get(figuresUrl('municipality', w.tenant.id, 'rejection_with_plan', '2026-01', '2026-03', 'quarter'));
    expect(pointsOf(res.body)[0]).toMatchObject({ period: '2026-Q1', children: '16', hits: '–', value: null });
  });
});

describe('who reads which figures', () => {
  it('an organisation counts only the children it has a place in the hub of', async () => {
    const w = await followupWorld(t.app, t.database.db);
    for (let i = 0; i < 6; i++) await w.rejection((await w.child()).id, new Date('2026-03-03T10:00:00+01:00'));
    const ok = await (
      await w.as(w.people.manager)
    ).get(figuresUrl('organisation', w.org.id, 'rejection_with_plan', '2026-03', '2026-03'));
    expect(pointsOf(ok.body)[0]!.children).toBe('6');
    const none = await (
      await w.as(w.people.otherManager)
    ).get(figuresUrl('organisation', w.other.id, 'rejection_with_plan', '2026-03', '2026-03'));
    // The other organisation has a place in none of these hubs: nothing counted is no figure, not "<5".
    expect(pointsOf(none.body)).toEqual([]);
  });

  it("another organisation's manager 403, another municipality's organisation 404, a social worker 403", async () => {
    const w = await followupWorld(t.app, t.database.db);
    const url = (id: string) => figuresUrl('organisation', id, 'rejection_with_plan', '2026-03', '2026-03');
    expect((await (await w.as(w.people.otherManager)).get(url(w.org.id))).statusCode).toBe(403);
    const foreign = await buildOrganisation(t.database.db, (await buildTenant(t.database.db)).id);
    expect((await (await w.as(w.people.manager)).get(url(foreign.id))).statusCode).toBe(404);
    const sw = await w.as(w.people.social_worker);
    expect(
      (await sw.get(figuresUrl('municipality', w.tenant.id, 'first_hub_meeting', '2026-03', '2026-03'))).statusCode,
    ).toBe(403);
    expect((await (await w.as(w.people.coordinator)).get(url(w.org.id))).statusCode).toBe(200);
  });

  it('bad input is 400 with the field path', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const m = await w.as(w.people.manager);
    const issues = async (url: string) => {
      const res = await m.get(url);
      expect(res.statusCode).toBe(400);
      return (res.json<{ issues: { path: string }[] }>().issues ?? []).map((i) => i.path);
    };
    expect(await issues(figuresUrl('municipality', w.tenant.id, 'first_hub_meeting', '2026-05', '2026-03'))).toContain(
      'query.to',
    );
    expect(await issues(figuresUrl('municipality', w.tenant.id, 'first_hub_meeting', '2020-01', '2026-03'))).toContain(
      'query.to',
    );
    expect(await issues(figuresUrl('municipality', w.tenant.id, 'no_such', '2026-01', '2026-03'))).toContain(
      'query.indicator',
    );
    expect(await issues(figuresUrl('county', w.tenant.id, 'first_hub_meeting', '2026-01', '2026-03'))).toContain(
      'query.level',
    );
  });
});

describe('the children behind a figure', () => {
  it("lists only the children in the reader's own scope; a coordinator, with no hub, sees none", async () => {
    const w = await followupWorld(t.app, t.database.db);
    const mine = await w.child();
    const theirs = await w.child({ core: [] });
    for (const c of [mine, theirs]) await w.rejection(c.id, new Date('2026-03-03T10:00:00+01:00'));
    const url = `/api/followup/children?level=municipality&id=${w.tenant.id}&indicator=rejection_with_plan&from=2026-03&to=2026-03`;
    const asManager = await (await w.as(w.people.manager)).get(url);
    expect(asManager.statusCode).toBe(200);
    expect(asManager.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toEqual([mine.id]);
    const asCoordinator = await (await w.as(w.people.coordinator)).get(url);
    expect(asCoordinator.json()).toEqual({ items: [] });
  });
});

import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChild } from '../../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../../test/harness.ts';
import { children } from '../../children/tables.ts';
import { buildLevelsWorld } from '../operational/test-world.ts';
import { suppressDifferences, type NeedsCell } from './needs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Mapping = {
  municipalities: { name: string; total: string; cells: { dimension: string; value: string; count: string }[] }[];
};
const cell = (m: Mapping['municipalities'][number], dimension: string, value: string) =>
  m.cells.find((c) => c.dimension === dimension && c.value === value)?.count;

describe('GET /api/collaborations/:id/needs-mapping', () => {
  it('401, 404 outside, 403 for staff who neither run the strategic level nor manage', async () => {
    const w = await buildLevelsWorld(t);
    const url = `/api/collaborations/${w.id}/needs-mapping`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.outsider.get(url)).statusCode).toBe(404);
    expect((await w.clients.mentor.get(url)).statusCode).toBe(403);
    expect((await w.clients.manager.get(url)).statusCode).toBe(200);
  });

  it('counts per municipality from the open cases, shows counts below 5 as "<5", and never a child', async () => {
    const w = await buildLevelsWorld(t);
    const db = t.database.db;
    const rejected = [];
    for (let i = 0; i < 6; i++)
      rejected.push(await buildChild(db, { tenantId: w.town.id, name: `Barn${i}`, asylumStatus: 'rejected' }));
    await db
      .update(children)
      .set({ placementKind: 'hvb', arrivalDate: '2020-01-01' })
      .where(
        inArray(
          children.id,
          rejected.map((c) => c.id),
        ),
      );
    await buildChild(db, { tenantId: w.other.id, name: 'Ragundabarn', asylumStatus: 'rejected' });
    await buildChild(db, { tenantId: w.other.id, name: 'Stängt', caseStatus: 'closed' });
    // A municipality outside the collaboration is not counted.
    await buildChild(db, { tenantId: w.outside.id, name: 'Krokombarn' });

    const res = await w.clients.strategic_rep.get(`/api/collaborations/${w.id}/needs-mapping`);
    expect(res.statusCode).toBe(200);
    const body = res.json<Mapping>();
    expect(body.municipalities.map((m) => m.name)).toEqual(['Ragunda (test)', 'Strömsund (test)']);
    const [other, town] = body.municipalities as [Mapping['municipalities'][number], Mapping['municipalities'][number]];
    expect(town.total).toBe('7');
    expect(cell(town, 'age_band', '16_17')).toBe('7');
    // One masked cell beside a shown one: the shown one is withheld too, or the total would give the masked away.
    expect(cell(town, 'placement', 'none')).toBe('<5');
    expect(cell(town, 'placement', 'hvb')).toBe('–');
    expect(cell(town, 'time_since_arrival', 'unknown')).toBe('<5');
    expect(cell(town, 'time_since_arrival', 'over_24m')).toBe('–');
    expect(cell(town, 'asylum_status', 'in_process')).toBe('<5');
    expect(cell(town, 'asylum_status', 'rejected')).toBe('–');
    expect(other.total).toBe('<5');
    expect(other.cells.every((c) => c.count === '<5')).toBe(true);
    for (const c of [...rejected, w.child]) expect(res.body).not.toContain(c.id);
    expect(res.body).not.toMatch(/Amir|Barn0|Ragundabarn|Krokom/);
    expect(res.body).not.toMatch(/"count":"[1-4]"/);
  });
});

describe('suppressDifferences', () => {
  const c = (dimension: NeedsCell['dimension'], value: string, count: string): NeedsCell => ({
    tenantId: 't',
    dimension,
    value,
    count,
  });
  it('withholds the smallest shown cell beside a single masked one, and leaves two masked alone', () => {
    const out = suppressDifferences([
      c('total', '', '20'),
      c('placement', 'hvb', '12'),
      c('placement', 'foster_home', '6'),
      c('placement', 'none', '<5'),
      c('age_band', '13_15', '<5'),
      c('age_band', '16_17', '<5'),
      c('age_band', '18_plus', '12'),
    ]);
    expect(out.map((x) => x.count)).toEqual(['20', '12', '–', '<5', '<5', '<5', '12']);
  });

  it('withholds more while the masked cells hide less than 5 together (two cells summing to 2 are 1 each)', () => {
    const out = suppressDifferences([
      c('total', '', '16'),
      c('placement', 'hvb', '14'),
      c('placement', 'foster_home', '<5'),
      c('placement', 'none', '<5'),
      c('age_band', '16_17', '9'),
      c('age_band', '18_plus', '7'),
    ]);
    expect(out.map((x) => x.count)).toEqual(['16', '–', '<5', '<5', '9', '7']);
  });
});

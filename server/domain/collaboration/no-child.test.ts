import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

/*
 * The strategic and operational levels never carry a child's identity. Every
 * table of server/domain/collaboration/** (found by file, so new folders are
 * covered without touching this test) is walked: no column may be named like
 * a child reference, and no foreign key may point at a table of children.
 */

const modules = import.meta.glob<Record<string, unknown>>('./**/tables.ts', { eager: true });
const CHILD_NAME = /child|barn|minor|pupil|student|case_?number|personnummer|person_?number|date_of_birth|born/i;

const tables = Object.entries(modules).flatMap(([file, mod]) =>
  Object.values(mod)
    .filter((v): v is PgTable => is(v, PgTable))
    .map((table) => ({ file, config: getTableConfig(table) })),
);

describe('no child identity at the collaboration levels', () => {
  it('finds the tables of every folder', () => {
    const names = tables.map((t) => t.config.name);
    expect(names).toEqual(expect.arrayContaining(['collaborations', 'collaboration_decisions', 'governance_versions']));
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(3);
  });

  it('no column is named like a child reference, and no foreign key leads to a child', () => {
    const offending: string[] = [];
    for (const { file, config } of tables) {
      for (const col of config.columns)
        if (CHILD_NAME.test(col.name)) offending.push(`${file} ${config.name}.${col.name}`);
      for (const fk of config.foreignKeys) {
        const target = getTableConfig(fk.reference().foreignTable).name;
        if (CHILD_NAME.test(target) || target === 'hub_members') offending.push(`${file} ${config.name} → ${target}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('the check itself catches a child reference', async () => {
    const { pgTable, uuid } = await import('drizzle-orm/pg-core');
    const { children } = await import('../children/tables.ts');
    const bad = getTableConfig(pgTable('bad', { childId: uuid('child_id').references(() => children.id) }));
    expect(bad.columns.some((c) => CHILD_NAME.test(c.name))).toBe(true);
    expect(getTableConfig(bad.foreignKeys[0]!.reference().foreignTable).name).toBe('children');
  });
});

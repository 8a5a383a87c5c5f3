import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.ts';
import { outsideTypes, TABLES } from './tables-of-type.ts';

const tables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => v instanceof PgTable)
  .map((t) => getTableConfig(t));
const typed = Object.values(TABLES).flat();
const named = new Set(typed.map((t) => t.table));

/** The schema walk: a table about a child that no record type deletes would stop a deletion at its foreign key. */
describe('retention covers every table', () => {
  it('deletes every table with a child_id, or hanging off a deleted table, within some record type (or says why not)', () => {
    const missing = tables
      .filter((t) => {
        const aboutChild = t.columns.some((c) => c.name === 'child_id');
        const hangsOff = t.foreignKeys.some(
          (f) => named.has(getTableConfig(f.reference().foreignTable).name) && f.onDelete !== 'cascade',
        );
        return (aboutChild || hangsOff) && !named.has(t.name) && !(t.name in outsideTypes);
      })
      .map((t) => t.name);
    expect(typed.length).toBeGreaterThan(25);
    expect(missing).toEqual([]);
  });

  it('names only tables that exist', () => {
    const names = new Set(tables.map((t) => t.name));
    for (const t of [...named, ...Object.keys(outsideTypes)]) expect(names, t).toContain(t);
  });
});

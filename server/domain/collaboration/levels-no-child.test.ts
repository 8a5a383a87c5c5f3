import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { children } from '../children/tables.ts';
import * as operational from './operational/tables.ts';
import * as strategic from './strategic/tables.ts';

describe('the strategic and operational levels carry no child', () => {
  it('no table of theirs has a child column or a reference to the child table', () => {
    const tables = Object.values({ ...operational, ...strategic }) as PgTable[];
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const table of tables) {
      const config = getTableConfig(table);
      const names = Object.values(getTableColumns(table)).map((c) => c.name);
      expect(
        names.filter((n) => /child/i.test(n)),
        config.name,
      ).toEqual([]);
      for (const fk of config.foreignKeys)
        expect(getTableConfig(fk.reference().foreignTable).name, config.name).not.toBe(getTableConfig(children).name);
    }
  });
});

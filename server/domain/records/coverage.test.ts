import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.ts';
import { childCoveredElsewhere, childParts, userLeftOut, userParts } from './coverage.ts';

const tables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => v instanceof PgTable)
  .map((t) => getTableConfig(t));

/** The schema walk: a table about a child or a user that the extract does not name fails here. */
describe('the registry extract covers every table', () => {
  it('has every table with a child_id column among the child parts (or says why not)', () => {
    const named = new Set([...childParts.map((p) => p.table), ...Object.keys(childCoveredElsewhere)]);
    const withChild = tables.filter((t) => t.columns.some((c) => c.name === 'child_id')).map((t) => t.name);
    expect(withChild.length).toBeGreaterThan(15);
    expect(withChild.filter((n) => !named.has(n))).toEqual([]);
  });

  it('has every table that refers to a user among the user parts (or says why not)', () => {
    const named = new Set([...userParts.map((p) => p.table), ...Object.keys(userLeftOut)]);
    const withUser = tables
      .filter((t) => t.foreignKeys.some((f) => getTableConfig(f.reference().foreignTable).name === 'users'))
      .map((t) => t.name);
    expect(withUser.length).toBeGreaterThan(20);
    expect(withUser.filter((n) => !named.has(n))).toEqual([]);
  });

  it('names only tables that exist, each once, with a reason for every one left out', () => {
    const names = new Set(tables.map((t) => t.name));
    for (const p of [...childParts, ...userParts]) expect(names, p.table).toContain(p.table);
    for (const [t, reason] of Object.entries({ ...childCoveredElsewhere, ...userLeftOut })) {
      expect(names, t).toContain(t);
      expect(reason.length, t).toBeGreaterThan(20);
    }
    expect(new Set(childParts.map((p) => p.key)).size).toBe(childParts.length);
    expect(new Set(userParts.map((p) => p.key)).size).toBe(userParts.length);
  });
});

import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../server/db/connect.ts';

export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Plain SQL on either kind of database. */
export function queryOf(database: Database): Query {
  if (database.pool) {
    const pool = database.pool;
    return async (text, params = []) => (await pool.query<Record<string, unknown>>(text, params)).rows;
  }
  const pglite = database.pglite;
  if (!pglite) throw new Error('database has neither a pool nor an embedded client');
  return async (text, params = []) => (await pglite.query<Record<string, unknown>>(text, params)).rows;
}

/** One element of a PostgreSQL array literal: NULL, a bare number or boolean, or a quoted string. */
function element(column: PgColumn, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text: string;
  if (column.getSQLType() === 'jsonb') text = JSON.stringify(value);
  else if (Array.isArray(value)) text = `{${value.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'string') text = value;
  else throw new Error(`column ${column.name}: cannot write ${typeof value}`);
  // Most values (ids, hashes) need no escaping: skip the regular expression for them.
  return text.includes('"') || text.includes('\\') ? `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `"${text}"`;
}

/**
 * One INSERT … SELECT FROM unnest($1::type[], …) per chunk: one array parameter
 * per column, so a chunk is not limited by PostgreSQL's 65,535 parameters and
 * the server parses one short statement. The array literals are built here:
 * measured about three times faster than multi-row VALUES or pg's own array
 * serialisation. Columns come from the Drizzle table, so a renamed column fails
 * here rather than writing nonsense.
 */
export function bulkInserter(query: Query, chunkSize: number) {
  return async function insert<T extends PgTable>(table: T, rows: T['$inferInsert'][]): Promise<void> {
    if (rows.length === 0) return;
    const all = getTableColumns(table) as Record<string, PgColumn>;
    const keys = Object.keys(rows[0] as object);
    const columns = keys.map((k) => {
      const c = all[k];
      if (!c) throw new Error(`${getTableName(table)} has no column ${k}`);
      return c;
    });
    // unnest flattens a two-dimensional array: an array column travels as its text literal and is cast back.
    const isArray = columns.map((c) => c.getSQLType().endsWith('[]'));
    const text =
      `insert into "${getTableName(table)}" (${columns.map((c) => `"${c.name}"`).join(', ')}) ` +
      `select ${columns.map((c, i) => (isArray[i] ? `c${i}::${c.getSQLType()}` : `c${i}`)).join(', ')} ` +
      `from unnest(${columns.map((c, i) => `$${i + 1}::${isArray[i] ? 'text' : c.getSQLType()}[]`).join(', ')}) ` +
      `as u(${columns.map((_, i) => `c${i}`).join(', ')})`;
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize) as Record<string, unknown>[];
      const params = columns.map((c, i) => `{${chunk.map((r) => element(c, r[keys[i]!])).join(',')}}`);
      await query(text, params);
    }
  };
}

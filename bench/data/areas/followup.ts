import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { boundsOf, boundsQuery, rebuildStatements } from '../../../server/domain/followup/rollup-repo.ts';
import type { Area } from '../context.ts';

const dialect = new PgDialect();

/**
 * The follow-up roll-up, built as the nightly job builds it (the same
 * statements, `server/domain/followup/rollup-repo.ts`), once the data it counts
 * is in: the server then finds every municipality built today and its nightly
 * run does not rebuild them during the benchmark.
 */
export const area: Area = {
  name: 'follow-up roll-up',
  order: 90,
  estimate: (plan) => plan.children * 30,
  async generate(ctx) {
    // The real clock, not the data's "now": the server judges "built today" by it.
    const now = new Date();
    const run = async (statement: SQL) => {
      const q = dialect.sqlToQuery(statement);
      return ctx.query(q.sql, q.params);
    };
    for (const t of ctx.tenants) {
      const [row] = await run(boundsQuery(t.id, todayInSweden(now)));
      for (const statement of rebuildStatements(t.id, boundsOf(row!), now)) await run(statement);
      ctx.progress(t.childCount * 30);
    }
  },
};

import fs from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { Role } from '../../common/roles.ts';
import { loadConfig } from '../../server/config.ts';
import { runWithContext, type Actor } from '../../server/context.ts';
import type { Db } from '../../server/db/connect.ts';
import * as schema from '../../server/db/schema.ts';
import { actorsOf, type Scenario } from '../scenarios/scenario.ts';
import type { BenchUser } from './sessions.ts';

interface Captured {
  sql: string;
  params: unknown[];
}

async function actorOf(pool: pg.Pool, user: BenchUser): Promise<Actor> {
  const { rows } = await pool.query<{ display_name: string; organisation_id: string; role: string }>(
    `select u.display_name, m.organisation_id, m.role from users u
       join memberships m on m.user_id = u.id and m.ended_at is null where u.id = $1`,
    [user.userId],
  );
  return {
    userId: user.userId,
    tenantId: user.tenantId,
    displayName: rows[0]?.display_name ?? '',
    sessionId: 'bench-explain',
    memberships: rows.map((r) => ({ organisationId: r.organisation_id, role: Role.parse(r.role) })),
  };
}

/**
 * Runs each scenario's service call once with a query-logging Drizzle, then
 * EXPLAIN ANALYZE on every select it made, with the same parameters. The plans
 * follow the code: when a service gains a query, its plan appears here.
 */
export async function writePlans(
  databaseUrl: string,
  scenarios: Scenario[],
  users: { hub: BenchUser[]; followUp: BenchUser[] },
  file: string,
  heading: string,
): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const out: string[] = [heading, ''];
    for (const s of scenarios) {
      if (!s.explain) continue;
      // The first user who may do it: the hub member with the most children, or a manager for the follow-up.
      const user = actorsOf(s, users.hub, users.followUp)[0];
      if (!user) {
        out.push(`==== (${s.key}) ${s.title}: no user in the sample may do this ====`, '');
        continue;
      }
      const actor = await actorOf(pool, user);
      const captured: Captured[] = [];
      const db = drizzle({
        client: pool,
        schema,
        logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
      }) as unknown as Db;
      const deps = { db, kind: 'postgres' as const, config: loadConfig() };
      await runWithContext({ requestId: 'bench-explain', ip: null, actor }, () =>
        s.explain!(deps, actor, { ...user, cookie: '', csrfToken: '' }),
      );
      out.push(
        `==== (${s.key}) ${s.title}: ${captured.length} statements ====`,
        `Actor: ${user.email} (${actor.memberships.map((m) => m.role).join(', ')}), in the hub of ${user.childIds.length} children.`,
        '',
      );
      // In one transaction, in the request's order, rolled back: a setting a statement makes for the rest
      // of its transaction (the follow-up's serial plans, `readsRollup`) applies to the plans after it.
      const client = await pool.connect();
      try {
        await client.query('begin');
        for (const q of captured) {
          out.push(`-- ${q.sql}`, `-- params: ${JSON.stringify(q.params)}`);
          if (/^\s*(select|with)\b/i.test(q.sql)) {
            const { rows } = await client.query<{ 'QUERY PLAN': string }>(
              `explain (analyze, buffers) ${q.sql}`,
              q.params,
            );
            out.push(...rows.map((r) => r['QUERY PLAN']));
          } else out.push('(not a select: not explained; it runs inside the same transaction)');
          out.push('');
        }
      } finally {
        await client.query('rollback');
        client.release();
      }
    }
    fs.writeFileSync(file, `${out.join('\n')}\n`);
  } finally {
    await pool.end();
  }
}

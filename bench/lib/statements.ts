import { loadConfig } from '../../server/config.ts';
import type { Deps } from '../../server/deps.ts';
import { buildApp } from '../../server/http/app.ts';
import { countStatements } from '../../server/test/statement-counter.ts';
import { actorsOf, isBuilt, type BenchRequest, type Scenario } from '../scenarios/scenario.ts';
import type { OperationClient } from './operations.ts';
import type { BenchSession } from './sessions.ts';
import { open, type Target } from './target.ts';

/** SQL statements of one request of a scenario, counted at the driver. */
export interface StepStatements {
  label: string;
  statements: number;
  status: number;
  cleanup: boolean;
}

/**
 * Runs each built scenario ONCE through an in-process Navet on the same database, with the
 * sessions the load used, and counts the SQL statements each request sends at the driver
 * (server/test/statement-counter.ts): session, scope, reads, writes, audit, BEGIN and COMMIT.
 * Run after the measured server has stopped: an embedded folder has one owner, and the counter
 * sees every statement of this process. The job runner and the audit sealer do not run here, so
 * their work (after the request) is not counted.
 */
export async function countScenarioStatements(
  target: Target,
  scenarios: Scenario[],
  sessions: BenchSession[],
  followUp: BenchSession[],
): Promise<Map<string, StepStatements[]>> {
  const database = await open(target);
  const deps: Deps = { db: database.db, kind: database.kind, config: loadConfig() };
  const app = await buildApp(deps);
  const counter = countStatements(database);
  const out = new Map<string, StepStatements[]>();
  try {
    for (const s of scenarios) {
      const actors = actorsOf(s, sessions, followUp);
      if (!isBuilt(s) || actors.length === 0) continue;
      const steps: StepStatements[] = [];
      const send = async (session: BenchSession, req: BenchRequest & { label: string }, cleanup = false) => {
        counter.reset();
        const res = await app.inject({
          method: req.method,
          url: req.path,
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          ...(req.body === undefined ? {} : { payload: req.body as object }),
        });
        steps.push({ label: req.label, statements: counter.count, status: res.statusCode, cleanup });
        return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : null };
      };
      if (s.operation) {
        const client: OperationClient = { send: (session, req, o = {}) => send(session, req, o.cleanup === true) };
        await s.operation(actors)(client, 0);
      } else {
        const req = s.request!(actors[0]!, 0);
        await send(actors[0]!, { ...req, label: `${req.method} ${s.title}` });
      }
      out.set(s.key, steps);
    }
  } finally {
    counter.stop();
    await app.close();
    await database.close();
  }
  return out;
}

/** "3" for one request, "4+5+9" for an operation's timed requests. */
export function statementsCell(steps: StepStatements[] | undefined): string {
  if (!steps || steps.length === 0) return '-';
  const timed = steps.filter((s) => !s.cleanup);
  const failed = timed.some((s) => s.status < 200 || s.status >= 300) ? ' (non-2xx)' : '';
  return timed.map((s) => String(s.statements)).join('+') + failed;
}

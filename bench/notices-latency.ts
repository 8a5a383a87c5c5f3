/**
 * Event-to-page latency of notices under background load.
 *
 *   npx tsx bench/notices-latency.ts                 # embedded PGlite in a temporary folder
 *   DATABASE_URL=postgres://… npx tsx bench/notices-latency.ts   # an empty PostgreSQL database
 *   flags: --events 200 --connections 16 --children 50
 *
 * A contact person records events one after another; the social worker's page
 * (a real server-sent-events connection) waits for each notice. Measured: from
 * sending the event to the notice arriving on the page (the full path: HTTP
 * write, commit, NOTIFY, the job runner routing it, NOTIFY again, the live
 * hub's query, the push), and from the write's answer to the arrival. Meanwhile
 * autocannon keeps other users' reads going (children list, notices list).
 * Server, load and page share this process and the machine: the numbers are
 * comparative, not absolute. A benchmark, not a test: it asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import type { Deps } from '../server/deps.ts';
import { hashPassword } from '../server/domain/auth/passwords.ts';
import { children, hubMembers } from '../server/domain/children/tables.ts';
import { openSse } from '../server/domain/notifications/sse-client.ts';
import { memberships, organisations, tenants, users } from '../server/domain/tenancy/tables.ts';
import { buildApp } from '../server/http/app.ts';
import { startJobRunner } from '../server/jobs/index.ts';

const { values: flags } = parseArgs({
  options: {
    events: { type: 'string', default: '200' },
    connections: { type: 'string', default: '16' },
    children: { type: 'string', default: '50' },
  },
});
const EVENTS = Number(flags.events);
const CONNECTIONS = Number(flags.connections);
const CHILDREN = Number(flags.children);
const PASSWORD = 'navet-bench-2026';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const dataDir = process.env.DATABASE_URL ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'navet-bench-notices-'));
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  await database.migrate();
  const config = loadConfig({ port: 0, loginMaxPerMinute: 100_000 });
  const deps: Deps = { db: database.db, kind: database.kind, config };
  const db = database.db;

  // One municipality: a social worker, a contact person and a school mentor share the hubs of CHILDREN children.
  const hash = await hashPassword(PASSWORD);
  const [tenant] = await db.insert(tenants).values({ name: 'Bench notices', requireTotp: false }).returning();
  const [org] = await db
    .insert(organisations)
    .values({ tenantId: tenant!.id, name: 'Socialtjänsten', principalType: 'municipality' })
    .returning();
  const people: Record<string, { id: string; email: string }> = {};
  for (const role of ['social_worker', 'contact_person', 'school_mentor'] as const) {
    const email = `${role}.${tenant!.id}@notices.bench.navet.se`;
    const [u] = await db
      .insert(users)
      .values({ tenantId: tenant!.id, email, displayName: role, passwordHash: hash })
      .returning();
    await db.insert(memberships).values({ tenantId: tenant!.id, userId: u!.id, organisationId: org!.id, role });
    people[role] = { id: u!.id, email };
  }
  const childIds: string[] = [];
  for (let i = 0; i < CHILDREN; i++) {
    const [c] = await db
      .insert(children)
      .values({ tenantId: tenant!.id, displayName: `Barn ${i}`, dateOfBirth: '2012-01-01' })
      .returning();
    childIds.push(c!.id);
    for (const hubRole of ['social_worker', 'contact_person', 'school_mentor'] as const)
      await db.insert(hubMembers).values({
        tenantId: tenant!.id,
        childId: c!.id,
        userId: people[hubRole]!.id,
        organisationId: org!.id,
        hubRole,
        startsOn: '2024-01-01',
      });
  }

  const app = await buildApp(deps);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const runner = startJobRunner(deps, 1000);
  const login = async (email: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const body = (await res.json()) as { csrfToken: string };
    const cookie = /navet_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
    return { cookie, csrfToken: body.csrfToken };
  };
  const worker = await login(people.social_worker!.email);
  const contact = await login(people.contact_person!.email);
  const mentor = await login(people.school_mentor!.email);
  const page = await openSse(base, worker.cookie);

  // Background: the mentor and the social worker read lists while events flow.
  let n = 0;
  // With a callback autocannon returns its instance, which `stop()` ends.
  const load = autocannon(
    {
      url: base,
      connections: CONNECTIONS,
      duration: 3600,
      requests: [
        {
          setupRequest: (req) => {
            n += 1;
            const who = n % 2 === 0 ? mentor : worker;
            return {
              ...req,
              method: 'GET',
              path: n % 3 === 0 ? '/api/notifications' : '/api/children',
              headers: { cookie: who.cookie },
            };
          },
        },
      ],
    },
    () => undefined,
  );

  const total: number[] = [];
  const afterAnswer: number[] = [];
  let seen = 0;
  for (let i = 0; i < EVENTS; i++) {
    const childId = childIds[i % childIds.length]!;
    const started = performance.now();
    const res = await fetch(`${base}/api/children/${childId}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: contact.cookie, 'x-csrf-token': contact.csrfToken },
      body: JSON.stringify({
        type: 'school_absence',
        occurredOn: '2026-01-05',
        source: 'residence',
        confirmDuplicate: true,
      }),
    });
    const answered = performance.now();
    if (res.status !== 201) throw new Error(`record answered ${res.status}: ${await res.text()}`);
    const want = seen + 1;
    await page.next(() => page.events.filter((e) => e.event === 'notice').length >= want, 10_000);
    seen = want;
    const arrived = performance.now();
    total.push(arrived - started);
    afterAnswer.push(arrived - answered);
  }

  load.stop();
  page.close();
  await runner.stop();
  await app.close();
  await database.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });

  const report = (name: string, xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { name, n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
  };
  const rows = [report('event sent → notice on page', total), report('write answered → notice on page', afterAnswer)];
  const result = { mode: database.kind, events: EVENTS, connections: CONNECTIONS, children: CHILDREN, rows };
  fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(import.meta.dirname, 'results', 'notices-latency.json'), JSON.stringify(result, null, 2));
  console.log(`Notices: event-to-page latency under load (${database.kind}, ${CONNECTIONS} background connections)`);
  for (const r of rows)
    console.log(
      `  ${r.name.padEnd(34)} n=${r.n}  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`,
    );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildChild, buildOrganisation, buildTenant, buildUser, TEST_PASSWORD } from '../factories.ts';
import { login, type TestApp } from '../harness.ts';
import type { Operation } from './operations.ts';

/**
 * A small hub world: a social worker (the only one logged in: each login costs
 * a password hash), a god man and a volunteer in one child's hub, a meeting and
 * a plan, so path parameters can carry ids that exist and the requests get past
 * "no such child" to the input checks.
 */
export async function buildFuzzWorld(t: TestApp) {
  const db = t.database.db;
  const tenant = await buildTenant(db);
  const org = await buildOrganisation(db, tenant.id);
  const person = (role: 'social_worker' | 'god_man' | 'volunteer') =>
    buildUser(db, { tenantId: tenant.id, organisationId: org.id, role });
  const people = {
    social_worker: await person('social_worker'),
    god_man: await person('god_man'),
    volunteer: await person('volunteer'),
  };
  const child = await buildChild(db, {
    tenantId: tenant.id,
    name: 'Amir',
    caseNumber: '12345678',
    hub: [
      { user: people.social_worker, hubRole: 'social_worker' },
      { user: people.god_man, hubRole: 'god_man' },
      { user: people.volunteer, hubRole: 'civil_society' },
    ],
  });
  const sw = await login(t.app, people.social_worker.email, TEST_PASSWORD);
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const meeting = await sw.post('/api/meetings', {
    kind: 'hub',
    childId: child.id,
    title: 'Navetmöte',
    startsAt: `${day}T09:00`,
    endsAt: `${day}T10:00`,
    location: 'Socialkontoret',
    inviteeUserIds: [people.god_man.id],
  });
  if (meeting.statusCode !== 201) throw new Error(`meeting: ${meeting.body}`);
  const plan = await sw.post(`/api/children/${child.id}/plans`, { kind: 'isip' });
  if (plan.statusCode !== 201) throw new Error(`plan: ${plan.body}`);
  return {
    people,
    child,
    client: sw,
    volunteerMemberId: child.members[2]!.id,
    meetingId: meeting.json<{ id: string }>().id,
    planId: plan.json<{ id: string }>().id,
  };
}
export type FuzzWorld = Awaited<ReturnType<typeof buildFuzzWorld>>;

/** A real value for each path parameter where the world has one; a fresh UUID otherwise. */
export function realParams(w: FuzzWorld, op: Operation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of op.pathParams) {
    if (p.name === 'id') {
      if (op.path.startsWith('/api/children/') || op.path.startsWith('/api/audit/children/')) out.id = w.child.id;
      else if (op.path.startsWith('/api/meetings/')) out.id = w.meetingId;
      else if (op.path.startsWith('/api/plans/')) out.id = w.planId;
      else if (/^\/api\/(audit|admin)\/users\//.test(op.path)) out.id = w.people.social_worker.id;
      else out.id = randomUUID();
    } else if (p.name === 'memberId') out.memberId = w.volunteerMemberId;
    else if (p.name === 'topic') out.topic = 'school';
    else if (p.name === 'item') out.item = 'put_faces';
    else if (p.name === 'number') out.number = '1';
    else out[p.name] = randomUUID();
  }
  return out;
}

export type Fingerprint = Record<string, string>;

/**
 * What a refused request must leave as it was: the head of every audit chain
 * and the number of rows in every table of the application. Counting every
 * table is slow, so the next transaction id is read first: it moves only when
 * some transaction wrote, and until it does the last counts still hold.
 */
export async function fingerprinter(t: TestApp): Promise<() => Promise<Fingerprint>> {
  const db = t.database.db;
  const tables = (await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`)) as {
    rows: { tablename: string }[];
  };
  const counts = tables.rows.map((r) => sql.raw(`(select count(*) from "${r.tablename}")::text as "${r.tablename}"`));
  const query = sql`select ${sql.join(counts, sql`, `)}, (select coalesce(sum(seq), 0) from audit_heads)::text as audit_seq`;
  const nextXid = async () =>
    ((await db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`)) as { rows: { x: string }[] })
      .rows[0]!.x;
  let cached: { xid: string; counts: Fingerprint } | undefined;
  return async () => {
    const xid = await nextXid();
    if (cached?.xid !== xid) cached = { xid, counts: ((await db.execute(query)) as { rows: Fingerprint[] }).rows[0]! };
    return cached.counts;
  };
}

/** The names whose counts differ. */
export const changed = (a: Fingerprint, b: Fingerprint) => Object.keys(a).filter((k) => a[k] !== b[k]);

import { BENCH_EMAIL_SUFFIX, BENCH_PASSWORD } from '../data/generate.ts';
import { type Target, open, query } from './target.ts';

/** A logged-in bench user and the children in whose hubs they have an open place. */
export interface BenchSession {
  userId: string;
  tenantId: string;
  email: string;
  childIds: string[];
  cookie: string;
  csrfToken: string;
}

export type BenchUser = Omit<BenchSession, 'cookie' | 'csrfToken'>;

export interface Sample {
  users: BenchUser[];
  /** Children for the baseline's primary-key select. */
  childIds: string[];
  tenants: number;
}

/**
 * Picks hub members of a few municipalities (the same count at every size, so
 * contention on each municipality's audit chain does not change with size).
 * The order is a hash of the id: the same data gives the same users.
 */
export async function sampleUsers(target: Target, users: number, tenants: number): Promise<Sample> {
  const database = await open(target);
  try {
    const noData = new Error('No bench data here. Fill the database first: npm run bench:data -- --children N');
    const picked = await query<{ id: string }>(
      database,
      `select id from tenants where exists (select 1 from users where users.tenant_id = tenants.id and users.email like $1)
         order by md5(id::text) limit $2`,
      [`%${BENCH_EMAIL_SUFFIX}`, tenants],
    ).catch(() => {
      throw noData;
    });
    if (picked.length === 0) throw noData;
    const rows = await query<{ user_id: string; tenant_id: string; email: string; child_ids: string[] }>(
      database,
      `select u.id as user_id, u.tenant_id, u.email, array_agg(hm.child_id::text) as child_ids
         from users u join hub_members hm on hm.user_id = u.id and hm.ended_at is null
        where u.tenant_id = any($1::uuid[]) and u.email like $2 and u.disabled_at is null
        group by u.id, u.tenant_id, u.email
        order by md5(u.id::text) limit $3`,
      [picked.map((t) => t.id), `%${BENCH_EMAIL_SUFFIX}`, users],
    );
    const children = await query<{ id: string }>(database, 'select id from children order by md5(id::text) limit 1000');
    return {
      users: rows.map((r) => ({ userId: r.user_id, tenantId: r.tenant_id, email: r.email, childIds: r.child_ids })),
      childIds: children.map((c) => c.id),
      tenants: picked.length,
    };
  } finally {
    await database.close();
  }
}

/** Logs every user in through the API, a few at a time (argon2 is deliberately slow). */
export async function logIn(url: string, users: BenchUser[], parallel = 4): Promise<BenchSession[]> {
  const sessions: BenchSession[] = [];
  const queue = [...users];
  const worker = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: u.email, password: BENCH_PASSWORD }),
      });
      const body = (await res.json()) as { stage?: string; csrfToken?: string; message?: string };
      if (res.status !== 200 || body.stage !== 'done')
        throw new Error(`login of ${u.email} gave ${res.status} ${body.stage ?? body.message ?? ''}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0]!)
        .join('; ');
      sessions.push({ ...u, cookie, csrfToken: body.csrfToken ?? '' });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return sessions;
}

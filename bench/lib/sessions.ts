import { BENCH_EMAIL_SUFFIX, BENCH_PASSWORD } from '../data/generate.ts';
import { type Target, open, query } from './target.ts';

/** One open place in a child's hub, with what the write scenarios need to know about it. */
export interface Place {
  childId: string;
  hubRole: string;
  /** The child's case is active (writes on a closed case answer 409). */
  caseOpen: boolean;
  /** The child has a plan that has not ended (a second one answers 409). */
  hasOpenPlan: boolean;
}

/** A logged-in bench user and the children in whose hubs they have an open place. */
export interface BenchSession {
  userId: string;
  tenantId: string;
  email: string;
  childIds: string[];
  places: Place[];
  /** The user's organisations (one per generated user). */
  organisationIds: string[];
  cookie: string;
  csrfToken: string;
}

export type BenchUser = Omit<BenchSession, 'cookie' | 'csrfToken'>;

export interface Sample {
  users: BenchUser[];
  /** Managers and coordinators of the social services of the same municipalities: the follow-up query's readers. */
  followUpUsers: BenchUser[];
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
    const rows = await query<UserRow>(
      database,
      `select u.id as user_id, u.tenant_id, u.email, array_agg(hm.child_id::text) as child_ids,
              array_agg(hm.hub_role) as hub_roles, array_agg(c.case_status = 'active') as case_open,
              array_agg(exists (select 1 from plans p where p.child_id = c.id and p.status <> 'ended')) as open_plan,
              (select array_agg(m.organisation_id::text) from memberships m where m.user_id = u.id) as org_ids
         from users u join hub_members hm on hm.user_id = u.id and hm.ended_at is null
         join children c on c.id = hm.child_id
        where u.tenant_id = any($1::uuid[]) and u.email like $2 and u.disabled_at is null
        group by u.id, u.tenant_id, u.email
        order by md5(u.id::text) limit $3`,
      [picked.map((t) => t.id), `%${BENCH_EMAIL_SUFFIX}`, users],
    );
    // The social services' manager and coordinator: the issue's "municipality follow-up" readers.
    const followUp = await query<UserRow>(
      database,
      `select u.id as user_id, u.tenant_id, u.email, array[]::text[] as child_ids, array[]::text[] as hub_roles,
              array[]::boolean[] as case_open, array[]::boolean[] as open_plan, array[m.organisation_id::text] as org_ids
         from users u join memberships m on m.user_id = u.id and m.role in ('manager', 'coordinator')
         join organisations o on o.id = m.organisation_id and o.name like '%socialtjänsten'
        where u.tenant_id = any($1::uuid[]) and u.email like $2 and u.disabled_at is null
        order by md5(u.id::text)`,
      [picked.map((t) => t.id), `%${BENCH_EMAIL_SUFFIX}`],
    );
    const children = await query<{ id: string }>(database, 'select id from children order by md5(id::text) limit 1000');
    return {
      users: rows.map(userOf),
      followUpUsers: followUp.map(userOf),
      childIds: children.map((c) => c.id),
      tenants: picked.length,
    };
  } finally {
    await database.close();
  }
}

interface UserRow {
  user_id: string;
  tenant_id: string;
  email: string;
  child_ids: string[];
  hub_roles: string[];
  case_open: boolean[];
  open_plan: boolean[];
  org_ids: string[] | null;
}

function userOf(r: UserRow): BenchUser {
  return {
    userId: r.user_id,
    tenantId: r.tenant_id,
    email: r.email,
    childIds: r.child_ids,
    places: r.child_ids.map((childId, i) => ({
      childId,
      hubRole: r.hub_roles[i]!,
      caseOpen: r.case_open[i]!,
      hasOpenPlan: r.open_plan[i]!,
    })),
    organisationIds: r.org_ids ?? [],
  };
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

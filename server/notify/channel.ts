import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../db/connect.ts';
import type { Deps } from '../deps.ts';

/**
 * The database's LISTEN/NOTIFY as a small pub/sub. A NOTIFY sent inside a
 * transaction is delivered when (and only if) it commits, on PostgreSQL and on
 * PGlite alike, so publishers simply NOTIFY in their transaction.
 *
 * One listening connection per process and database, shared by everyone who
 * subscribes (the live notice stream, the job runner), opened on the first
 * subscription and closed with the last. On PostgreSQL it is a dedicated client
 * outside the pool (a pooled connection could be handed to a query mid-LISTEN);
 * on PGlite it is the embedded instance itself.
 */
export type Callback = (payload: string) => void;

export interface Subscription {
  close(): Promise<void>;
}

interface Connection {
  subscribers: Map<string, Set<Callback>>;
  refs: number;
  listen(channel: string): Promise<void>;
  end(): Promise<void>;
}

const connections = new WeakMap<Db, Promise<Connection>>();

function dispatch(conn: Connection, channel: string, payload: string): void {
  for (const cb of conn.subscribers.get(channel) ?? []) {
    try {
      cb(payload);
    } catch (err) {
      console.error(`listener on ${channel} failed:`, err);
    }
  }
}

async function openPg(databaseUrl: string): Promise<Connection> {
  const conn: Connection = {
    subscribers: new Map(),
    refs: 0,
    listen: async () => undefined,
    end: async () => undefined,
  };
  let client: pg.Client | null = null;
  let ended = false;
  let waiting = false;
  // A lost connection reconnects and listens again, every second until the database answers (a restart
  // refuses connections for a while); notices sent meanwhile are still in the database and reach the page on
  // its next load or reconnect. One attempt pending at a time.
  const reconnectLater = () => {
    if (ended || waiting) return;
    waiting = true;
    setTimeout(() => {
      waiting = false;
      connect().catch((err: unknown) => {
        console.error('PostgreSQL listener could not reconnect:', err instanceof Error ? err.message : String(err));
        reconnectLater();
      });
    }, 1000).unref();
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', (msg) => dispatch(conn, msg.channel, msg.payload ?? ''));
    c.on('error', (err) => {
      console.error('PostgreSQL listener error:', err.message);
      if (client === c) client = null;
      reconnectLater();
    });
    await c.connect();
    for (const channel of conn.subscribers.keys()) await c.query(`listen ${quoteIdent(channel)}`);
    client = c;
  };
  await connect();
  conn.listen = async (channel) => {
    await client?.query(`listen ${quoteIdent(channel)}`);
  };
  conn.end = async () => {
    ended = true;
    await client?.end().catch(() => undefined);
  };
  return conn;
}

function openPglite(pglite: PGlite): Connection {
  const unlisteners: (() => Promise<void>)[] = [];
  const conn: Connection = {
    subscribers: new Map(),
    refs: 0,
    listen: async (channel) => {
      unlisteners.push(await pglite.listen(channel, (payload) => dispatch(conn, channel, payload)));
    },
    end: async () => {
      if (pglite.closed) return;
      for (const un of unlisteners) await un().catch(() => undefined);
    },
  };
  return conn;
}

function quoteIdent(channel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  return channel;
}

/** Calls `cb` with the payload of every NOTIFY on `channel` that commits, from any process. */
export async function subscribe(deps: Deps, channel: string, cb: Callback): Promise<Subscription> {
  let pending = connections.get(deps.db);
  if (!pending) {
    const pglite = (deps.db as unknown as { $client?: unknown }).$client;
    if (deps.kind === 'pglite' && pglite instanceof PGlite) pending = Promise.resolve(openPglite(pglite));
    else if (deps.config.databaseUrl) pending = openPg(deps.config.databaseUrl);
    else throw new Error('no database to listen on');
    connections.set(deps.db, pending);
    pending.catch(() => connections.delete(deps.db));
  }
  const conn = await pending;
  conn.refs += 1;
  let set = conn.subscribers.get(channel);
  if (!set) {
    set = new Set();
    conn.subscribers.set(channel, set);
    await conn.listen(channel);
  }
  set.add(cb);
  let closed = false;
  return {
    close: async () => {
      if (closed) return;
      closed = true;
      conn.subscribers.get(channel)?.delete(cb);
      conn.refs -= 1;
      if (conn.refs === 0) {
        connections.delete(deps.db);
        await conn.end();
      }
    },
  };
}

/** NOTIFY inside the caller's transaction: delivered to every process on commit, dropped on rollback. */
export async function publish(tx: Db, channel: string, payload: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${quoteIdent(channel)}, ${payload})`);
}

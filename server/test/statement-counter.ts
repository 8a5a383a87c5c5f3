import pg from 'pg';
import type { Database } from '../db/connect.ts';

/** Counts the SQL statements a database handle sends, at the driver. */
export interface StatementCounter {
  /** Statements since the counter started or was last reset. */
  readonly count: number;
  /** Their text, in order (for a failing assertion's message). */
  readonly texts: string[];
  reset(): void;
  stop(): void;
}

/**
 * Wraps the driver under a Database: on PostgreSQL every `query` of the pool's clients (BEGIN and
 * COMMIT included); on PGlite every Parse or simple Query message of the wire protocol, which is
 * where both its `query` and `exec` (and BEGIN/COMMIT of its transactions) end up. Other handles on
 * the same PostgreSQL process are counted too: count around one request at a time.
 */
export function countStatements(database: Pick<Database, 'pglite' | 'pool'>): StatementCounter {
  const texts: string[] = [];
  let restore: () => void;
  if (database.pglite) {
    const pglite = database.pglite;
    const original = pglite.execProtocolStream.bind(pglite);
    pglite.execProtocolStream = (message, opts) => {
      // 'P' (Parse) starts an extended-protocol query, 'Q' a simple one.
      if (message[0] === 0x50 || message[0] === 0x51) texts.push(protocolText(message));
      return original(message, opts);
    };
    restore = () => {
      pglite.execProtocolStream = original;
    };
  } else {
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string } | undefined;
      texts.push(typeof first === 'string' ? first : (first?.text ?? ''));
      return original.apply(this, args);
    };
    restore = () => {
      proto.query = original;
    };
  }
  return {
    get count() {
      return texts.length;
    },
    texts,
    reset: () => {
      texts.length = 0;
    },
    stop: () => restore(),
  };
}

/** The statement text of a Parse ('P', length, name\0, text\0) or Query ('Q', length, text\0) message. */
function protocolText(message: Uint8Array): string {
  const body = message.subarray(5);
  const decoder = new TextDecoder();
  if (message[0] === 0x51) return decoder.decode(body.subarray(0, body.indexOf(0)));
  const nameEnd = body.indexOf(0);
  const rest = body.subarray(nameEnd + 1);
  return decoder.decode(rest.subarray(0, rest.indexOf(0)));
}

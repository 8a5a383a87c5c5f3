/**
 * Whether an error means the database cannot be reached right now (PostgreSQL stopped, restarting or out of
 * reach), as opposed to a fault in the request or the code. The error handler answers these with 503 and
 * `retry-after`, so a client waits and tries again instead of reading a server fault; the pool reconnects by
 * itself once the database is back.
 */

/** Socket errors of a connection that could not be made or was cut. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * SQLSTATEs of a server going away: class 08 (connection exception), and 57P01–57P03 (terminated by an
 * administrator or a crash, or not accepting connections yet while it recovers).
 */
const unavailableStates = /^(08\w{3}|57P0[123])$/;

/** node-postgres's own words when the socket closes under a query or no connection comes in time. */
const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

export function isDatabaseUnavailable(err: unknown): boolean {
  // drizzle wraps the driver's error (`cause`); follow a few links, no more.
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (networkCodes.has(code) || unavailableStates.test(code))) return true;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Seconds a client is asked to wait before trying again. */
export const unavailableRetryAfter = 5;

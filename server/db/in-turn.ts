/**
 * Runs queries one after another and returns their results as a tuple, like
 * `Promise.all` but without overlap. A transaction is one connection: node-postgres
 * queues overlapping queries on it (deprecated, an error from pg 9) and PGlite
 * serialises them anyway, so running them in turn costs nothing and stays valid.
 * Each query is a function so it starts only when the previous one has finished.
 */
export async function inTurn<T extends readonly unknown[]>(
  ...queries: { [K in keyof T]: () => PromiseLike<T[K]> }
): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as unknown as T;
}

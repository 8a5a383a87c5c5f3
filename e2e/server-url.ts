/**
 * Where the browser tests find Navet. Each Playwright worker has a server of its own, with its own fresh demo
 * database, on the base port plus the worker's parallel index (0 … workers − 1): a worker runs one test file
 * at a time, so no two files ever share a server's data at once. Another base port for parallel runs on one
 * machine: NAVET_E2E_PORT=3299; fewer or more workers: NAVET_E2E_WORKERS=1.
 */
export const e2ePort = Number(process.env.NAVET_E2E_PORT ?? 3199);
export const e2eWorkers = Math.max(1, Number(process.env.NAVET_E2E_WORKERS ?? 2));

/**
 * This worker's server. Playwright sets TEST_PARALLEL_INDEX in a worker before it loads the config and the test
 * files; in the runner itself (which starts the servers) it is unset.
 */
export function serverURL(index = Number(process.env.TEST_PARALLEL_INDEX ?? 0)): string {
  return `http://127.0.0.1:${e2ePort + index}`;
}

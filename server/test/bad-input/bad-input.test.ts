import { desc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../common/errors.ts';
import { auditLog } from '../../audit/tables.ts';
import { startTestApp } from '../harness.ts';
import { casesFor, urlOf, type Case, type Where } from './cases.ts';
import { readOperations, type Operation } from './operations.ts';
import { faultsOf } from './oracle.ts';
import type { JsonSchema } from './schema-arbitrary.ts';
import { buildFuzzWorld, changed, fingerprinter, realParams, type Fingerprint } from './world.ts';

/*
 * Every documented operation, sent malformed input by a social worker of the
 * child's hub (so requests pass authentication and reach the input checks).
 * NAVET_FUZZ_RUNS raises the runs per operation (default 15); NAVET_FUZZ_SEED
 * replays another sequence. See README.md in this folder.
 */
const RUNS = Number(process.env.NAVET_FUZZ_RUNS ?? 15);
const SEED = Number(process.env.NAVET_FUZZ_SEED ?? 7);

/** Operations that take no input worth fuzzing, or that would end the session the walk runs on. */
const SKIP = new Map([
  ['POST /api/auth/logout', 'ends the session the walk runs on'],
  ['POST /api/auth/logout-all', 'ends the session the walk runs on'],
  ['GET /api/notifications/stream', 'a live stream that never ends; it takes no input'],
]);

/**
 * Refusals that are themselves written down, by design: failed sign-ins go to
 * the security log, and a 409 that hands back the current record is a read of
 * it, which is audited. Only the audit log may grow for these, and for a failed
 * sign-in the failures the login throttle counts.
 */
const AUDITED_REFUSALS = new Set(['POST /api/auth/login', 'POST /api/auth/totp', 'POST /api/auth/totp/confirm']);
const AUDIT_ONLY = new Set(['audit_log', 'audit_heads', 'audit_seq']);
const SIGN_IN_RECORDS = new Set([...AUDIT_ONLY, 'login_failures']);

/**
 * A 403 or 404 on a child's route (its `{id}` a child's id) is an attempt the log must show: it adds exactly one
 * `access.denied` row naming the actor, the child id and the status, and nothing else.
 */
const CHILD_ROUTE = /^\/api\/(audit\/)?children\/\{id\}(\/|$)/;
const deniedAttempt = (op: Operation, status: number) =>
  (status === 403 || status === 404) && CHILD_ROUTE.test(op.path);

async function expectOnlyDeniedRow(op: Operation, c: Case, status: number, before: Fingerprint, after: Fingerprint) {
  const name = `${op.name} → ${status}: the denied attempt`;
  expect(Number(after.audit_log) - Number(before.audit_log), name).toBe(1);
  const [row] = await t.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.chain, w.people.social_worker.tenantId))
    .orderBy(desc(auditLog.id))
    .limit(1);
  expect(row, name).toMatchObject({
    action: 'access.denied',
    actorUserId: w.people.social_worker.id,
    childId: c.params.id?.toLowerCase(),
    detail: { status, method: op.method },
  });
}

/** A malformed credential is answered 401 before the input is looked at, as documented. */
const CREDENTIAL_FIRST = new Set(['POST /api/child-view/redeem', 'POST /api/child-view/messages']);

/** Changes that narrow what later operations can reach go last. */
const narrowing = (op: Operation) =>
  op.method === 'DELETE' || /\/(close|end|cancel|withdraw|archive|disable|adopt|revise)$/.test(op.path);

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const t = await startTestApp({}, { ownDatabase: true });
const w = await buildFuzzWorld(t);
const fingerprint = await fingerprinter(t);
const operations = (await readOperations(t.app))
  .filter((op) => !SKIP.has(op.name))
  .sort((a, b) => Number(narrowing(a)) - Number(narrowing(b)));
afterAll(async () => t.close());

const at = (where: Where[]) => (path: string) => where.some((x) => path === x || path.startsWith(`${x}.`));

const freeText = (s: JsonSchema | undefined) =>
  s !== undefined && [s, ...(s.anyOf ?? [])].some((x) => x.type === 'string' && !x.enum && !x.pattern && !x.format);

/** Free text that was accepted comes back exactly as sent (zod may trim it). */
function expectVerbatim(op: Operation, c: Case, res: LightMyRequestResponse, name: string) {
  const sent = c.body?.value;
  if (typeof sent !== 'object' || sent === null || Array.isArray(sent)) return;
  if (!res.headers['content-type']?.toString().includes('json')) return;
  const got = res.json<unknown>();
  if (typeof got !== 'object' || got === null || Array.isArray(got)) return;
  for (const [k, v] of Object.entries(sent)) {
    const back = (got as Record<string, unknown>)[k];
    if (typeof v === 'string' && typeof back === 'string' && freeText(op.body?.properties?.[k]))
      expect([v, v.trim()], `${name}: ${k}`).toContain(back);
  }
}

const BODY_LIMIT_BYTES = 1024 * 1024;

let last: Fingerprint | undefined;

async function check(op: Operation, c: Case) {
  // A refused request leaves the fingerprint as it was, so the one taken after it serves the next request.
  const before = last ?? (await fingerprint());
  last = undefined;
  const res = await w.client.request({
    method: op.method,
    url: urlOf(op, c),
    ...(c.body ? { payload: c.body.text, headers: { 'content-type': 'application/json' } } : {}),
  });
  const faults = faultsOf(op, c);
  const name = `${op.name} [${c.kind}, bad: ${faults.join('+') || 'none'}] → ${res.statusCode} ${res.body.slice(0, 400)}`;
  expect(res.statusCode, name).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = ErrorBody.safeParse(res.json());
    expect(body.success, name).toBe(true);
    const after = await fingerprint();
    const wrote = changed(before, after);
    const denied = deniedAttempt(op, res.statusCode);
    const signIn = AUDITED_REFUSALS.has(op.name);
    const audited = denied || signIn || (res.statusCode === 409 && 'current' in res.json<object>());
    const allowed = signIn ? SIGN_IN_RECORDS : AUDIT_ONLY;
    expect(audited ? wrote.filter((k) => !allowed.has(k)) : wrote, `${name}: a refused request wrote`).toEqual([]);
    if (denied) await expectOnlyDeniedRow(op, c, res.statusCode, before, after);
    last = after;
    // A body over the server's 1 MB limit is refused before it is read (413, see limits.test.ts): a string field
    // whose own limit is near that (a BPMN file) makes such a body.
    const overLimit = c.body !== undefined && Buffer.byteLength(c.body.text) > BODY_LIMIT_BYTES;
    if (faults.length > 0 && overLimit) expect(res.statusCode, name).toBe(413);
    else if (faults.length > 0 && !(CREDENTIAL_FIRST.has(op.name) && res.statusCode === 401)) {
      expect(res.statusCode, name).toBe(400);
      if (body.data?.error === 'invalid_json') expect(faults, name).toContain('body');
      else {
        expect(body.data?.error, name).toBe('validation_failed');
        expect(body.data?.issues?.map((i) => i.path).some(at(faults)), name).toBe(true);
      }
    }
  } else {
    expect(faults, `${name}: accepted input the schema refuses`).toEqual([]);
    expectVerbatim(op, c, res, name);
  }
}

describe('malformed input to every operation: a 4xx in the error shape, never a 5xx, nothing written', () => {
  for (const [i, op] of operations.entries()) {
    it(op.name, async () => {
      const params = realParams(w, op);
      await fc.assert(
        fc.asyncProperty(casesFor(op, params), (c) => check(op, c)),
        { numRuns: RUNS, seed: SEED + i, endOnFailure: true },
      );
    });
  }

  it('leaves Object.prototype as it was', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { ErrorBody } from '../../../common/errors.ts';
import type { TestApp } from '../harness.ts';
import { anonymous, type Client } from '../harness.ts';
import { SEES } from './groups.ts';
import { rules, type Ctx, type Rule } from './rules.ts';
import { actors, type Actor, type Entities, type Side, type World } from './world.ts';

/** One documented operation. */
export interface Endpoint {
  key: string;
  method: string;
  path: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export async function documentedRoutes(t: TestApp): Promise<Endpoint[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json → ${res.statusCode}`);
  const doc = res.json<{ paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>> }>();
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    METHODS.filter((m) => ops[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path })),
  );
}

/** Every route of the document that has no rule: a new route fails the matrix until it gets one. */
export const withoutRule = (endpoints: Endpoint[]) => endpoints.filter((e) => !rules[e.key]).map((e) => e.key);

/** The sides a route is tried on: out-of-scope ids exist only where the route takes ids. */
export function sidesOf(e: Endpoint, rule: Rule): Side[] {
  const takesIds = /\{[^}]+\}/.test(e.path) || (rule.scope === 'child' && rule.body !== undefined);
  if (!takesIds || rule.scope === 'public' || rule.scope === 'self') return ['x'];
  return rule.scope === 'tenant' || rule.scope === 'collaboration' ? ['x', 'z'] : ['x', 'y', 'z'];
}

/** 'ok' is any 2xx. */
export type Expected = 'ok' | number;

export function expectedStatus(rule: Rule, actor: Actor, side: Side): Expected {
  const override = rule.expect?.[actor];
  if (override !== undefined) return override;
  const allowed = rule.allow.includes(actor);
  if (rule.roleFirst && !allowed) return 403;
  switch (rule.scope) {
    case 'public':
      return 'ok';
    case 'self':
      return allowed ? 'ok' : (rule.deny ?? 404);
    case 'tenant':
      if (!allowed) return 403;
      return side === 'z' ? 404 : 'ok';
    case 'childCookie':
      return 401;
    case 'collaboration':
      // Scope first: another municipality's collaboration is not found, whatever the role.
      if (side === 'z') return 404;
      return allowed ? 'ok' : 403;
    case 'child': {
      const wide = rule.tenantWide?.includes(actor) ?? false;
      if (side === 'z' || (side === 'y' && !wide)) return 404;
      if (!wide && !SEES.includes(actor)) return 404; // coordinator, tenant admin, the ended member
      return allowed ? 'ok' : 403;
    }
  }
}

/** Actors who may not act go first: their refusals must not change what the allowed ones find. */
export function actorOrder(rule: Rule): Actor[] {
  return [...actors.filter((a) => !rule.allow.includes(a)), ...actors.filter((a) => rule.allow.includes(a))];
}

export function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(v);
  });
}

export function ctxFor(w: World, actor: Actor, side: Side): Ctx {
  const e: Entities = w[side];
  return { w, e, side, actor, me: w.people[actor], owner: e.ownerClient };
}

export async function send(
  w: World,
  e: Endpoint,
  rule: Rule,
  actor: Actor,
  side: Side,
  client?: Client,
): Promise<{ res: LightMyRequestResponse; url: string }> {
  const c = ctxFor(w, actor, side);
  const expected = expectedStatus(rule, actor, side);
  const useFresh = rule.fresh && side === 'x' && expected === 'ok';
  const params = useFresh ? await rule.fresh!(c) : rule.params ? await rule.params(c) : {};
  const query = typeof rule.query === 'function' ? rule.query(c) : rule.query;
  const url = fill(e.path, params) + (query ? `?${query}` : '');
  const who = client ?? (rule.scope === 'public' ? anonymous(w.t.app) : w.clients[actor]);
  const body = rule.body ? await rule.body(c) : e.method === 'GET' || e.method === 'DELETE' ? undefined : {};
  const res = await who.request({
    method: e.method,
    url,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { res, url };
}

/** Ids and names of children outside the actor's scope, and of the things that belong to them. */
export function outOfScopeMarks(w: World, actor: Actor, rule: Rule): string[] {
  const sides: Side[] = ['z'];
  if (!(rule.tenantWide?.includes(actor) ?? false)) sides.push('y');
  if (actor === 'ended') sides.push('x');
  return sides.flatMap((s) => {
    const e = w[s];
    return [
      e.childId,
      e.childName,
      e.memberId,
      e.plan.id,
      e.measureId,
      e.entryId,
      e.meetingId,
      e.agendaItemId,
      e.decisionId,
      e.questionId,
      e.consentId,
      e.withdrawnConsentId,
      e.shareId,
      ...e.beskedEntryIds,
      e.linkId,
    ];
  });
}

/** The marks found in a body; iCalendar's folded lines are unfolded first, so a folded id is still found. */
export function leaks(body: string, marks: string[]): string[] {
  const text = body.replace(/\r\n[ \t]/g, '');
  return marks.filter((m) => text.includes(m));
}

/** Writes under /api/children/{id}: half of phase 1, run in a file (and a world) of their own for time. */
export const onChild = (e: Endpoint): boolean => e.path.startsWith('/api/children/{id}/');

/** The phase a route's cases run in: reads 0, writes 1, unless the rule says otherwise. */
export const phaseOf = (key: string): number => rules[key]?.phase ?? (key.startsWith('GET ') ? 0 : 1);

/**
 * Sends every case of the routes of one phase (in the document's order) and
 * returns what did not match: a wrong status, or a 2xx carrying a child
 * outside the actor's scope.
 */
export async function runPhase(
  w: World,
  endpoints: Endpoint[],
  phase: number,
  only: (e: Endpoint) => boolean = () => true,
): Promise<string[]> {
  const failures: string[] = [];
  for (const e of endpoints.filter((x) => rules[x.key] && phaseOf(x.key) === phase && only(x))) {
    const rule = rules[e.key]!;
    if (rule.skip) continue;
    let succeeded = 0;
    for (const actor of actorOrder(rule)) {
      for (const side of sidesOf(e, rule)) {
        const want = expectedStatus(rule, actor, side);
        const { res, url } = await send(w, e, rule, actor, side);
        const got = res.statusCode;
        const name = `${e.key} as ${actor} on ${side} (${url})`;
        const is2xx = got >= 200 && got < 300;
        if (rule.scope === 'public') {
          if (got >= 500) failures.push(`${name}: ${got} ${res.body.slice(0, 200)}`);
        } else if (want === 'ok') {
          const lateOnce = rule.once && succeeded > 0 && got === 409;
          if (!is2xx && !lateOnce) failures.push(`${name}: want 2xx, got ${got} ${res.body.slice(0, 200)}`);
          if (is2xx) succeeded++;
        } else if (got !== want) {
          failures.push(`${name}: want ${want}, got ${got} ${res.body.slice(0, 200)}`);
        }
        if (got >= 400 && !ErrorBody.safeParse(safeJson(res.body)).success)
          failures.push(`${name}: ${got} not in the error shape: ${res.body.slice(0, 200)}`);
        if (is2xx) {
          const found = leaks(res.body, outOfScopeMarks(w, actor, rule));
          if (found.length > 0) failures.push(`${name}: 2xx carries out-of-scope data ${found.join(', ')}`);
        }
      }
    }
  }
  // Printed as well: the assertion's diff shortens long lists.
  if (failures.length > 0) console.log(failures.join('\n'));
  return failures;
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

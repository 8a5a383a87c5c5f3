import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '../common/roles.ts';

export interface ActorMembership {
  organisationId: string;
  role: Role;
}

/** The authenticated user a request acts for. */
export interface Actor {
  userId: string;
  tenantId: string;
  displayName: string;
  memberships: ActorMembership[];
  sessionId: string;
}

/** What travels with every request: who, from where, under which id. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The current request's context; outside a request (CLI, jobs) a system context. */
export function currentContext(): RequestContext {
  return storage.getStore() ?? { requestId: 'system', ip: null };
}

export function setActor(actor: Actor | undefined): void {
  const store = storage.getStore();
  if (store) store.actor = actor;
}

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return actor.memberships.some((m) => wanted.includes(m.role));
}

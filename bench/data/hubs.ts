import type { InfoCategory } from '../../common/schemas/sharing.ts';
import type { GenMember, GenOrg, GenTenant, GenUser, OrgKind } from './context.ts';
import { principalOf } from './areas/tenancy.ts';

export const DAY = 86_400_000;

/** What the later areas (consents, meetings, plans, events) read about one municipality's hubs. */
export interface HubIndex {
  orgOf: Map<string, GenOrg>;
  userOf: Map<string, GenUser>;
  /** Open places per child. */
  openOf: Map<string, GenMember[]>;
  /** The municipality's social services: principal of every I-SIP. */
  social: GenOrg;
  managers: GenUser[];
}

export function indexHubs(t: GenTenant): HubIndex {
  const openOf = new Map<string, GenMember[]>();
  for (const m of t.members) {
    if (m.endedAt !== null) continue;
    const list = openOf.get(m.childId);
    if (list) list.push(m);
    else openOf.set(m.childId, [m]);
  }
  const orgOf = new Map(t.orgs.map((o) => [o.id, o]));
  return {
    orgOf,
    userOf: new Map(t.users.map((u) => [u.id, u])),
    openOf,
    social: t.orgs.find((o) => o.kind === 'social')!,
    managers: t.users.filter((u) => u.role === 'manager' || u.role === 'coordinator'),
  };
}

/** Whose secrecy an organisation's information falls under, by its kind. */
export const categoryOfKind: Record<OrgKind, InfoCategory> = {
  social: 'social_services',
  guardian: 'social_services',
  foster: 'housing',
  hvb: 'housing',
  school: 'school',
  bup: 'health',
  civil: 'social_services',
};

export const orgRef = (o: GenOrg) => ({ id: o.id, name: o.name, principalType: principalOf[o.kind] as never });
export const personRef = (u: GenUser) => ({ userId: u.id, displayName: u.displayName });
export const isPrincipal = (o: GenOrg) => ['municipality', 'region'].includes(principalOf[o.kind]);

/** A time between `from` and `to` (ms), never after `now`. */
export function between(rng: { next(): number }, from: number, to: number, now: number): Date {
  const hi = Math.min(to, now);
  return new Date(Math.floor(from + rng.next() * Math.max(0, hi - from)));
}

import type { Role } from '../../../common/roles.ts';
import type { Actor } from './world.ts';

// Role groups, as the domain names them.
export const STAFF: readonly Actor[] = [
  'social_worker',
  'god_man',
  'contact_person',
  'school_mentor',
  'school_health',
  'child_psychiatry',
];
export const HUB: readonly Actor[] = [...STAFF, 'volunteer'];
export const CORE: readonly Actor[] = ['social_worker', 'god_man', 'contact_person'];
/** Sees X in full: its staff and the manager of the social services. */
export const FULL: readonly Actor[] = [...STAFF, 'manager'];
/** Sees X at all (narrow for civil society): asked for something else they get 403, not 404. */
export const SEES: readonly Actor[] = [...HUB, 'manager'];
export const ALL: readonly Actor[] = [
  'social_worker',
  'god_man',
  'contact_person',
  'school_mentor',
  'school_health',
  'child_psychiatry',
  'manager',
  'coordinator',
  'tenant_admin',
  'volunteer',
  'ended',
];
export const NOT_VOLUNTEER = ALL.filter((a) => a !== 'volunteer');
export const ADMIN: readonly Actor[] = ['tenant_admin'];
export const roleOf = (a: Actor): Role => (a === 'ended' ? 'social_worker' : a);

import { coreHubRoles, type ChildAbilities, type HubRole } from '../../../common/schemas/children.ts';
import { hasRole, type Actor } from '../../context.ts';
import { errors } from '../../errors.ts';
import type { ChildAccess } from './access.ts';

// Predicates: small facts about the actor and the child that rules compose.
export const seesInFull = (a: ChildAccess): boolean => a.view === 'full';
export const hasHubRole = (a: ChildAccess, ...roles: HubRole[]): boolean =>
  a.mine.some((m) => roles.includes(m.hubRole as HubRole));
export const isCoreMember = (a: ChildAccess): boolean => hasHubRole(a, ...coreHubRoles);
/** In the hub in a role other than civil society (managers look on, they are not members). */
export const isStaffMember = (a: ChildAccess): boolean =>
  seesInFull(a) && a.mine.some((m) => m.hubRole !== 'civil_society');
export const isOpenCase = (a: ChildAccess): boolean => a.child.caseStatus === 'active';

/**
 * Named rules on one child. Scope (may the actor see the child at all) is
 * already settled by the query: these decide what a visible child's viewer may do.
 */
const rules = {
  /** Correct the record, e.g. a new asylum decision: the god man often hears first. */
  edit: (a) => hasHubRole(a, 'social_worker', 'god_man'),
  close: (a) => hasHubRole(a, 'social_worker'),
  /** The case number is for those who deal with Migrationsverket. */
  seeCaseNumber: (a) => hasHubRole(a, 'social_worker', 'god_man'),
  readTimeline: seesInFull,
  /** The social worker leads the hub: adds and ends memberships. */
  manageHub: (a) => hasHubRole(a, 'social_worker'),
  manageTopics: isCoreMember,
  readFirstMeeting: seesInFull,
  recordFirstMeeting: isCoreMember,
  readQuestions: seesInFull,
  raiseQuestion: isStaffMember,
  /** The adults who meet the child in person and can hand over the code. */
  createChildLink: (a) => hasHubRole(a, 'social_worker', 'god_man'),
} satisfies Record<keyof ChildAbilities, (a: ChildAccess) => boolean>;

export type ChildAction = keyof typeof rules;

/** Rules that change the child or its hub: a closed case refuses them. */
const writes: ReadonlySet<ChildAction> = new Set<ChildAction>([
  'edit',
  'close',
  'manageHub',
  'manageTopics',
  'recordFirstMeeting',
  'raiseQuestion',
  'createChildLink',
]);

export const childClosed = () =>
  errors.conflict('child_closed', 'The case is closed: its record can be read but no longer changed.');

export function can(a: ChildAccess, action: ChildAction): boolean {
  return rules[action](a) && (!writes.has(action) || isOpenCase(a));
}

/** Throws 403 when the rule says no, 409 when the rule allows it but the case is closed. */
export function authorize(a: ChildAccess, action: ChildAction): void {
  if (!rules[action](a)) throw errors.forbidden();
  if (writes.has(action) && !isOpenCase(a)) throw childClosed();
}

export function abilitiesFor(a: ChildAccess): ChildAbilities {
  const out = {} as ChildAbilities;
  for (const action of Object.keys(rules) as ChildAction[]) out[action] = can(a, action);
  return out;
}

/** Rules that need no child: the social worker opens a case. */
export function authorizeCreateChild(actor: Actor): void {
  if (!hasRole(actor, 'social_worker')) throw errors.forbidden('Only social workers open a child’s case.');
}

import type { HubRole } from '../../../common/schemas/children.ts';
import type { EventType } from '../../../common/schemas/events.ts';
import { hasRole, type Actor } from '../../context.ts';
import { errors } from '../../errors.ts';
import type { ChildAccess } from '../children/access.ts';
import { childClosed, hasHubRole, isOpenCase, seesInFull } from '../children/policy.ts';

const staff: HubRole[] = [
  'social_worker',
  'god_man',
  'contact_person',
  'school_mentor',
  'school_health',
  'child_psychiatry',
  'interpreter',
  'other_staff',
];
/** News about the asylum case reaches the core three first; any of them may record it. */
const core: HubRole[] = ['social_worker', 'god_man', 'contact_person'];

/** Which hub roles may record each event. Turning 18 is recorded by Navet alone. */
export const recorders: Record<EventType, HubRole[]> = {
  asylum_granted: core,
  asylum_rejected: core,
  asylum_rejected_removal: core,
  appeal_filed: core,
  decision_final: core,
  return_talk_held: core,
  departure_date_set: core,
  wellbeing_changed: staff,
  school_absence: staff,
  absconded: staff,
  found: staff,
  placement_changed: ['social_worker'],
  age_assessment: ['social_worker', 'god_man'],
  turned_18: [],
};

export const canRecordEvent = (a: ChildAccess, type: EventType): boolean =>
  isOpenCase(a) && hasHubRole(a, ...recorders[type]);

/** 403 for a role that may not record this event, 409 on a closed case. */
export function authorizeRecordEvent(a: ChildAccess, type: EventType): void {
  if (!hasHubRole(a, ...recorders[type])) throw errors.forbidden('Your role in the hub does not record this event.');
  if (!isOpenCase(a)) throw childClosed();
}

/** Events, their notes and the dates that follow are case data: the full view only. */
export function authorizeReadEvents(a: ChildAccess): void {
  if (!seesInFull(a)) throw errors.forbidden();
}

/** The routing rules are the tenant admin's to change; those who follow up may read them. */
export function authorizeReadSettings(actor: Actor): void {
  if (!hasRole(actor, 'tenant_admin', 'coordinator', 'manager')) throw errors.forbidden();
}
export function authorizeWriteSettings(actor: Actor): void {
  if (!hasRole(actor, 'tenant_admin')) throw errors.forbidden('Only tenant admins change the routing rules.');
}

/** The follow-up of notices: managers and coordinators. Aggregates only, no child. */
export function authorizeMeasures(actor: Actor): void {
  if (!hasRole(actor, 'manager', 'coordinator')) throw errors.forbidden();
}

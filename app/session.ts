import type { Role } from '../common/roles.ts';
import type { MeResponse } from '../common/schemas/auth.ts';

/** Roles that work in a child's hub and so start from their own children. */
const hubUserRoles: readonly Role[] = [
  'social_worker',
  'god_man',
  'contact_person',
  'school_mentor',
  'school_health',
  'child_psychiatry',
  'volunteer',
];

/** What the start page shows, from the user's roles. A user may hold several. */
export interface StartSections {
  /** In a child's hub: "my children". */
  hub: boolean;
  /** Manager: the children their staff work with, and log review. */
  manager: boolean;
  coordinator: boolean;
  admin: boolean;
}

export function startSections(me: MeResponse): StartSections {
  const roles = new Set(me.memberships.map((m) => m.role));
  return {
    hub: hubUserRoles.some((r) => roles.has(r)),
    manager: roles.has('manager'),
    coordinator: roles.has('coordinator'),
    admin: roles.has('tenant_admin'),
  };
}

/** Where a login page came from, and why it is shown; passed as router location state. */
export interface LoginState {
  from?: string;
  reason?: 'expired' | 'loggedOut' | 'loggedOutEverywhere';
}

export function loginStateOf(state: unknown): LoginState {
  if (typeof state !== 'object' || state === null) return {};
  const s = state as Record<string, unknown>;
  const reasons = ['expired', 'loggedOut', 'loggedOutEverywhere'] as const;
  return {
    from: typeof s.from === 'string' && s.from.startsWith('/') && !s.from.startsWith('//') ? s.from : undefined,
    reason: reasons.find((r) => r === s.reason),
  };
}

import { ADMIN } from './groups.ts';
import type { Rule } from './rules.ts';

/*
 * Roles waiting for a second admin. The world has one admin per municipality and no pending request another admin
 * made, so a decision meets 404 for the admin and 403 (role first) for everyone else; the approval flow itself,
 * with two admins, is tested in server/domain/tenancy/grants.test.ts.
 */
const decision: Rule = {
  scope: 'tenant',
  allow: [],
  params: (c) => ({ id: c.e.childId }),
  expect: { tenant_admin: 404 },
};

export const grantRules: Record<string, Rule> = {
  'GET /api/admin/grants': { scope: 'tenant', allow: ADMIN },
  'POST /api/admin/grants/{id}/approve': decision,
  'POST /api/admin/grants/{id}/reject': decision,
};

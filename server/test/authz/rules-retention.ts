import { pseudonymOf } from '../../domain/retention/select.ts';
import { ADMIN } from './groups.ts';
import type { Rule } from './rules.ts';

/*
 * Retention is the tenant admin's alone; the role is checked before any id is looked up. A child of another
 * municipality is 404 for the admin. The world has no dry run with a child's id, so a run's routes meet 404 for
 * the admin (the flow itself is tested in server/domain/retention/).
 */
const hold: Rule = { scope: 'tenant', allow: ADMIN, roleFirst: true, params: (c) => ({ id: c.e.childId }) };
const noRun: Rule = { scope: 'tenant', allow: [], params: (c) => ({ id: c.e.childId }), expect: { tenant_admin: 404 } };

/* The sampled log review: managers and tenant admins; the world has no review with a child's id, so 404. */
const REVIEWERS = ['manager', 'tenant_admin'] as const;
const noReview: Rule = {
  scope: 'tenant',
  allow: [],
  params: (c) => ({ id: c.e.childId, sampleId: c.e.childId }),
  expect: { manager: 404, tenant_admin: 404 },
};

export const retentionRules: Record<string, Rule> = {
  'GET /api/admin/retention/settings': { scope: 'tenant', allow: ADMIN },
  'PUT /api/admin/retention/settings': {
    scope: 'tenant',
    allow: ADMIN,
    body: () => ({ periods: [{ type: 'events', months: 36 }] }),
  },
  // The list names every held child of the municipality by pseudonym and id, as the hold routes take any of them.
  'GET /api/admin/retention/holds': { scope: 'tenant', allow: ADMIN, tenantWide: ['tenant_admin'] },
  // The case named by the pseudonym the dry run shows: Z's names no case of the admin's municipality (404).
  'POST /api/admin/retention/holds': {
    scope: 'tenant',
    allow: ADMIN,
    roleFirst: true,
    tenantWide: ['tenant_admin'],
    body: (c) => ({ reference: pseudonymOf(c.e.childId), reason: 'Prövning i domstol' }),
  },
  'GET /api/admin/retention/children/{id}/hold': hold,
  'PUT /api/admin/retention/children/{id}/hold': { ...hold, body: () => ({ reason: 'Prövning i domstol' }) },
  'DELETE /api/admin/retention/children/{id}/hold': { ...hold, phase: 2 },
  'GET /api/admin/retention/runs': { scope: 'tenant', allow: ADMIN },
  'POST /api/admin/retention/runs': { scope: 'tenant', allow: ADMIN },
  'GET /api/admin/retention/runs/{id}': noRun,
  'POST /api/admin/retention/runs/{id}/approve': noRun,
  'POST /api/audit/review-schedules': {
    scope: 'tenant',
    allow: REVIEWERS,
    body: () => ({ everyMonths: 1 }),
    // The municipality's log reviewer sees every child of it, as in a user's log (user-scope.ts).
    tenantWide: ['tenant_admin'],
  },
  'GET /api/audit/sampled-reviews': { scope: 'tenant', allow: REVIEWERS },
  'GET /api/audit/sampled-reviews/{id}': noReview,
  'PUT /api/audit/sampled-reviews/{id}/samples/{sampleId}': { ...noReview, body: () => ({ verdict: 'in_order' }) },
  'POST /api/audit/sampled-reviews/{id}/close': noReview,
};

import { ADMIN } from './groups.ts';
import type { Ctx, Rule } from './rules.ts';

/* The tenant admin's view of an account's failed sign-ins, and the unlock. */

const spare = (c: Ctx) => ({ id: c.e.spareUserId });

export const loginRules: Record<string, Rule> = {
  'GET /api/admin/users/{id}/login-failures': { scope: 'tenant', allow: ADMIN, params: spare },
  'POST /api/admin/users/{id}/unlock': { scope: 'tenant', allow: ADMIN, params: spare },
};

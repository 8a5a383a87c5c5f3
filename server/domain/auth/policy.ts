import type { MeResponse } from '../../../common/schemas/auth.ts';
import { auditReviewRoles } from '../../../common/roles.ts';
import { hasRole, type Actor } from '../../context.ts';

/** What the UI may offer; each route checks its own rule again. */
export function abilitiesFor(actor: Actor): MeResponse['abilities'] {
  return {
    readAuditLog: hasRole(actor, ...auditReviewRoles),
    manageUsers: hasRole(actor, 'tenant_admin'),
    createChild: hasRole(actor, 'social_worker'),
  };
}

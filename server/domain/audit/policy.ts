import { auditReviewRoles } from '../../../common/roles.ts';
import { hasRole, type Actor } from '../../context.ts';
import { errors } from '../../errors.ts';

type AuditAction = 'readChildLog' | 'readUserLog' | 'recordReview' | 'listReviews';

/** Managers and tenant admins review logs; nobody else reads them. */
export function authorize(actor: Actor, action: AuditAction): void {
  switch (action) {
    case 'readChildLog':
    case 'readUserLog':
    case 'recordReview':
    case 'listReviews':
      if (!hasRole(actor, ...auditReviewRoles))
        throw errors.forbidden('Only managers and tenant admins read the audit log.');
      return;
  }
}

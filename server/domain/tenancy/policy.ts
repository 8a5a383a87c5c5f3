import { hasRole, type Actor } from '../../context.ts';
import { errors } from '../../errors.ts';

type TenancyAction =
  | 'listOrganisations'
  | 'createOrganisation'
  | 'listUsers'
  | 'createUser'
  | 'changeMemberships'
  | 'disableUser'
  | 'readSettings'
  | 'changeSettings'
  | 'decideGrants';

/**
 * Only tenant admins run the tenant. Every action is named even though the
 * rule is one today, so a finer rule later changes this file only.
 */
export function authorize(actor: Actor, action: TenancyAction): void {
  switch (action) {
    case 'listOrganisations':
    case 'createOrganisation':
    case 'listUsers':
    case 'createUser':
    case 'changeMemberships':
    case 'disableUser':
    case 'readSettings':
    case 'changeSettings':
    case 'decideGrants':
      if (!hasRole(actor, 'tenant_admin')) throw errors.forbidden('Only tenant admins manage the tenant.');
      return;
  }
}

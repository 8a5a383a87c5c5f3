import type { OrganisationList, PeopleList } from '../../../common/schemas/hub.ts';
import { PrincipalType, Role } from '../../../common/roles.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { authorizeDirectory } from './policy.ts';
import * as repo from './repo.ts';

/** Colleagues of the municipality, for adding to a hub or naming a replacement. */
export async function people(deps: Deps, actor: Actor, q: string | undefined, limit: number): Promise<PeopleList> {
  authorizeDirectory(actor);
  const rows = await repo.searchPeople(deps.db, actor.tenantId, q, limit);
  return {
    items: rows.map((u) => ({
      userId: u.id,
      displayName: u.displayName,
      organisations: u.roles.map((r) => ({
        id: r.organisationId,
        name: r.organisationName,
        role: Role.parse(r.role),
        principalType: PrincipalType.parse(r.principalType),
      })),
    })),
  };
}

/** The municipality's organisations, for choosing a placement. */
export async function organisationsOf(deps: Deps, actor: Actor): Promise<OrganisationList> {
  authorizeDirectory(actor);
  return { items: await repo.tenantOrganisations(deps.db, actor.tenantId) };
}

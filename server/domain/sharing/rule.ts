/**
 * THE sharing rule, in two forms that must agree (a test holds them to it):
 * a SQL predicate for repos that filter rows, and a JS check for data already
 * in memory (the frozen versions of a plan). Both are keyed on the child, the
 * owning organisation, the category, the purpose and the actor's organisations.
 *
 * A user sees a piece of child information when one of their organisations
 *   1. owns it; or
 *   2. is named, together with the owner, in a consent of the child that is valid
 *      today (from ≤ today ≤ to, not withdrawn) and covers the category and purpose; or
 *   3. receives it through a legal-basis share from the owner that covers the
 *      category and purpose and has not ended.
 * Nothing else: there is no default sharing, not even between school and social services.
 */
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { SharingPurpose } from '../../../common/schemas/sharing.ts';
import type { Actor } from '../../context.ts';
import { consentOrganisations, consents } from '../consent/tables.ts';
import { legalShares } from './tables.ts';

// The statements that load grants and count withheld rows live in the repository; events, hub and plans import
// them from here still, so this file passes them on until those imports move.
export { loadGrants, loadGrantsOf, withheldRows } from './repo.ts';

/** The actor's organisations: every organisation they hold a role in. */
export function organisationsOf(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.organisationId))];
}

/** Columns (or expressions) of the guarded row that the rule reads. */
export interface GuardedColumns {
  childId: AnyColumn | SQL;
  owner: AnyColumn | SQL;
  category: AnyColumn | SQL;
}

function uuidArray(ids: string[]): SQL {
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;
}

/** The SQL form: true for rows the actor may see for `purpose` on `today` (a Swedish calendar day). */
export function sharedWith(
  actor: Actor,
  cols: GuardedColumns,
  purpose: SharingPurpose,
  today: string = todayInSweden(),
): SQL {
  const orgs = organisationsOf(actor);
  if (orgs.length === 0) return sql`false`;
  const mine = uuidArray(orgs);
  const consent = sql`exists (select 1 from ${consents} where ${and(
    eq(consents.childId, cols.childId),
    sql`${consents.withdrawnAt} is null`,
    sql`${consents.validFrom} <= ${today}::date`,
    sql`${consents.validTo} >= ${today}::date`,
    sql`${cols.category} = any(${consents.categories})`,
    sql`${purpose} = any(${consents.purposes})`,
    sql`exists (select 1 from ${consentOrganisations} co where co.consent_id = ${consents.id} and co.organisation_id = any(${mine}))`,
    sql`exists (select 1 from ${consentOrganisations} co where co.consent_id = ${consents.id} and co.organisation_id = ${cols.owner})`,
  )})`;
  const share = sql`exists (select 1 from ${legalShares} where ${and(
    eq(legalShares.childId, cols.childId),
    eq(legalShares.fromOrganisationId, cols.owner),
    sql`${legalShares.toOrganisationId} = any(${mine})`,
    sql`${cols.category} = any(${legalShares.categories})`,
    eq(legalShares.purpose, purpose),
    sql`${legalShares.endedAt} is null`,
    sql`(${legalShares.validTo} is null or ${legalShares.validTo} >= ${today}::date)`,
  )})`;
  return sql`(${cols.owner} = any(${mine}) or ${consent} or ${share})`;
}

// ---- the JS form ---------------------------------------------------------------------

export interface ConsentGrant {
  id: string;
  organisationIds: ReadonlySet<string>;
  categories: readonly string[];
  purposes: readonly string[];
  validFrom: string;
  validTo: string;
  withdrawn: boolean;
}

export interface ShareGrant {
  id: string;
  from: string;
  to: string;
  categories: readonly string[];
  purpose: string;
  validTo: string | null;
  ended: boolean;
}

/** What the rule needs about one child and one actor, loaded once per request. */
export interface Grants {
  childId: string;
  actorOrganisationIds: ReadonlySet<string>;
  today: string;
  consents: ConsentGrant[];
  shares: ShareGrant[];
}

export interface Guarded {
  owner: string;
  /** An InfoCategory; typed as text because rows store it so. */
  category: string;
}

/** Why something is visible: the audit records the ground of every share. */
export type Decision =
  | { visible: true; ground: 'own' }
  | { visible: true; ground: 'consent' | 'legal_basis'; ref: string; to: string }
  | { visible: false };

/** The JS form of the same rule. */
export function decide(g: Grants, item: Guarded, purpose: SharingPurpose): Decision {
  if (g.actorOrganisationIds.has(item.owner)) return { visible: true, ground: 'own' };
  for (const c of g.consents) {
    if (c.withdrawn || c.validFrom > g.today || c.validTo < g.today) continue;
    if (!c.categories.includes(item.category) || !c.purposes.includes(purpose)) continue;
    if (!c.organisationIds.has(item.owner)) continue;
    const to = [...g.actorOrganisationIds].find((o) => c.organisationIds.has(o));
    if (to) return { visible: true, ground: 'consent', ref: c.id, to };
  }
  for (const s of g.shares) {
    if (s.ended || (s.validTo !== null && s.validTo < g.today)) continue;
    if (s.from !== item.owner || s.purpose !== purpose || !s.categories.includes(item.category)) continue;
    if (g.actorOrganisationIds.has(s.to)) return { visible: true, ground: 'legal_basis', ref: s.id, to: s.to };
  }
  return { visible: false };
}

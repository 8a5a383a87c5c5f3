import { sql } from 'drizzle-orm';
import { children, hubMembers } from '../../children/tables.ts';
import { consentOrganisations, consents } from '../../consent/tables.ts';
import { before, notBefore, openCaseAtEnd, snapshotPeriods } from './snapshot.ts';
import type { IndicatorDefinition } from './types.ts';

/**
 * Children with an open case at the end of each period whose hub then spanned
 * two or more organisations (its staff, civil society aside), and whether every
 * two of those organisations were named together in a consent of the child's
 * that was valid then for the purpose `hub`: the sharing rule's ground 2
 * (`sharing/rule.ts`) read at the period's last day instead of today, and only
 * for consents already recorded and not yet withdrawn at the period's end.
 * Higher is better.
 */
export const consentCoversHub: IndicatorDefinition = {
  id: 'consent_covers_hub',
  unit: 'share',
  shape: 'snapshot',
  higherIsBetter: true,
  facts: (ctx) => sql`
    with p as (${snapshotPeriods(ctx)}),
    hubs as (
      select p.starts, p.ends, p.last_day, ${children.id} as child_id,
        array(select distinct hm.organisation_id from ${hubMembers} hm
          where hm.child_id = ${children.id} and hm.hub_role <> 'civil_society'
            and hm.starts_on <= p.last_day and ${notBefore(sql`hm.ended_at`)}) as orgs
      from p
      join ${children} on ${openCaseAtEnd(ctx)}
    )
    select ${ctx.periodOf(sql`p.starts`)} as period, p.child_id,
      not exists (
        select 1 from unnest(p.orgs) a(org), unnest(p.orgs) b(org)
        where a.org < b.org and not exists (
          select 1 from ${consents} c
          where c.child_id = p.child_id and 'hub' = any(c.purposes)
            and c.valid_from <= p.last_day and c.valid_to >= p.last_day
            and ${before(sql`c.recorded_at`)} and ${notBefore(sql`c.withdrawn_at`)}
            and exists (select 1 from ${consentOrganisations} co where co.consent_id = c.id and co.organisation_id = a.org)
            and exists (select 1 from ${consentOrganisations} co where co.consent_id = c.id and co.organisation_id = b.org)
        )
      ) as hit,
      null::numeric as hours
    -- Named p, as the periods are, for the helpers that read p.ends.
    from hubs p
    where cardinality(p.orgs) >= 2`,
};

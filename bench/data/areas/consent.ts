import { consentOrganisations, consents } from '../../../server/domain/consent/tables.ts';
import type { Area } from '../context.ts';
import { DAY, indexHubs } from '../hubs.ts';
import { isoDate } from './children.ts';

const hubCategories = ['school', 'social_services', 'asylum_case', 'housing'] as const;

/**
 * The children's consents to sharing in their hubs (purpose "hub"): about
 * three in four children, given at the first meetings, for a year; some have
 * expired and been renewed, a few withdrawn. Consents for plans come with the
 * plans (plans.ts).
 */
export const area: Area = {
  name: 'consents',
  order: 55,
  estimate: (plan) => plan.children * 8,
  async generate(ctx) {
    const { rng, plan } = ctx;
    const now = plan.now.getTime();
    for (const t of ctx.tenants) {
      const hubs = indexHubs(t);
      const rows: (typeof consents.$inferInsert)[] = [];
      const orgRows: (typeof consentOrganisations.$inferInsert)[] = [];
      for (const c of t.children) {
        const members = hubs.openOf.get(c.id) ?? [];
        const sw = members.find((m) => m.hubRole === 'social_worker');
        if (!sw || !rng.chance(0.75)) continue;
        let from = new Date(`${c.arrivalDate}T12:00:00Z`).getTime() + rng.int(5, 40) * DAY;
        // A consent runs a year; an expired one is usually renewed.
        for (let round = 0; from < now && round < 3; round++) {
          const withdrawn = rng.chance(0.03);
          const oral = rng.chance(0.3);
          const categories = hubCategories.filter(() => rng.chance(0.85));
          if (rng.chance(0.3)) categories.push('health' as never);
          const id = rng.uuid();
          const withdrawnAt = withdrawn ? new Date(Math.min(now - DAY, from + rng.int(10, 200) * DAY)) : null;
          rows.push({
            id,
            tenantId: t.id,
            childId: c.id,
            givenBy: rng.weighted([['both', 50], ['child', 30], ['god_man', 20]] as const),
            categories: categories.length > 0 ? categories : ['school'],
            purposes: ['hub'],
            validFrom: isoDate(new Date(from)),
            validTo: isoDate(new Date(from + 365 * DAY)),
            form: oral ? 'oral' : 'written',
            receivedBy: oral ? sw.userId : null,
            documentReference: oral ? null : `Samtycke vid nätverksmöte ${isoDate(new Date(from))}`,
            note: null,
            recordedBy: sw.userId,
            recordedAt: new Date(Math.min(now, from)),
            withdrawnOn: withdrawnAt ? isoDate(withdrawnAt) : null,
            withdrawnAt,
            withdrawnBy: withdrawnAt ? sw.userId : null,
            withdrawalNote: withdrawnAt ? 'Barnet vill inte längre att skolan får veta.' : null,
          });
          const orgs = new Set(members.filter((m) => m.hubRole !== 'civil_society' || rng.chance(0.3)).map((m) => m.orgId));
          for (const organisationId of orgs) orgRows.push({ consentId: id, organisationId });
          if (withdrawn || !rng.chance(0.7)) break;
          from += 365 * DAY;
        }
      }
      await ctx.insert(consents, rows);
      await ctx.insert(consentOrganisations, orgRows);
      ctx.progress(rows.length + orgRows.length);
    }
  },
  audit: [
    { action: 'consent.listed', entity: 'child', weight: 3, kind: 'child' },
    { action: 'consent.recorded', entity: 'consent', weight: 0.3, kind: 'child' },
    { action: 'consent.withdrawn', entity: 'consent', weight: 0.02, kind: 'child' },
  ],
};

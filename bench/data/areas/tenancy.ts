import { organisations, tenants } from '../../../server/domain/tenancy/tables.ts';
import type { Area, GenOrg, OrgKind } from '../context.ts';
import { skewedSplit } from '../random.ts';

export const principalOf: Record<OrgKind, string> = {
  social: 'municipality',
  guardian: 'municipality',
  foster: 'municipality',
  school: 'municipality',
  hvb: 'private_provider',
  bup: 'region',
  civil: 'civil_society',
};

const hvbNames = 'Solgården Björkhagen Tallbacken Ekudden Lärkan Strandvillan Fyren Bryggan Hagen Linden'.split(' ');
const schoolNames = 'Centralskolan Norrskolan Hedbergska Älvskolan Västra skolan Kunskapsgymnasiet'.split(' ');
const civilNames = ['Röda Korset', 'Rädda Barnen', 'Svenska kyrkan', 'Läxhjälpen'];

/** HVBs and schools grow with the number of children; the rest is one of each. */
export function organisationsFor(childCount: number): { kind: OrgKind; name: (m: string) => string }[] {
  const hvbs = Math.max(1, Math.ceil((childCount * 0.8) / 40));
  const schools = Math.max(1, Math.ceil(childCount / 120));
  const civil = childCount > 100 ? 2 : 1;
  const many = (kind: OrgKind, n: number, names: string[], label: (x: string, m: string, i: number) => string) =>
    Array.from({ length: n }, (_, i) => ({ kind, name: (m: string) => label(names[i % names.length]!, m, i) }));
  return [
    { kind: 'social', name: (m) => `${m}, socialtjänsten` },
    { kind: 'guardian', name: (m) => `Överförmyndaren i ${m}` },
    { kind: 'foster', name: (m) => `${m}, familjehemsenheten` },
    { kind: 'bup', name: (m) => `Region ${m.replace('Kommun ', 'R')}, BUP` },
    ...many('hvb', hvbs, hvbNames, (x, m, i) => `HVB ${x}${i >= hvbNames.length ? ` ${i + 1}` : ''} (${m})`),
    ...many('school', schools, schoolNames, (x, m, i) => `${x}${i >= schoolNames.length ? ` ${i + 1}` : ''} (${m})`),
    ...many('civil', civil, civilNames, (x, m) => `${x} ${m}`),
  ];
}

/** Municipalities ("Kommun 001" …) and each one's organisations: social services, överförmyndare, HVB, school, BUP, civil society. */
export const area: Area = {
  name: 'municipalities and organisations',
  order: 10,
  estimate: (plan) => plan.tenants * (8 + Math.ceil(plan.children / plan.tenants / 40)),
  async generate(ctx) {
    const counts = skewedSplit(ctx.rng, ctx.plan.children, ctx.plan.tenants);
    const tenantRows: (typeof tenants.$inferInsert)[] = [];
    const orgRows: (typeof organisations.$inferInsert)[] = [];
    const created = new Date(ctx.plan.now.getTime() - 3 * 365 * 86_400_000);
    counts.forEach((childCount, i) => {
      const index = i + 1;
      const name = `Kommun ${String(index).padStart(3, '0')}`;
      const id = ctx.rng.uuid();
      const orgs: GenOrg[] = organisationsFor(childCount).map((o) => ({
        id: ctx.rng.uuid(),
        kind: o.kind,
        name: o.name(name),
      }));
      // TOTP off: the load benchmark logs in with a password only.
      tenantRows.push({ id, name, requireTotp: false, isDemo: false, createdAt: created });
      for (const o of orgs)
        orgRows.push({ id: o.id, tenantId: id, name: o.name, principalType: principalOf[o.kind], createdAt: created });
      ctx.tenants.push({
        id,
        index,
        name,
        domain: `kommun-${String(index).padStart(3, '0')}.bench.navet.se`,
        childCount,
        orgs,
        users: [],
        children: [],
        members: [],
      });
    });
    await ctx.insert(tenants, tenantRows);
    await ctx.insert(organisations, orgRows);
    ctx.progress(tenantRows.length + orgRows.length);
  },
};

import type { Role } from '../../../common/roles.ts';
import { memberships, users } from '../../../server/domain/tenancy/tables.ts';
import type { Area, GenTenant, GenUser, OrgKind } from '../context.ts';
import { emailPart, familyNames, firstNames, type Origin } from '../names.ts';
import type { Rng } from '../random.ts';

/**
 * How many people of each role a municipality has for its children. Caseloads
 * are plausible ones: a social worker holds about 25 children, a god man 2–3,
 * an HVB employee works with about 7; at 50,000 children that makes about 60,000
 * users and, in the children area, about 8 hub places per child.
 */
export function staffing(t: GenTenant): { kind: OrgKind; role: Role; count: number }[] {
  const c = t.childCount;
  const per = (kind: OrgKind) => t.orgs.filter((o) => o.kind === kind).length;
  const hvbs = per('hvb');
  const schools = per('school');
  const civil = per('civil');
  return [
    { kind: 'social', role: 'social_worker', count: Math.ceil(c / 25) },
    { kind: 'social', role: 'manager', count: 1 },
    { kind: 'social', role: 'coordinator', count: 1 },
    { kind: 'social', role: 'tenant_admin', count: 1 },
    { kind: 'guardian', role: 'god_man', count: Math.ceil((0.95 * c) / 2.5) },
    { kind: 'foster', role: 'contact_person', count: Math.ceil((0.2 * c) / 1.5) },
    { kind: 'hvb', role: 'contact_person', count: hvbs * Math.ceil((((0.8 * c) / hvbs) * 2.8) / 7) },
    { kind: 'hvb', role: 'manager', count: hvbs },
    { kind: 'school', role: 'school_mentor', count: schools * Math.ceil((0.85 * c) / 15 / schools) },
    { kind: 'school', role: 'school_health', count: schools * Math.ceil((0.6 * c) / 40 / schools) },
    { kind: 'school', role: 'manager', count: schools },
    { kind: 'bup', role: 'child_psychiatry', count: Math.ceil((0.3 * c) / 20) },
    { kind: 'civil', role: 'volunteer', count: civil * Math.ceil((0.3 * c) / 1.2 / civil) },
  ];
}

function originOf(rng: Rng, role: Role): Origin {
  const swedish = role === 'volunteer' ? 0.6 : 0.8;
  return rng.weighted<Origin>([
    ['swedish', swedish],
    ['afghan', (1 - swedish) * 0.4],
    ['somali', (1 - swedish) * 0.35],
    ['eritrean', (1 - swedish) * 0.25],
  ]);
}

/** Users and their organisation roles. Every user shares one password (see BENCH_PASSWORD). */
export const area: Area = {
  name: 'users and memberships',
  order: 20,
  estimate: (plan) => Math.round(plan.children * 1.2 * 2),
  async generate(ctx) {
    const created = new Date(ctx.plan.now.getTime() - 2 * 365 * 86_400_000);
    // Numbers the addresses: two people of the same name stay two users.
    let serial = 0;
    for (const t of ctx.tenants) {
      const userRows: (typeof users.$inferInsert)[] = [];
      const membershipRows: (typeof memberships.$inferInsert)[] = [];
      for (const { kind, role, count } of staffing(t)) {
        const orgs = t.orgs.filter((o) => o.kind === kind);
        for (let i = 0; i < count; i++) {
          const org = orgs[i % orgs.length]!;
          const origin = originOf(ctx.rng, role);
          const first = ctx.rng.pick(firstNames[origin]);
          const last = ctx.rng.pick(familyNames[origin]);
          serial++;
          const email =
            role === 'tenant_admin'
              ? `admin@${t.domain}`
              : `${emailPart(first)}.${emailPart(last)}.${serial}@${t.domain}`;
          const user: GenUser = { id: ctx.rng.uuid(), email, displayName: `${first} ${last}`, role, orgId: org.id };
          t.users.push(user);
          userRows.push({
            id: user.id,
            tenantId: t.id,
            email,
            displayName: user.displayName,
            passwordHash: ctx.passwordHash,
            locale: ctx.rng.chance(0.9) ? 'sv' : 'en',
            createdAt: created,
          });
          membershipRows.push({
            id: ctx.rng.uuid(),
            tenantId: t.id,
            userId: user.id,
            organisationId: org.id,
            role,
            createdAt: created,
          });
        }
      }
      await ctx.insert(users, userRows);
      await ctx.insert(memberships, membershipRows);
      ctx.progress(userRows.length + membershipRows.length);
    }
  },
  audit: [
    { action: 'auth.login', entity: 'session', weight: 8, kind: 'session', detail: () => ({ stage: 'done' }) },
    { action: 'auth.logout', entity: 'session', weight: 3, kind: 'session' },
  ],
};

import { count } from 'drizzle-orm';
import type { Role } from '../../common/roles.ts';
import type { HubRole } from '../../common/schemas/children.ts';
import { audit } from '../audit/write.ts';
import type { Db } from '../db/connect.ts';
import { hashPassword } from '../domain/auth/passwords.ts';
import { children, hubMembers } from '../domain/children/tables.ts';
import { memberships, organisations, tenants, users } from '../domain/tenancy/tables.ts';

/** Shared by every demo login; printed on start and in the README. Fictional data only. */
export const DEMO_PASSWORD = 'navet-demo-2026';

export const demoUsers: { email: string; name: string; role: Role; org: string }[] = [
  { email: 'socialsekreterare@demo.navet.se', name: 'Sara Lind', role: 'social_worker', org: 'social' },
  { email: 'godman@demo.navet.se', name: 'Göran Ek', role: 'god_man', org: 'guardian' },
  { email: 'kontaktperson@demo.navet.se', name: 'Karin Berg', role: 'contact_person', org: 'hvb' },
  { email: 'mentor@demo.navet.se', name: 'Mats Holm', role: 'school_mentor', org: 'school' },
  { email: 'elevhalsa@demo.navet.se', name: 'Elin Strand', role: 'school_health', org: 'school' },
  { email: 'bup@demo.navet.se', name: 'Bo Persson', role: 'child_psychiatry', org: 'bup' },
  { email: 'chef@demo.navet.se', name: 'Cecilia Norén', role: 'manager', org: 'social' },
  { email: 'samordnare@demo.navet.se', name: 'Samir Haddad', role: 'coordinator', org: 'social' },
  { email: 'admin@demo.navet.se', name: 'Anna Admin', role: 'tenant_admin', org: 'social' },
  { email: 'volontar@demo.navet.se', name: 'Vera Ström', role: 'volunteer', org: 'civil' },
];

const demoOrgs = {
  social: { name: 'Strömsunds kommun, socialtjänsten', principalType: 'municipality' },
  guardian: { name: 'Överförmyndaren i Strömsund', principalType: 'municipality' },
  hvb: { name: 'HVB Solgården', principalType: 'private_provider' },
  school: { name: 'Hedbergska skolan', principalType: 'municipality' },
  bup: { name: 'Region Jämtland Härjedalen, BUP', principalType: 'region' },
  civil: { name: 'Röda Korset Strömsund', principalType: 'civil_society' },
} as const;

const demoChildren: { name: string; dob: string; languages: string[]; asylum: string; hub: [string, HubRole][] }[] = [
  {
    name: 'Amir',
    dob: '2009-03-14',
    languages: ['prs', 'sv'],
    asylum: 'rejected',
    hub: [
      ['social_worker', 'social_worker'],
      ['god_man', 'god_man'],
      ['contact_person', 'contact_person'],
      ['school_mentor', 'school_mentor'],
    ],
  },
  {
    name: 'Hodan',
    dob: '2010-07-02',
    languages: ['so'],
    asylum: 'in_process',
    hub: [
      ['social_worker', 'social_worker'],
      ['god_man', 'god_man'],
      ['contact_person', 'contact_person'],
      ['school_health', 'school_health'],
    ],
  },
  {
    name: 'Yonas',
    dob: '2008-12-20',
    languages: ['ti', 'en'],
    asylum: 'appealed',
    hub: [
      ['social_worker', 'social_worker'],
      ['contact_person', 'contact_person'],
      ['child_psychiatry', 'child_psychiatry'],
    ],
  },
  {
    name: 'Layla',
    dob: '2011-01-30',
    languages: ['ar'],
    asylum: 'granted',
    hub: [
      ['social_worker', 'social_worker'],
      ['god_man', 'god_man'],
      ['contact_person', 'contact_person'],
      ['volunteer', 'civil_society'],
    ],
  },
  {
    name: 'Khalid',
    dob: '2009-09-09',
    languages: ['ps'],
    asylum: 'in_process',
    hub: [
      ['god_man', 'god_man'],
      ['contact_person', 'contact_person'],
    ],
  },
];

export async function hasAnyTenant(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(tenants);
  return (row?.n ?? 0) > 0;
}

/** Seeds "Strömsund (demo)": one user per role, fictional children and their hubs. */
export async function seedDemo(db: Db): Promise<{ tenantId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ name: 'Strömsund (demo)', requireTotp: false, isDemo: true })
      .returning();
    if (!tenant) throw new Error('tenant insert failed');
    const orgIds: Record<string, string> = {};
    for (const [key, org] of Object.entries(demoOrgs)) {
      const [row] = await tx
        .insert(organisations)
        .values({ tenantId: tenant.id, ...org })
        .returning();
      if (row) orgIds[key] = row.id;
    }
    const byRole: Record<string, { userId: string; orgId: string }> = {};
    for (const u of demoUsers) {
      const orgId = orgIds[u.org]!;
      const [row] = await tx
        .insert(users)
        .values({ tenantId: tenant.id, email: u.email, displayName: u.name, passwordHash })
        .returning();
      if (!row) throw new Error('user insert failed');
      await tx.insert(memberships).values({ tenantId: tenant.id, userId: row.id, organisationId: orgId, role: u.role });
      byRole[u.role] = { userId: row.id, orgId };
    }
    for (const c of demoChildren) {
      const [child] = await tx
        .insert(children)
        .values({
          tenantId: tenant.id,
          displayName: c.name,
          dateOfBirth: c.dob,
          languages: c.languages,
          interpreterLanguage: c.languages[0] ?? null,
          arrivalDate: '2024-09-01',
          asylumStatus: c.asylum,
          placementOrganisationId: orgIds.hvb,
          placementKind: 'hvb',
        })
        .returning();
      if (!child) throw new Error('child insert failed');
      for (const [role, hubRole] of c.hub) {
        const who = byRole[role]!;
        await tx.insert(hubMembers).values({
          tenantId: tenant.id,
          childId: child.id,
          userId: who.userId,
          organisationId: who.orgId,
          hubRole,
          startsOn: '2024-09-01',
        });
      }
    }
    await audit(tx, {
      action: 'demo.seeded',
      entity: 'tenant',
      entityId: tenant.id,
      tenantId: tenant.id,
      actorUserId: null,
      organisationId: null,
    });
    return { tenantId: tenant.id };
  });
}

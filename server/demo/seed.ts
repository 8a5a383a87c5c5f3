import { count } from 'drizzle-orm';
import { todayInSweden, type HubRole } from '../../common/schemas/children.ts';
import { checklistItems, type Channel } from '../../common/schemas/hub.ts';
import { categoryOfTopic } from '../../common/schemas/sharing.ts';
import { audit } from '../audit/write.ts';
import type { Db } from '../db/connect.ts';
import { seedDemoCollaboration } from './collaboration.ts';
import { seedDemoProcessMap } from './processmaps.ts';
import { seedCompetence } from './competence.ts';
import { seedLevels } from './levels.ts';
import { seedRetentionCase } from './retention.ts';
import { DEMO_PASSWORD, demoUsers } from './users.ts';
import { hashPassword } from '../domain/auth/passwords.ts';
import { consentOrganisations, consents } from '../domain/consent/tables.ts';
import { addDays } from '../domain/children/dates.ts';
import { children, hubMembers } from '../domain/children/tables.ts';
import {
  checklistOutcomes,
  firstMeetings,
  hubQuestions,
  tenantTopics,
  topicAssignments,
} from '../domain/hub/tables.ts';
import { memberships, organisations, tenants, users } from '../domain/tenancy/tables.ts';

export { DEMO_PASSWORD, demoUsers } from './users.ts';

export const demoOrgs = {
  social: { name: 'Strömsunds kommun, socialtjänsten', principalType: 'municipality' },
  guardian: { name: 'Överförmyndaren i Strömsund', principalType: 'municipality' },
  hvb: { name: 'HVB Solgården', principalType: 'private_provider' },
  school: { name: 'Hedbergska skolan', principalType: 'municipality' },
  bup: { name: 'Region Jämtland Härjedalen, BUP', principalType: 'region' },
  civil: { name: 'Röda Korset Strömsund', principalType: 'civil_society' },
} as const;

export const demoChildren: {
  name: string;
  dob: string;
  languages: string[];
  asylum: string;
  caseNumber: string;
  hub: [string, HubRole][];
}[] = [
  {
    name: 'Amir',
    caseNumber: '10234567',
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
    caseNumber: '10345678',
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
    caseNumber: '10456789',
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
    caseNumber: '10567890',
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
    caseNumber: '10678901',
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
    // One statement per table, not per row: a first start seeds in a fraction of the time. Returned
    // rows are matched by a unique value, not by position.
    const orgKeys = Object.keys(demoOrgs) as (keyof typeof demoOrgs)[];
    const orgRows = await tx
      .insert(organisations)
      .values(orgKeys.map((key) => ({ tenantId: tenant.id, ...demoOrgs[key] })))
      .returning({ id: organisations.id, name: organisations.name });
    const orgIds: Record<string, string> = Object.fromEntries(
      orgKeys.map((key) => [key, orgRows.find((r) => r.name === demoOrgs[key].name)!.id]),
    );
    const byRole: Record<string, { userId: string; orgId: string }> = {};
    const childIds: Record<string, DemoChild> = {};
    const userRows = await tx
      .insert(users)
      .values(demoUsers.map((u) => ({ tenantId: tenant.id, email: u.email, displayName: u.name, passwordHash })))
      .returning({ id: users.id, email: users.email });
    for (const u of demoUsers) {
      byRole[u.role] ??= { userId: userRows.find((r) => r.email === u.email)!.id, orgId: orgIds[u.org]! };
    }
    await tx.insert(memberships).values(
      // Each user their own membership (two demo users share the tenant admin role).
      demoUsers.map((u) => ({
        tenantId: tenant.id,
        userId: userRows.find((r) => r.email === u.email)!.id,
        organisationId: orgIds[u.org]!,
        role: u.role,
      })),
    );
    for (const c of demoChildren) {
      const [child] = await tx
        .insert(children)
        .values({
          tenantId: tenant.id,
          displayName: c.name,
          dateOfBirth: c.dob,
          languages: c.languages,
          interpreterNeeded: true,
          interpreterLanguage: c.languages[0] ?? null,
          caseNumber: c.caseNumber,
          arrivalDate: '2024-09-01',
          asylumStatus: c.asylum,
          placementOrganisationId: orgIds.hvb,
          placementKind: 'hvb',
        })
        .returning();
      if (!child) throw new Error('child insert failed');
      const memberRows = await tx
        .insert(hubMembers)
        .values(
          c.hub.map(([role, hubRole]) => {
            const agreement = demoAgreements[role];
            return {
              tenantId: tenant.id,
              childId: child.id,
              userId: byRole[role]!.userId,
              organisationId: byRole[role]!.orgId,
              hubRole,
              startsOn: '2024-09-01',
              // Every row of one INSERT names the same columns: no agreement is null, as the column's default.
              availability: agreement?.availability ?? null,
              preferredChannel: agreement?.preferredChannel ?? null,
              contactDetail: agreement?.contactDetail ?? null,
              agreementUpdatedAt: agreement ? new Date() : null,
            };
          }),
        )
        .returning({ id: hubMembers.id, userId: hubMembers.userId });
      const members: Record<string, string> = Object.fromEntries(
        c.hub.map(([role]) => [role, memberRows.find((r) => r.userId === byRole[role]!.userId)!.id]),
      );
      childIds[c.name] = { id: child.id, members };
      await seedHubConsent(
        tx,
        tenant.id,
        child.id,
        c.hub.filter(([, hubRole]) => hubRole !== 'civil_society').map(([role]) => byRole[role]!.orgId),
        byRole.social_worker!.userId,
      );
    }
    await seedHubWork(tx, tenant.id, childIds, byRole);
    const collab = await seedDemoCollaboration(tx, { tenantId: tenant.id, orgIds, byRole, passwordHash });
    await seedDemoProcessMap(tx, collab.collaborationId, byRole.coordinator!.userId);
    await seedLevels(tx, tenant.id, todayInSweden(), byRole);
    await seedCompetence(tx, { ...collab, tenantId: tenant.id, byRole, today: todayInSweden() });
    await seedRetentionCase(tx, tenant.id);
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

/** How the demo adults prefer to be reached (the first meeting's agreement). */
const demoAgreements: Record<string, { availability: string; preferredChannel: Channel; contactDetail: string }> = {
  social_worker: { availability: 'Vardagar 8–16', preferredChannel: 'phone', contactDetail: '0670-100 00' },
  god_man: { availability: 'Kvällar efter 17', preferredChannel: 'sms', contactDetail: '070-555 12 34' },
  contact_person: { availability: 'På Solgården dagtid', preferredChannel: 'meeting', contactDetail: 'HVB Solgården' },
  school_mentor: {
    availability: 'Skoldagar 8–15',
    preferredChannel: 'email',
    contactDetail: 'mats.holm@demo.navet.se',
  },
};

/**
 * Each demo child has consented, with the god man, to the hub's staff sharing
 * what the hub works with (health excepted) for the hub's work, so the demo
 * users see each other's besked, questions and event notes as they expect.
 */
async function seedHubConsent(tx: Db, tenantId: string, childId: string, orgIds: string[], recordedBy: string) {
  const [consent] = await tx
    .insert(consents)
    .values({
      tenantId,
      childId,
      givenBy: 'both',
      categories: ['school', 'social_services', 'asylum_case', 'housing'],
      purposes: ['hub'],
      validFrom: '2024-09-01',
      validTo: addDays(todayInSweden(), 365),
      form: 'written',
      documentReference: 'Demo: samtycke vid första nätverksmötet',
      recordedBy,
    })
    .returning();
  await tx
    .insert(consentOrganisations)
    .values([...new Set(orgIds)].map((organisationId) => ({ consentId: consent!.id, organisationId })));
}

interface DemoChild {
  id: string;
  /** Hub member id by demo user role. */
  members: Record<string, string>;
}

/**
 * The hub's work in the demo, dated relative to today: a topic matrix, first
 * meetings in different states, and questions (one overdue) so every flag shows.
 */
async function seedHubWork(
  tx: Db,
  tenantId: string,
  kids: Record<string, DemoChild>,
  byRole: Record<string, { userId: string; orgId: string }>,
): Promise<void> {
  const today = todayInSweden();
  const [extra] = await tx
    .insert(tenantTopics)
    .values({ tenantId, labelSv: 'Praktik och sommarjobb', labelEn: 'Work placement and summer jobs' })
    .returning();
  const amir = kids.Amir!;
  const hodan = kids.Hodan!;
  const layla = kids.Layla!;
  const matrix: [DemoChild, string, string, string | null, boolean][] = [
    [amir, 'school', 'school_mentor', 'contact_person', false],
    [amir, 'health', 'contact_person', null, false],
    [amir, 'asylum_case', 'god_man', 'social_worker', false],
    [amir, 'money', 'god_man', null, false],
    [amir, 'housing', 'contact_person', null, false],
    [amir, 'leisure', 'contact_person', null, true],
    [amir, 'family_contact', 'social_worker', null, false],
    [amir, 'return', 'social_worker', 'god_man', false],
    [amir, 'everyday', 'contact_person', null, true],
    [amir, extra!.id, 'school_mentor', null, false],
    [hodan, 'school', 'contact_person', null, false],
    [hodan, 'asylum_case', 'god_man', null, false],
    [layla, 'leisure', 'volunteer', 'contact_person', true],
    [layla, 'everyday', 'contact_person', null, true],
  ];
  await tx.insert(topicAssignments).values(
    matrix.map(([kid, topic, responsible, fallback, shareable]) => ({
      tenantId,
      childId: kid.id,
      topic,
      responsibleMemberId: kid.members[responsible]!,
      fallbackMemberId: fallback ? kid.members[fallback]! : null,
      shareableWithCivilSociety: shareable,
    })),
  );
  // Amir: all but one item done; Hodan: all done; Layla: proposed, nothing done yet.
  const meetings: [DemoChild, string, number][] = [
    [amir, addDays(today, -20), checklistItems.length - 1],
    [hodan, addDays(today, -40), checklistItems.length],
    [layla, addDays(today, 5), 0],
  ];
  await tx
    .insert(firstMeetings)
    .values(meetings.map(([kid, proposedOn]) => ({ childId: kid.id, tenantId, proposedOn })));
  await tx.insert(checklistOutcomes).values(
    meetings.flatMap(([kid, , done]) =>
      checklistItems.slice(0, done).map((item) => ({
        childId: kid.id,
        item,
        tenantId,
        done: true,
        note: item === 'how_adults_talk' ? 'God man helst sms, kontaktpersonen på Solgården.' : null,
        recordedBy: byRole.social_worker!.userId,
      })),
    ),
  );
  const questions: [DemoChild, string, string, number, string][] = [
    [amir, 'Förklara vad avslaget betyder och vad som händer nu.', 'god_man', 3, 'open'],
    [amir, 'Fråga hur det går i skolan efter beskedet.', 'school_mentor', -2, 'open'],
    [amir, 'Prata om kontakten med familjen.', 'social_worker', -10, 'done'],
    [hodan, 'Fråga om hon vill ha stöd av elevhälsan.', 'contact_person', 7, 'open'],
  ];
  await tx.insert(hubQuestions).values(
    questions.map(([kid, text, owner, dueIn, status]) => ({
      tenantId,
      childId: kid.id,
      text,
      ownerMemberId: kid.members[owner]!,
      dueOn: addDays(today, dueIn),
      status,
      createdBy: byRole.social_worker!.userId,
      ownerOrganisationId: byRole.social_worker!.orgId,
      category: categoryOfTopic(null),
      closedAt: status === 'open' ? null : new Date(),
    })),
  );
}

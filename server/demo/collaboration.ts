import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { governanceVersions } from '../domain/collaboration/governance/tables.ts';
import { governanceTemplate } from '../domain/collaboration/governance/template.ts';
import {
  collaborationDecisions,
  collaborationProposals,
  collaborationSteps,
} from '../domain/collaboration/roadmap/tables.ts';
import {
  collaborationParties,
  collaborationPeople,
  collaborationTenants,
  collaborations,
} from '../domain/collaboration/tables.ts';
import { memberships, organisations, tenants, users } from '../domain/tenancy/tables.ts';
import type { PartyKind } from '../../common/schemas/collaboration.ts';

/*
 * The demo's collaboration: Strömsund (demo) and a second municipality,
 * Krokom (demo), with steps 1–4 done, parties and representatives, and a
 * draft governance document. The forum and the strategic level seed their
 * own data into it: find it by `DEMO_COLLABORATION_NAME` or `findDemoCollaboration`.
 */

export const DEMO_COLLABORATION_NAME = 'Samverkan ensamkommande Strömsund–Krokom (demo)';

/** The demo collaboration's id, for the other levels' demo data. */
export async function findDemoCollaboration(db: Db, ownerTenantId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: collaborations.id })
    .from(collaborations)
    .where(and(eq(collaborations.ownerTenantId, ownerTenantId), eq(collaborations.name, DEMO_COLLABORATION_NAME)));
  return row?.id;
}

interface Seed {
  tenantId: string;
  orgIds: Record<string, string>;
  byRole: Record<string, { userId: string; orgId: string }>;
  /** The demo password's hash, for the second municipality's coordinator. */
  passwordHash: string;
}

export async function seedDemoCollaboration(tx: Db, s: Seed): Promise<{ collaborationId: string; tenantId: string }> {
  const [krokom] = await tx
    .insert(tenants)
    .values({ name: 'Krokom (demo)', requireTotp: false, isDemo: true })
    .returning();
  const [krokomSocial] = await tx
    .insert(organisations)
    .values({ tenantId: krokom!.id, name: 'Krokoms kommun, socialtjänsten', principalType: 'municipality' })
    .returning();
  const [kerstin] = await tx
    .insert(users)
    .values({
      tenantId: krokom!.id,
      email: 'samordnare@krokom.demo.navet.se',
      displayName: 'Kerstin Krok',
      passwordHash: s.passwordHash,
    })
    .returning();
  // Krokom's own tenant admin answers invitations to Krokom.
  const [krokomAdmin] = await tx
    .insert(users)
    .values({
      tenantId: krokom!.id,
      email: 'admin@krokom.demo.navet.se',
      displayName: 'Kalle Admin',
      passwordHash: s.passwordHash,
    })
    .returning();
  await tx.insert(memberships).values([
    { tenantId: krokom!.id, userId: kerstin!.id, organisationId: krokomSocial!.id, role: 'coordinator' },
    { tenantId: krokom!.id, userId: krokomAdmin!.id, organisationId: krokomSocial!.id, role: 'tenant_admin' },
  ]);

  const coordinator = s.byRole.coordinator!;
  const [c] = await tx
    .insert(collaborations)
    .values({ name: DEMO_COLLABORATION_NAME, ownerTenantId: s.tenantId, createdBy: coordinator.userId })
    .returning();
  const id = c!.id;
  const accepted = new Date('2026-09-01T10:00:00Z');
  await tx.insert(collaborationTenants).values([
    {
      collaborationId: id,
      tenantId: s.tenantId,
      status: 'accepted',
      invitedBy: coordinator.userId,
      respondedAt: accepted,
    },
    {
      collaborationId: id,
      tenantId: krokom!.id,
      status: 'accepted',
      invitedBy: coordinator.userId,
      respondedAt: accepted,
    },
  ]);

  const party = async (name: string, kind: PartyKind, org?: { id: string; tenantId: string }) => {
    const [row] = await tx
      .insert(collaborationParties)
      .values({ collaborationId: id, name, kind, organisationId: org?.id, tenantId: org?.tenantId })
      .returning();
    return row!;
  };
  const own = (key: string) => ({ id: s.orgIds[key]!, tenantId: s.tenantId });
  const parties = {
    social: await party('Socialtjänsten Strömsund', 'social_services', own('social')),
    school: await party('Hedbergska skolan', 'school', own('school')),
    hvb: await party('HVB Solgården', 'residential_care', own('hvb')),
    bup: await party('Region Jämtland Härjedalen, BUP', 'child_psychiatry', own('bup')),
    guardian: await party('Överförmyndaren i Strömsund', 'chief_guardian', own('guardian')),
    krokom: await party('Socialtjänsten Krokom', 'social_services', { id: krokomSocial!.id, tenantId: krokom!.id }),
    migration: await party('Migrationsverket', 'migration_agency'),
  };

  const names = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.tenantId, s.tenantId));
  const nameOf = (userId: string) => names.find((n) => n.id === userId)?.name ?? '';
  const person = (
    role: 'strategic_representative' | 'operational_representative' | 'coordinator',
    userId: string,
    tenantId: string,
    name: string,
    partyId?: string,
  ) => ({ collaborationId: id, role, userId, tenantId, name, partyId });
  const u = (role: string) => s.byRole[role]!.userId;
  await tx
    .insert(collaborationPeople)
    .values([
      person('coordinator', u('coordinator'), s.tenantId, nameOf(u('coordinator'))),
      person('coordinator', kerstin!.id, krokom!.id, 'Kerstin Krok'),
      person('strategic_representative', u('manager'), s.tenantId, nameOf(u('manager')), parties.social.id),
      person(
        'operational_representative',
        u('social_worker'),
        s.tenantId,
        nameOf(u('social_worker')),
        parties.social.id,
      ),
      person(
        'operational_representative',
        u('school_mentor'),
        s.tenantId,
        nameOf(u('school_mentor')),
        parties.school.id,
      ),
      person(
        'operational_representative',
        u('contact_person'),
        s.tenantId,
        nameOf(u('contact_person')),
        parties.hvb.id,
      ),
      person(
        'operational_representative',
        u('child_psychiatry'),
        s.tenantId,
        nameOf(u('child_psychiatry')),
        parties.bup.id,
      ),
      person('strategic_representative', kerstin!.id, krokom!.id, 'Kerstin Krok', parties.krokom.id),
    ]);
  await tx.insert(collaborationPeople).values({
    collaborationId: id,
    role: 'strategic_representative',
    name: 'Lena Verksamhetschef',
    partyId: parties.migration.id,
  });

  // Step 1: every party's decision.
  await tx.insert(collaborationDecisions).values(
    Object.values(parties).map((p, i) => ({
      collaborationId: id,
      partyId: p.id,
      decidedBy: p.kind === 'social_services' ? 'Socialnämnden' : 'Ledningsgruppen',
      decidedOn: `2026-09-${String(10 + i).padStart(2, '0')}`,
      text: 'Samverkan kring ensamkommande barn, särskilt barn med avslag, är prioriterad. Vi deltar i samverkan Strömsund–Krokom.',
      recordedBy: coordinator.userId,
    })),
  );
  // Step 3: proposals from the mapping.
  await tx.insert(collaborationProposals).values([
    {
      collaborationId: id,
      title: 'Avslag når socialsekreteraren samma dag',
      description: 'God man och Migrationsverket meddelar socialsekreteraren direkt vid avslag.',
      origin: 'process_map_gap',
      originNote: 'Processkartan: steget från beslut till socialtjänsten saknade ansvarig.',
      owner: 'Cecilia Norén',
      status: 'accepted',
      decision: 'Övergripande nivån 2026-10-15',
      decidedOn: '2026-10-15',
      createdBy: coordinator.userId,
    },
    {
      collaborationId: id,
      title: 'Skolan deltar i första navetmötet',
      origin: 'process_map_gap',
      owner: 'Mats Holm',
      createdBy: coordinator.userId,
    },
  ]);
  // Steps 1–4 done; 2 and 4 point at their documents until process maps have their own part.
  await tx.insert(collaborationSteps).values([
    { collaborationId: id, step: 1, status: 'done', owner: 'Samir Haddad', updatedBy: coordinator.userId },
    {
      collaborationId: id,
      step: 2,
      status: 'done',
      owner: 'Samir Haddad',
      referenceTitle: 'Processkartläggning hösten 2026',
      referenceNote: 'Workshop 2026-10-02; kartan finns i samverkansmappen.',
      updatedBy: coordinator.userId,
    },
    { collaborationId: id, step: 3, status: 'done', owner: 'Cecilia Norén', updatedBy: coordinator.userId },
    {
      collaborationId: id,
      step: 4,
      status: 'done',
      owner: 'Kerstin Krok',
      referenceTitle: 'Kompetensunderlag: sekretess och samtycke',
      referenceNote: 'Utbildningsplan 2027 för alla parter.',
      updatedBy: coordinator.userId,
    },
    {
      collaborationId: id,
      step: 6,
      status: 'in_progress',
      owner: 'Samir Haddad',
      dueOn: '2027-03-31',
      updatedBy: coordinator.userId,
    },
  ]);
  // Step 6: a draft from the template, with the representatives filled in.
  await tx.insert(governanceVersions).values({
    collaborationId: id,
    number: 1,
    content: governanceTemplate('sv', {
      strategic: [
        `${nameOf(u('manager'))} (Socialtjänsten Strömsund)`,
        'Kerstin Krok (Socialtjänsten Krokom)',
        'Lena Verksamhetschef (Migrationsverket)',
      ],
      operational: [
        `${nameOf(u('social_worker'))} (Socialtjänsten Strömsund)`,
        `${nameOf(u('school_mentor'))} (Hedbergska skolan)`,
        `${nameOf(u('contact_person'))} (HVB Solgården)`,
        `${nameOf(u('child_psychiatry'))} (Region Jämtland Härjedalen, BUP)`,
      ],
    }),
    updatedBy: coordinator.userId,
  });
  return { collaborationId: id, tenantId: krokom!.id };
}

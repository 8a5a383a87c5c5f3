import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { PrincipalType, Role } from '../../common/roles.ts';
import type { HubRole } from '../../common/schemas/children.ts';
import type { Db } from '../db/connect.ts';
import { hashPassword } from '../domain/auth/passwords.ts';
import { children, hubMembers } from '../domain/children/tables.ts';
import { memberships, organisations, tenants, users } from '../domain/tenancy/tables.ts';
import { login, type Client } from './harness.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function buildTenant(db: Db, opts: { requireTotp?: boolean; name?: string } = {}) {
  const [row] = await db
    .insert(tenants)
    .values({ name: opts.name ?? `Kommun ${randomUUID().slice(0, 8)}`, requireTotp: opts.requireTotp ?? false })
    .returning();
  return row!;
}

export async function buildOrganisation(db: Db, tenantId: string, principalType: PrincipalType = 'municipality') {
  const [row] = await db
    .insert(organisations)
    .values({ tenantId, name: `Org ${randomUUID().slice(0, 8)}`, principalType })
    .returning();
  return row!;
}

export interface TestUser {
  id: string;
  email: string;
  tenantId: string;
  organisationId: string;
  role: Role;
}

export async function buildUser(
  db: Db,
  opts: { tenantId: string; organisationId: string; role: Role; totpSecret?: string; displayName?: string },
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${opts.role}.${randomUUID()}@test.navet.se`;
  const [user] = await db
    .insert(users)
    .values({
      tenantId: opts.tenantId,
      email,
      displayName: opts.displayName ?? `Test ${opts.role}`,
      passwordHash: await passwordHash,
      ...(opts.totpSecret ? { totpSecret: opts.totpSecret, totpEnabled: true } : {}),
    })
    .returning();
  await db
    .insert(memberships)
    .values({ tenantId: opts.tenantId, userId: user!.id, organisationId: opts.organisationId, role: opts.role });
  return { id: user!.id, email, tenantId: opts.tenantId, organisationId: opts.organisationId, role: opts.role };
}

export interface BuildChildOptions {
  tenantId: string;
  name?: string;
  hub?: { user: TestUser; hubRole: HubRole; endedAt?: Date; organisationId?: string }[];
  caseNumber?: string | null;
  asylumStatus?: string;
  caseStatus?: 'active' | 'closed';
  dateOfBirth?: string | null;
  languages?: string[];
}

/** A child inserted directly (no audit, no first meeting), with its hub. `members` are in `hub` order. */
export async function buildChild(db: Db, opts: BuildChildOptions) {
  const [child] = await db
    .insert(children)
    .values({
      tenantId: opts.tenantId,
      displayName: opts.name ?? 'Testbarn',
      dateOfBirth: opts.dateOfBirth === undefined ? '2010-05-05' : opts.dateOfBirth,
      languages: opts.languages ?? ['prs'],
      caseNumber: opts.caseNumber ?? null,
      ...(opts.asylumStatus ? { asylumStatus: opts.asylumStatus } : {}),
      ...(opts.caseStatus ? { caseStatus: opts.caseStatus } : {}),
    })
    .returning();
  const members: (typeof hubMembers.$inferSelect)[] = [];
  for (const m of opts.hub ?? []) {
    const [row] = await db
      .insert(hubMembers)
      .values({
        tenantId: opts.tenantId,
        childId: child!.id,
        userId: m.user.id,
        organisationId: m.organisationId ?? m.user.organisationId,
        hubRole: m.hubRole,
        startsOn: '2024-01-01',
        endedAt: m.endedAt ?? null,
      })
      .returning();
    members.push(row!);
  }
  return { ...child!, members };
}

/**
 * A small municipality: one organisation, one user per role given, logged in.
 * Most route tests start here.
 */
export async function buildWorld(app: FastifyInstance, db: Db, roles: Role[]) {
  const tenant = await buildTenant(db);
  const org = await buildOrganisation(db, tenant.id);
  const people = {} as Record<Role, TestUser>;
  const clients = {} as Record<Role, Client>;
  for (const role of roles) {
    people[role] = await buildUser(db, { tenantId: tenant.id, organisationId: org.id, role });
    clients[role] = await login(app, people[role].email, TEST_PASSWORD);
  }
  return { tenant, org, people, clients };
}

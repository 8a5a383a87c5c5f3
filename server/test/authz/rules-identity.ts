import { randomUUID } from 'node:crypto';
import { ADMIN, ALL } from './groups.ts';
import type { Rule } from './rules.ts';

/*
 * Identity: the municipality's identity provider (admin), invitations and password reset (public,
 * one-time links). The links' own rules (used, expired, unknown) are in server/domain/auth/*.test.ts.
 */
const token = () => ({ token: 'A'.repeat(43) });

export const identityRules: Record<string, Rule> = {
  'GET /api/admin/identity': { scope: 'tenant', allow: ADMIN },
  'PUT /api/admin/identity': {
    scope: 'tenant',
    allow: ADMIN,
    // Off, with passwords kept: the world's people must still log in by password after it.
    body: () => ({
      enabled: false,
      issuer: 'https://idp.region.example.se',
      clientId: 'navet',
      scopes: 'openid email',
      requiredAcr: null,
      label: 'Regionens inloggning',
      passwordLogin: true,
    }),
  },
  'POST /api/admin/invitations': {
    scope: 'tenant',
    allow: ADMIN,
    body: (c) => ({
      email: `inbjuden.${c.actor}.${randomUUID()}@test.navet.se`,
      displayName: 'Inbjuden Användare',
      memberships: [{ organisationId: c.e.orgs.school, role: 'school_mentor' }],
    }),
    // The matrix runs without a mail server, so the admin meets 400 mail_not_configured; with one, 201
    // (server/domain/auth/invitations.test.ts).
    expect: { tenant_admin: 400 },
  },
  'GET /api/auth/oidc/providers': { scope: 'public', allow: ALL },
  'GET /api/auth/oidc/start': { scope: 'public', allow: ALL, query: `tenant=${randomUUID()}` },
  'GET /api/auth/oidc/callback': { scope: 'public', allow: ALL, query: 'code=x&state=y' },
  'POST /api/auth/invitations/lookup': { scope: 'public', allow: ALL, body: token },
  'POST /api/auth/invitations/accept': {
    scope: 'public',
    allow: ALL,
    body: () => ({ ...token(), password: 'a long and unusual passphrase 42' }),
  },
  'POST /api/auth/invitations/oidc': { scope: 'public', allow: ALL, body: token },
  'POST /api/auth/reset': { scope: 'public', allow: ALL, body: () => ({ email: 'nobody@test.navet.se' }) },
  'POST /api/auth/reset/check': { scope: 'public', allow: ALL, body: token },
  'POST /api/auth/reset/complete': {
    scope: 'public',
    allow: ALL,
    body: () => ({ ...token(), password: 'a long and unusual passphrase 42' }),
  },
};

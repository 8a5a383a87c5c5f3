import { randomUUID } from 'node:crypto';
import type { TestUser } from '../factories.ts';
import type { Client } from '../harness.ts';
import { ADMIN, ALL, CORE, FULL, NOT_VOLUNTEER, SEES, STAFF } from './groups.ts';
import { everydayRules } from './rules-everyday.ts';
import { identityRules } from './rules-identity.ts';
import { collaborationRules } from './rules-collaboration.ts';
import { competenceRules } from './rules-competence.ts';
import { loginRules } from './rules-login.ts';
import { meetingRules } from './rules-meetings.ts';
import { levelRules } from './rules-levels.ts';
import { followupRules } from './rules-followup.ts';
import { planRules } from './rules-plans.ts';
import { grantRules } from './rules-grants.ts';
import { processMapRules } from './rules-processmaps.ts';
import { recordsRules } from './rules-records.ts';
import { retentionRules } from './rules-retention.ts';
import { voiceRules } from './rules-voice.ts';
import { inDays, ok, today, type Actor, type Entities, type Side, type World } from './world.ts';

/*
 * One rule per "METHOD /path" of the OpenAPI document: who may use it, what
 * decides whether its ids are in the actor's scope, and how to fill in its
 * ids and body from the world. The matrix derives every expected status
 * from these, so a rule is data, not a test.
 */

/**
 * What decides scope:
 * - child: the ids belong to one child (the child, its plans, meetings,
 *   consents …). Outside the child's hub (Y, Z, an ended place) → 404;
 *   in it but not allowed → 403.
 * - tenant: a function of the municipality. Not allowed → 403; an id of
 *   another municipality → 404 for those allowed.
 * - self: the actor's own things. Another user's id → 404.
 * - public: reachable without a session; only "never a 5xx" is asserted.
 * - childCookie: the child's own page, through the child's cookie; adults
 *   have no business there (tested apart in matrix-child-view).
 * - collaboration: the ids belong to a collaboration (the strategic and
 *   operational levels). Another municipality's → 404 for all; not allowed 403.
 */
export type Scope = 'child' | 'tenant' | 'self' | 'public' | 'childCookie' | 'collaboration';

export interface Ctx {
  w: World;
  /** The entities of the side whose ids are used (X in scope, Y and Z outside). */
  e: Entities;
  side: Side;
  actor: Actor;
  me: TestUser;
  /** Acts as the owner of the side's child (its social worker), e.g. to read a current version. */
  owner: Client;
}
type Params = Record<string, string>;

export interface Rule {
  scope: Scope;
  /** Who gets a 2xx on in-scope ids. */
  allow: readonly Actor[];
  params?: (c: Ctx) => Params | Promise<Params>;
  body?: (c: Ctx) => unknown;
  query?: string | ((c: Ctx) => string);
  /**
   * For writes that use an entity up (ending, deleting, closing): a fresh one
   * for each allowed actor, so each has something to act on.
   */
  fresh?: (c: Ctx) => Params | Promise<Params>;
  /** Allowed, but only the first may succeed: the later ones meet a state rule (409). */
  once?: true;
  /** Runs in this phase: reads 0, writes 1, later phases for writes that change what earlier ones need. */
  phase?: number;
  /** Not sent in the matrix, with the reason (a stream never ends, a session ending). */
  skip?: string;
  /** Actors who see every child of the municipality here (Y as well as X). */
  tenantWide?: readonly Actor[];
  /** The role is checked before any id is looked up: the refused get 403 whatever the id. */
  roleFirst?: true;
  /** What the refused get on their own things (self scope; default 404). */
  deny?: number;
  /** Documented exceptions to the derived status, per actor. */
  expect?: Partial<Record<Actor, number>>;
}

// Id fillers.
export const child = (c: Ctx) => ({ id: c.e.childId });
export const version = async (c: Ctx, url: string) =>
  ok<{ version: number }>(await c.owner.get(url), 200, `version of ${url}`).version;

const childRules: Record<string, Rule> = {
  'GET /api/children': { scope: 'self', allow: ALL },
  'POST /api/children': {
    scope: 'tenant',
    allow: ['social_worker', 'ended'],
    body: () => ({ displayName: 'Nytt barn', asylumStatus: 'in_process' }),
  },
  'GET /api/children/{id}': { scope: 'child', allow: SEES, params: child },
  // The child page's first view: whoever sees the child (its parts follow each part's own rule).
  'GET /api/children/{id}/overview': { scope: 'child', allow: SEES, params: child },
  'PATCH /api/children/{id}': {
    scope: 'child',
    allow: ['social_worker', 'god_man'],
    params: child,
    body: async (c) => ({
      version: c.side === 'x' ? await version(c, `/api/children/${c.e.childId}`) : 1,
      languages: ['prs', 'sv'],
    }),
  },
  'POST /api/children/{id}/close': {
    scope: 'child',
    allow: ['social_worker'],
    params: child,
    body: async (c) => ({
      version: c.side === 'x' ? await version(c, `/api/children/${c.e.childId}`) : 1,
      reason: 'moved',
    }),
    phase: 9,
  },
  'GET /api/children/{id}/timeline': { scope: 'child', allow: FULL, params: child },
  'GET /api/children/{id}/hub': { scope: 'child', allow: SEES, params: child },
  'POST /api/children/{id}/hub/members': {
    scope: 'child',
    allow: ['social_worker'],
    params: child,
    body: (c) => ({ userId: c.e.spareUserId, hubRole: 'other_staff', organisationId: c.e.orgs.social }),
    phase: 8,
  },
  'POST /api/children/{id}/hub/members/{memberId}/end': {
    scope: 'child',
    allow: ['social_worker'],
    params: (c) => ({ id: c.e.childId, memberId: c.e.staffMemberId }),
    fresh: async (c) => {
      const m = ok<{ memberId: string }>(
        await c.owner.post(`/api/children/${c.e.childId}/hub/members`, {
          userId: c.e.spareUserId,
          hubRole: 'interpreter',
          organisationId: c.e.orgs.social,
        }),
        201,
        'fresh member',
      );
      return { id: c.e.childId, memberId: m.memberId };
    },
    body: () => ({}),
  },
  'PUT /api/children/{id}/hub/members/{memberId}/agreement': {
    scope: 'child',
    // The god man's own place: the god man, and the social worker who leads the hub.
    allow: ['social_worker', 'god_man'],
    params: (c) => ({ id: c.e.childId, memberId: c.e.staffMemberId }),
    body: () => ({ availability: 'Vardagar 8–16', preferredChannel: 'phone', contactDetail: '070-000 00 00' }),
  },
  'GET /api/children/{id}/topics': { scope: 'child', allow: SEES, params: child },
  'PUT /api/children/{id}/topics/{topic}': {
    scope: 'child',
    allow: CORE,
    params: (c) => ({ id: c.e.childId, topic: 'school' }),
    body: (c) => ({ responsibleMemberId: c.e.memberId }),
  },
  'GET /api/children/{id}/first-meeting': { scope: 'child', allow: FULL, params: child },
  'PUT /api/children/{id}/first-meeting': {
    scope: 'child',
    allow: CORE,
    params: child,
    body: () => ({ proposedOn: inDays(3) }),
  },
  'PUT /api/children/{id}/first-meeting/items/{item}': {
    scope: 'child',
    allow: CORE,
    params: (c) => ({ id: c.e.childId, item: 'put_faces' }),
    body: () => ({ done: true, note: 'Alla presenterade sig.' }),
  },
  'GET /api/children/{id}/questions': { scope: 'child', allow: FULL, params: child },
  'POST /api/children/{id}/questions': {
    scope: 'child',
    allow: STAFF,
    params: child,
    body: (c) => ({ text: 'Vad vill du göra i sommar?', ownerMemberId: c.e.memberId, dueOn: inDays(20) }),
  },
  'PATCH /api/children/{id}/questions/{questionId}': {
    scope: 'child',
    // The owner (the social worker) or the core three. Questions are not part of civil
    // society's narrow view: for the volunteer the question does not exist.
    allow: CORE,
    params: (c) => ({ id: c.e.childId, questionId: c.e.questionId }),
    expect: { volunteer: 404 },
    body: () => ({ text: 'Hur går det i skolan nu?' }),
  },
  'POST /api/children/{id}/child-links': { scope: 'child', allow: ['social_worker', 'god_man'], params: child },
  'GET /api/children/{id}/child-links': { scope: 'child', allow: ['social_worker', 'god_man'], params: child },
  'DELETE /api/children/{id}/child-links/{linkId}': {
    scope: 'child',
    allow: ['social_worker', 'god_man'],
    params: (c) => ({ id: c.e.childId, linkId: c.e.linkId }),
    fresh: async (c) => {
      const link = ok<{ id: string }>(await c.owner.post(`/api/children/${c.e.childId}/child-links`), 201, 'link');
      return { id: c.e.childId, linkId: link.id };
    },
  },
  'GET /api/children/{id}/besked': { scope: 'child', allow: FULL, params: child },
  'POST /api/children/{id}/besked/entries': {
    scope: 'child',
    allow: STAFF,
    params: child,
    body: () => ({
      topic: 'school',
      toldOn: today(),
      summary: 'Du börjar i nian.',
      language: 'sv',
      interpreterUsed: false,
    }),
  },
  'POST /api/children/{id}/besked/contradictions': {
    scope: 'child',
    allow: STAFF,
    params: child,
    // A pair can be marked once: each allowed actor marks a pair of their own.
    body: async (c) => {
      if (c.side !== 'x' || !STAFF.includes(c.actor)) return { entryIds: c.e.beskedEntryIds };
      const told = { topic: 'health', toldOn: today(), language: 'prs', interpreterUsed: true };
      const url = `/api/children/${c.e.childId}/besked/entries`;
      const ids: string[] = [];
      for (const summary of [`Du mår bra (${c.actor}).`, `Du behöver vård (${c.actor}).`]) {
        const view = ok<{ topics: { entries: { id: string; summary: string }[] }[] }>(
          await c.owner.post(url, { ...told, summary }),
          201,
          'besked entry',
        );
        ids.push(view.topics.flatMap((t) => t.entries).find((e) => e.summary === summary)!.id);
      }
      return { entryIds: ids };
    },
  },
  'PUT /api/children/{id}/besked/lines/{topic}': {
    scope: 'child',
    allow: CORE,
    params: (c) => ({ id: c.e.childId, topic: 'return' }),
    body: (c) => ({ text: 'Beslutet gäller; vi hjälper dig att överklaga.', tellerMemberId: c.e.memberId }),
  },
  'GET /api/children/{id}/consents': { scope: 'child', allow: FULL, params: child },
  'POST /api/children/{id}/consents': {
    scope: 'child',
    allow: ['social_worker', 'god_man'],
    params: child,
    body: (c) => ({
      givenBy: 'god_man',
      organisationIds: [c.e.orgs.social, c.e.orgs.school],
      categories: ['school'],
      purposes: ['hub'],
      validFrom: today(),
      validTo: inDays(90),
      form: 'written',
    }),
  },
  'POST /api/consents/{id}/withdraw': {
    scope: 'child',
    allow: CORE,
    params: (c) => ({ id: c.e.consentId }),
    fresh: async (c) => {
      const consent = ok<{ id: string }>(
        await c.owner.post(`/api/children/${c.e.childId}/consents`, {
          givenBy: 'child',
          organisationIds: [c.e.orgs.social, c.e.orgs.hvb],
          categories: ['housing'],
          purposes: ['hub'],
          validFrom: today(),
          validTo: inDays(30),
          form: 'oral',
        }),
        201,
        'fresh consent',
      );
      return { id: consent.id };
    },
    body: () => ({ withdrawnOn: today(), note: 'Barnet ångrade sig.' }),
  },
  'GET /api/children/{id}/shares': { scope: 'child', allow: FULL, params: child },
  'POST /api/children/{id}/shares': {
    scope: 'child',
    allow: STAFF,
    params: child,
    body: (c) => ({
      fromOrganisationId: c.me.organisationId,
      toOrganisationId: c.me.organisationId === c.e.orgs.social ? c.e.orgs.school : c.e.orgs.social,
      categories: ['school'],
      purpose: 'hub',
      legalBasisId: 'necessary_care',
      note: 'Behövs för barnets vård.',
    }),
  },
  'POST /api/shares/{id}/end': {
    scope: 'child',
    // Whoever recorded it (the social worker), or staff of the owning organisation.
    allow: ['social_worker'],
    params: (c) => ({ id: c.e.shareId }),
    fresh: async (c) => {
      const share = ok<{ id: string }>(
        await c.owner.post(`/api/children/${c.e.childId}/shares`, {
          fromOrganisationId: c.e.orgs.social,
          toOrganisationId: c.e.orgs.hvb,
          categories: ['housing'],
          purpose: 'hub',
          legalBasisId: 'necessary_care',
          note: 'Boendet behöver veta.',
        }),
        201,
        'fresh share',
      );
      return { id: share.id };
    },
  },
  'POST /api/children/{id}/events': {
    scope: 'child',
    allow: STAFF,
    params: child,
    body: (c) => ({
      type: 'school_absence',
      occurredOn: today(),
      source: 'school',
      note: `Frånvaro (${c.actor})`,
      confirmDuplicate: true,
    }),
  },
  'GET /api/children/{id}/events': { scope: 'child', allow: FULL, params: child },
  'GET /api/children/{id}/deadlines': { scope: 'child', allow: FULL, params: child },
  'GET /api/children/{id}/meetings': { scope: 'child', allow: FULL, params: child },
  'GET /api/children/{id}/decisions': { scope: 'child', allow: FULL, params: child },
};

const auditChildLog: Rule = {
  scope: 'child',
  allow: ['manager', 'tenant_admin'],
  params: child,
  // Reading logs is a role of its own, refused before any child is looked up; the admin reviews every child's.
  roleFirst: true,
  tenantWide: ['tenant_admin'],
};
const auditUserLog: Rule = {
  scope: 'tenant',
  allow: ['manager', 'tenant_admin'],
  params: (c) => ({ id: c.e.ownerId }),
  // The admin reviews every child's log, so a user's rows about any child of the municipality keep its id.
  tenantWide: ['tenant_admin'],
};

const tenantRules: Record<string, Rule> = {
  'GET /api/hub/topics': { scope: 'tenant', allow: ALL },
  'POST /api/hub/topics': {
    scope: 'tenant',
    allow: ADMIN,
    body: (c) => ({ labelSv: `Ämne ${c.side}`, labelEn: 'Topic' }),
  },
  'PATCH /api/hub/topics/{id}': {
    scope: 'tenant',
    allow: ADMIN,
    params: (c) => ({ id: c.e.tenantTopicId }),
    body: () => ({ labelEn: 'Driving licence (B)' }),
  },
  'GET /api/hub/people': { scope: 'tenant', allow: NOT_VOLUNTEER },
  'GET /api/hub/organisations': { scope: 'tenant', allow: NOT_VOLUNTEER },
  'GET /api/legal-bases': { scope: 'tenant', allow: NOT_VOLUNTEER },
  'POST /api/legal-bases': {
    scope: 'tenant',
    allow: ADMIN,
    body: () => ({ labelSv: 'Avtal', labelEn: 'Agreement', reference: 'Avtal 2026:2' }),
  },
  'POST /api/legal-bases/{id}/archive': { scope: 'tenant', allow: ADMIN, params: (c) => ({ id: c.e.legalBasisId }) },
  'GET /api/audit/children/{id}': auditChildLog,
  'GET /api/audit/children/{id}/log.csv': auditChildLog,
  'GET /api/audit/users/{id}': auditUserLog,
  'GET /api/audit/users/{id}/log.csv': auditUserLog,
  'POST /api/audit/reviews': {
    scope: 'tenant',
    allow: ['manager', 'tenant_admin'],
    body: (c) => ({
      subjectKind: 'user',
      subjectId: c.e.ownerId,
      periodFrom: inDays(-30),
      periodTo: today(),
      findings: 'Inga anmärkningar.',
    }),
  },
  'GET /api/audit/reviews': { scope: 'tenant', allow: ['manager', 'tenant_admin'] },
  'GET /api/admin/organisations': { scope: 'tenant', allow: ADMIN },
  'POST /api/admin/organisations': {
    scope: 'tenant',
    allow: ADMIN,
    body: () => ({ name: 'Elevhälsan', principalType: 'municipality' }),
  },
  'GET /api/admin/users': { scope: 'tenant', allow: ADMIN },
  'POST /api/admin/users': {
    scope: 'tenant',
    allow: ADMIN,
    body: (c) => ({
      // Unique per run: on PostgreSQL the database outlives one run of the suite.
      email: `ny.${c.actor}.${randomUUID()}@test.navet.se`,
      displayName: 'Ny Användare',
      password: 'a long and unusual passphrase 42',
      memberships: [{ organisationId: c.e.orgs.school, role: 'school_mentor' }],
    }),
  },
  'GET /api/admin/users/{id}': { scope: 'tenant', allow: ADMIN, params: (c) => ({ id: c.e.spareUserId }) },
  'POST /api/admin/users/{id}/memberships': {
    scope: 'tenant',
    allow: ADMIN,
    params: (c) => ({ id: c.e.spareUserId }),
    body: (c) => ({ organisationId: c.e.orgs.hvb, role: 'contact_person' }),
  },
  'DELETE /api/admin/users/{id}/memberships/{membershipId}': {
    scope: 'tenant',
    allow: ADMIN,
    params: (c) => ({ id: c.e.spareUserId, membershipId: c.e.spareMembershipId }),
    phase: 8,
  },
  'POST /api/admin/users/{id}/disable': {
    scope: 'tenant',
    allow: ADMIN,
    params: (c) => ({ id: c.e.spareUserId }),
    phase: 9,
  },
  'GET /api/admin/tenant': { scope: 'tenant', allow: ADMIN },
  'PUT /api/admin/tenant': { scope: 'tenant', allow: ADMIN, body: () => ({ requireTotp: false }) },
  'GET /api/notices/settings': { scope: 'tenant', allow: ['tenant_admin', 'coordinator', 'manager'] },
  'PUT /api/notices/settings': { scope: 'tenant', allow: ADMIN, body: () => ({ escalationWorkingHours: 8 }) },
  'GET /api/notices/measures': {
    scope: 'tenant',
    allow: ['manager', 'coordinator'],
    query: `from=${today().slice(0, 7)}&to=${today().slice(0, 7)}`,
  },
  'GET /api/admin/jobs': { scope: 'tenant', allow: ADMIN },
  'POST /api/admin/jobs/{id}/retry': {
    scope: 'tenant',
    // No job of the world has failed: the admin meets 404, everyone else 403 before any lookup.
    allow: [],
    params: (c) => ({ id: c.e.childId }),
    expect: { tenant_admin: 404 },
  },
};

const selfRules: Record<string, Rule> = {
  'GET /api/auth/me': { scope: 'self', allow: ALL },
  'PUT /api/auth/me/locale': { scope: 'self', allow: ALL, body: () => ({ locale: 'sv' }) },
  'POST /api/auth/totp/enroll': { scope: 'self', allow: ALL },
  'POST /api/auth/totp/confirm': { scope: 'self', allow: [], deny: 400, body: () => ({ code: '000000' }) },
  // The second step of a login: a session that is past it has nothing left to prove.
  'POST /api/auth/totp': { scope: 'self', allow: ALL, body: () => ({ code: '000000' }) },
  'POST /api/auth/logout': { scope: 'self', allow: ALL, skip: 'ends the session: matrix-sessions' },
  'POST /api/auth/logout-all': { scope: 'self', allow: ALL, skip: 'ends the session: matrix-sessions' },
  'GET /api/me/questions': { scope: 'self', allow: ALL },
  'GET /api/me/tasks': { scope: 'self', allow: NOT_VOLUNTEER, deny: 403 },
  'GET /api/me/deadlines': { scope: 'self', allow: ALL },
  'GET /api/me/calendar-feed': { scope: 'self', allow: NOT_VOLUNTEER, deny: 403 },
  'POST /api/me/calendar-feed': { scope: 'self', allow: NOT_VOLUNTEER, deny: 403 },
  'DELETE /api/me/calendar-feed': { scope: 'self', allow: NOT_VOLUNTEER, deny: 403, phase: 8 },
  'GET /api/notifications': { scope: 'self', allow: ALL },
  'GET /api/notifications/stream': { scope: 'self', allow: ALL, skip: 'a live stream never ends' },
  'POST /api/notifications/{id}/read': { scope: 'self', allow: [], params: (c) => ({ id: c.e.childId }) },
  'POST /api/notifications/{id}/acknowledge': { scope: 'self', allow: [], params: (c) => ({ id: c.e.childId }) },
};

const publicRules: Record<string, Rule> = {
  'GET /api/health': { scope: 'public', allow: ALL },
  'GET /api/auth/login-info': { scope: 'public', allow: ALL },
  'POST /api/auth/login': {
    scope: 'public',
    allow: ALL,
    body: () => ({ email: 'nobody@test.navet.se', password: 'wrong' }),
  },
  'GET /api/calendar/feeds/{token}': { scope: 'public', allow: ALL, params: () => ({ token: 'x'.repeat(43) }) },
  'POST /api/child-view/redeem': { scope: 'childCookie', allow: [], skip: 'the child’s link: matrix-child-view' },
  'GET /api/child-view/me': { scope: 'childCookie', allow: [], skip: 'the child’s cookie: matrix-child-view' },
  'POST /api/child-view/logout': { scope: 'childCookie', allow: [], skip: 'the child’s cookie: matrix-child-view' },
};

export const rules: Record<string, Rule> = {
  ...childRules,
  ...meetingRules,
  ...everydayRules,
  ...planRules,
  ...identityRules,
  ...collaborationRules,
  ...levelRules,
  ...processMapRules,
  ...competenceRules,
  ...followupRules,
  ...loginRules,
  ...grantRules,
  ...recordsRules,
  ...retentionRules,
  ...voiceRules,
  ...tenantRules,
  ...selfRules,
  ...publicRules,
};

export type { Entities };

import { createHash, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { IdentitySettings, IdentitySettingsBody, OidcError } from '../../../common/schemas/identity.ts';
import { audit } from '../../audit/write.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { findInvitation, useInvitation } from './invitations-repo.ts';
import * as repo from './oidc-repo.ts';
import { seal, unseal } from './oidc-secret.ts';
import { findUser, type UserRow } from './repo.ts';
import { createSession } from './sessions.ts';

export const PRELOGIN_COOKIE = 'navet_oidc';
/** Time between the redirect to the provider and its callback: long enough for a BankID app, no longer. */
export const PRELOGIN_MINUTES = 10;

/** A refused OIDC login: the callback sends the browser to the login page, which says why. */
export class OidcRefused extends Error {
  constructor(
    readonly reason: OidcError,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

const loopback = (host: string) => /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(host);

export function redirectUri(deps: Deps): string {
  return new URL('/api/auth/oidc/callback', deps.config.publicUrl).href;
}

function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'tenant_admin')) throw errors.forbidden('Only tenant admins configure the identity provider.');
}

function present(row: repo.OidcSettingsRow | null): IdentitySettings {
  return {
    enabled: row?.enabled ?? false,
    issuer: row?.issuer ?? '',
    clientId: row?.clientId ?? '',
    hasClientSecret: !!row?.clientSecretSealed,
    scopes: row?.scopes ?? 'openid email',
    requiredAcr: row?.requiredAcr ?? null,
    label: row?.label ?? '',
    passwordLogin: row?.passwordLogin ?? true,
  };
}

export async function getSettings(deps: Deps, actor: Actor): Promise<IdentitySettings> {
  requireAdmin(actor);
  return present(await repo.findSettings(deps.db, actor.tenantId));
}

export async function saveSettings(deps: Deps, actor: Actor, body: IdentitySettingsBody): Promise<IdentitySettings> {
  requireAdmin(actor);
  const issuer = new URL(body.issuer);
  // Plain http only on this machine (a provider beside Navet, or the tests'); anywhere else it must be https.
  if (issuer.protocol === 'http:' && !loopback(issuer.hostname))
    throw errors.validation([{ path: 'body.issuer', message: 'The issuer must use https.' }]);
  if (!body.passwordLogin && !body.enabled)
    throw errors.validation([
      {
        path: 'body.passwordLogin',
        message: 'Turn on login through the identity provider before turning passwords off.',
      },
    ]);
  let sealed: string | null | undefined;
  if (body.clientSecret === '') sealed = null;
  else if (body.clientSecret) {
    try {
      sealed = seal(deps.config.secretKey, body.clientSecret);
    } catch (err) {
      if (err instanceof AppError) throw errors.validation([{ path: 'body.clientSecret', message: err.message }]);
      throw err;
    }
  }
  return deps.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, actor.tenantId);
    const saved = await repo.saveSettings(tx, {
      tenantId: actor.tenantId,
      enabled: body.enabled,
      issuer: body.issuer,
      clientId: body.clientId,
      clientSecretSealed: sealed === undefined ? (before?.clientSecretSealed ?? null) : sealed,
      scopes: body.scopes,
      requiredAcr: body.requiredAcr,
      label: body.label,
      passwordLogin: body.passwordLogin,
      updatedAt: new Date(),
    });
    configs.clear();
    // The secret itself is never written to the log; only that it changed.
    const { clientSecret, ...shown } = body;
    await audit(tx, {
      action: 'auth.oidc_settings_changed',
      entity: 'tenant',
      entityId: actor.tenantId,
      detail: { ...shown, clientSecretChanged: clientSecret !== undefined && clientSecret !== null },
    });
    return present(saved);
  });
}

/** Discovery results per provider, kept a while: the provider's keys rotate, its endpoints rarely. */
const configs = new Map<string, { at: number; config: Promise<client.Configuration> }>();
const CONFIG_TTL_MS = 10 * 60_000;

function configFor(deps: Deps, s: repo.OidcSettingsRow): Promise<client.Configuration> {
  const key = JSON.stringify([s.tenantId, s.issuer, s.clientId, s.clientSecretSealed]);
  const cached = configs.get(key);
  if (cached && Date.now() - cached.at < CONFIG_TTL_MS) return cached.config;
  const secret = s.clientSecretSealed ? unseal(deps.config.secretKey, s.clientSecretSealed) : undefined;
  const issuer = new URL(s.issuer);
  const config = client.discovery(
    issuer,
    s.clientId,
    secret,
    secret ? client.ClientSecretPost(secret) : client.None(),
    { timeout: 10, ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}) },
  );
  configs.set(key, { at: Date.now(), config });
  config.catch(() => configs.delete(key));
  return config;
}

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

/**
 * Starts a login at the municipality's provider: a new state, nonce and PKCE verifier, kept server-side
 * under the hash of a random value that only the browser's pre-login cookie holds.
 */
export async function start(
  deps: Deps,
  tenantId: string,
  invitationId: string | null,
): Promise<{ url: string; cookie: string }> {
  const settings = await repo.findSettings(deps.db, tenantId);
  if (!settings?.enabled) throw errors.notFound('identity provider');
  let config: client.Configuration;
  try {
    config = await configFor(deps, settings);
  } catch {
    throw new AppError(502, 'oidc_unavailable', 'The identity provider does not answer. Try again later.');
  }
  const cookie = randomBytes(32).toString('base64url');
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await repo.insertLogin(deps.db, {
    id: sha256(cookie),
    tenantId,
    state,
    nonce,
    codeVerifier,
    invitationId,
    expiresAt: new Date(Date.now() + PRELOGIN_MINUTES * 60_000),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(deps),
    scope: settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(settings.requiredAcr ? { acr_values: settings.requiredAcr } : {}),
  });
  return { url: url.href, cookie };
}

async function refuse(deps: Deps, tenantId: string | null, reason: OidcError, detail: string): Promise<never> {
  await deps.db.transaction((tx) =>
    audit(tx, {
      action: 'auth.oidc_refused',
      entity: 'session',
      tenantId,
      actorUserId: null,
      detail: { reason, detail: detail.slice(0, 300) },
    }),
  );
  throw new OidcRefused(reason, detail);
}

function describe(err: unknown): { reason: OidcError; detail: string } {
  if (err instanceof client.AuthorizationResponseError)
    return { reason: err.error === 'access_denied' ? 'oidc_cancelled' : 'oidc_failed', detail: err.error };
  if (err instanceof Error) {
    const { code } = err as { code?: unknown };
    // The claim that failed (aud, exp, nonce …) makes the audit row useful to whoever investigates.
    let claim = '';
    for (let c: unknown = err; c && typeof c === 'object' && !claim; c = (c as { cause?: unknown }).cause) {
      const named = (c as { claim?: unknown }).claim;
      if (typeof named === 'string') claim = ` (${named})`;
    }
    return { reason: 'oidc_failed', detail: `${typeof code === 'string' ? code + ': ' : ''}${err.message}${claim}` };
  }
  return { reason: 'oidc_failed', detail: 'unknown error' };
}

/**
 * The provider's answer. The code is exchanged with the PKCE verifier; openid-client checks the state and
 * the ID token (signature by the provider's published keys, iss, aud, exp, iat, nonce). Navet then checks
 * the required assurance level and finds the user by (issuer, subject), or links an invitee.
 */
export async function callback(
  deps: Deps,
  cookie: string | undefined,
  query: Record<string, string | undefined>,
  ip: string | null,
): Promise<{ token: string }> {
  const login = cookie ? await repo.takeLogin(deps.db, sha256(cookie)) : null;
  if (!login) return refuse(deps, null, 'oidc_expired', 'no login in flight for this browser');
  const tenantId = login.tenantId;
  const settings = await repo.findSettings(deps.db, tenantId);
  if (!settings?.enabled) return refuse(deps, tenantId, 'oidc_unavailable', 'provider turned off');

  const currentUrl = new URL(redirectUri(deps));
  for (const [k, v] of Object.entries(query)) if (v !== undefined) currentUrl.searchParams.set(k, v);
  let claims: client.IDToken;
  try {
    const config = await configFor(deps, settings);
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const c = tokens.claims();
    if (!c) return refuse(deps, tenantId, 'oidc_failed', 'no ID token');
    claims = c;
  } catch (err) {
    const { reason, detail } = describe(err);
    return refuse(deps, tenantId, reason, detail);
  }
  if (settings.requiredAcr && claims.acr !== settings.requiredAcr)
    return refuse(deps, tenantId, 'oidc_acr', `acr ${typeof claims.acr === 'string' ? claims.acr : 'missing'}`);

  const issuer = claims.iss;
  const identity = await repo.findIdentity(deps.db, issuer, claims.sub);
  let userId: string;
  if (login.invitationId) {
    if (identity) return refuse(deps, tenantId, 'oidc_failed', 'identity already linked to an account');
    const invitation = await findInvitation(deps.db, login.invitationId);
    if (!invitation || invitation.tenantId !== tenantId) return refuse(deps, tenantId, 'oidc_expired', 'invitation');
    userId = invitation.userId;
  } else {
    if (!identity || identity.tenantId !== tenantId)
      return refuse(deps, tenantId, 'oidc_not_linked', 'unknown subject without an invitation');
    userId = identity.userId;
  }
  const user: UserRow | null = await findUser(deps.db, userId);
  if (!user || user.disabledAt) return refuse(deps, tenantId, 'oidc_not_linked', 'account disabled');

  const linked = await deps.db.transaction(async (tx) => {
    if (login.invitationId) {
      if (!(await useInvitation(tx, login.invitationId))) return null;
      await repo.insertIdentity(tx, { tenantId, userId, issuer, subject: claims.sub });
      await audit(tx, {
        action: 'auth.oidc_linked',
        entity: 'user',
        entityId: userId,
        tenantId,
        actorUserId: userId,
        detail: { issuer },
      });
    }
    const session = await createSession(
      tx,
      { userId, tenantId, stage: 'active', ip },
      { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours },
    );
    await audit(tx, {
      action: 'auth.login',
      entity: 'session',
      entityId: session.id.slice(0, 16),
      tenantId,
      actorUserId: userId,
      detail: { stage: 'done', method: 'oidc', acr: claims.acr ?? null },
    });
    return session;
  });
  if (!linked) return refuse(deps, tenantId, 'oidc_expired', 'invitation used or expired');
  return { token: linked.token };
}

/** The hook of password login: a municipality that turned passwords off refuses them, after the check. */
export async function assertPasswordLogin(deps: Deps, user: UserRow): Promise<void> {
  if (!(await repo.passwordLoginOff(deps.db, user.tenantId))) return;
  await deps.db.transaction((tx) =>
    audit(tx, {
      action: 'auth.login_refused',
      entity: 'user',
      entityId: user.id,
      tenantId: user.tenantId,
      actorUserId: user.id,
      detail: { reason: 'password_login_off' },
    }),
  );
  throw new AppError(
    403,
    'password_login_off',
    "Your municipality logs in through its identity provider. Use the button for your organisation's login.",
  );
}

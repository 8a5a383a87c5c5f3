import { z } from 'zod';
import { limits } from '../limits.ts';
import { CreateUserBody } from './tenancy.ts';

/** Settings of the municipality's identity provider, as the tenant admin sees them: never the secret itself. */
export const IdentitySettings = z.object({
  /** OIDC login is offered on the login page. */
  enabled: z.boolean(),
  /** The provider's issuer URL (its discovery document is at /.well-known/openid-configuration). */
  issuer: z.string(),
  clientId: z.string(),
  /** A client secret is stored (encrypted); it is never shown again. */
  hasClientSecret: z.boolean(),
  /** Space-separated scopes; always includes openid. */
  scopes: z.string(),
  /** The assurance level (acr) an ID token must carry, or null for any. */
  requiredAcr: z.string().nullable(),
  /** The name of the button on the login page. */
  label: z.string(),
  /** Users may still log in with e-mail and password. */
  passwordLogin: z.boolean(),
});
export type IdentitySettings = z.infer<typeof IdentitySettings>;

const text = (max: number) => z.string().trim().max(max);

export const IdentitySettingsBody = z.object({
  enabled: z.boolean(),
  /** https, or http only on this machine (127.0.0.1, ::1, localhost). */
  issuer: text(500).pipe(z.url({ protocol: /^https?$/ })),
  clientId: text(500).min(1),
  /** A new secret; left out (or null) keeps the stored one; "" removes it (a public client with PKCE). */
  clientSecret: z.string().max(2000).nullish(),
  scopes: text(500)
    .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'Scopes are words separated by spaces.')
    .refine((s) => s.split(' ').includes('openid'), 'The scopes must include openid.'),
  requiredAcr: text(500).min(1).nullable(),
  label: text(limits.nameMax).min(1),
  passwordLogin: z.boolean(),
});
export type IdentitySettingsBody = z.infer<typeof IdentitySettingsBody>;

/** Municipalities that offer login through their identity provider. */
export const OidcProviders = z.object({
  items: z.array(z.object({ tenantId: z.string().uuid(), label: z.string(), tenantName: z.string() })),
});
export type OidcProviders = z.infer<typeof OidcProviders>;

export const OidcStartQuery = z.object({ tenant: z.string().uuid() });

/** The callback's query: both come from the provider through the browser, so both are untrusted. */
export const OidcCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
});

/** Why an OIDC login was refused; the login page says it in the user's language. */
export const OidcError = z.enum([
  'oidc_failed',
  'oidc_expired',
  'oidc_not_linked',
  'oidc_acr',
  'oidc_cancelled',
  'oidc_unavailable',
]);
export type OidcError = z.infer<typeof OidcError>;

/** One-time link tokens (invitations and resets): 32 random bytes, base64url. */
export const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a valid link.');
/** Tokens travel in bodies, never in URLs: request logs and proxies do not see them. */
export const TokenBody = z.object({ token: LinkToken });

export const InvitationBody = CreateUserBody.omit({ password: true }).extend({
  /** The language of the e-mail and of Navet for the new user. */
  locale: z.enum(['sv', 'en']).default('sv'),
});
export type InvitationBody = z.infer<typeof InvitationBody>;

export const Invitation = z.object({
  userId: z.string().uuid(),
  email: z.string(),
  expiresAt: z.string(),
  /** Roles asked for the invitee that wait for a second admin's approval (they open children's data). */
  awaitingApproval: z.number().int(),
});
export type Invitation = z.infer<typeof Invitation>;

/** What the invitee sees before accepting: enough to know it is theirs, nothing more. */
export const InvitationInfo = z.object({
  email: z.string(),
  displayName: z.string(),
  tenantName: z.string(),
  expiresAt: z.string(),
  passwordLogin: z.boolean(),
  oidc: z.boolean(),
});
export type InvitationInfo = z.infer<typeof InvitationInfo>;

export const NewPasswordBody = z.object({
  token: LinkToken,
  /** The password policy applies (length, no common passwords). */
  password: z.string().max(limits.passwordMax),
});
export type NewPasswordBody = z.infer<typeof NewPasswordBody>;

export const ResetRequestBody = z.object({
  email: z.string().trim().toLowerCase().min(3).max(limits.emailMax),
});
export type ResetRequestBody = z.infer<typeof ResetRequestBody>;

export const RedirectTo = z.object({ url: z.string() });

import { z } from 'zod';
import { limits } from '../limits.ts';
import { PrincipalType, Role } from '../roles.ts';

export const LoginBody = z.object({
  /** The user's e-mail address. */
  email: z.string().trim().min(3).max(limits.emailMax),
  /** The password, as typed. */
  password: z.string().min(1).max(limits.passwordMax),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const LoginResponse = z.object({
  /** 'done': logged in; 'totp': enter a code; 'totp_enroll': set up an authenticator first. */
  stage: z.enum(['done', 'totp', 'totp_enroll']),
  /** Send back as the x-csrf-token header on every write of this session. */
  csrfToken: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const TotpBody = z.object({
  /** Six digits from the authenticator app. */
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the six digits from your authenticator app.'),
});
export type TotpBody = z.infer<typeof TotpBody>;

export const TotpEnrollment = z.object({
  /** Base32 secret to type into an authenticator app. */
  secret: z.string(),
  /** otpauth:// URI for a QR code. */
  uri: z.string(),
});
export type TotpEnrollment = z.infer<typeof TotpEnrollment>;

export const MeResponse = z.object({
  user: z.object({
    id: z.string().uuid(),
    displayName: z.string(),
    email: z.string(),
    locale: z.string(),
    totpEnabled: z.boolean(),
  }),
  tenant: z.object({
    id: z.string().uuid(),
    name: z.string(),
    isDemo: z.boolean(),
    requireTotp: z.boolean(),
  }),
  memberships: z.array(
    z.object({
      organisationId: z.string().uuid(),
      organisationName: z.string(),
      principalType: PrincipalType,
      role: Role,
    }),
  ),
  csrfToken: z.string(),
  /** What the UI may offer this user; the server checks again on every request. */
  abilities: z.object({
    readAuditLog: z.boolean(),
    manageUsers: z.boolean(),
    createChild: z.boolean(),
  }),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const LoginInfo = z.object({
  /** True when a demo tenant exists on this server: the login page says so. */
  demo: z.boolean(),
  /** Whether the demo tenant skips TOTP. */
  demoTotpOff: z.boolean(),
});
export type LoginInfo = z.infer<typeof LoginInfo>;

export const LocaleBody = z.object({ locale: z.enum(['sv', 'en']) });

import { z } from 'zod';
import { limits } from '../limits.ts';
import { PrincipalType, Role } from '../roles.ts';

const name = z.string().trim().min(1).max(limits.nameMax);

export const OrganisationBody = z.object({
  /** The organisation's name as its staff know it, e.g. "HVB Solgården". */
  name,
  /** Which kind of principal (huvudman) it is; drives secrecy rules. */
  principalType: PrincipalType,
});
export type OrganisationBody = z.infer<typeof OrganisationBody>;

export const Organisation = z.object({
  id: z.string().uuid(),
  name: z.string(),
  principalType: PrincipalType,
  createdAt: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const MembershipBody = z.object({
  /** An organisation of the admin's own tenant. */
  organisationId: z.string().uuid(),
  /** The role the user holds in that organisation. */
  role: Role,
});
export type MembershipBody = z.infer<typeof MembershipBody>;

export const Membership = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  role: Role,
  createdAt: z.string(),
  /** Set when the membership was ended; the row stays for the record. */
  endedAt: z.string().nullable(),
});
export type Membership = z.infer<typeof Membership>;

export const CreateUserBody = z.object({
  /** Login e-mail; stored lower-cased and unique across the whole server. */
  email: z.string().trim().toLowerCase().max(limits.emailMax).email(),
  /** The name colleagues see. */
  displayName: name,
  /** First password; the password policy applies (length, no common passwords). */
  password: z.string().max(limits.passwordMax),
  /** At least one role in one organisation: a user without a role can do nothing. */
  memberships: z.array(MembershipBody).min(1).max(20),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const grantStatuses = ['pending', 'approved', 'rejected'] as const;
export const GrantStatus = z.enum(grantStatuses);
export type GrantStatus = z.infer<typeof GrantStatus>;

/** A requested role that waits for (or got) a second admin's decision. */
export const RoleGrant = z.object({
  id: z.string().uuid(),
  userId: z.string().uuid(),
  userName: z.string(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  role: Role,
  status: GrantStatus,
  requestedBy: z.object({ id: z.string().uuid(), name: z.string() }),
  requestedAt: z.string(),
  decidedBy: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  /** What the reader may do: never approve their own request or a role for themselves. */
  abilities: z.object({ approve: z.boolean(), reject: z.boolean() }),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const RoleGrantList = z.object({ items: z.array(RoleGrant) });
export type RoleGrantList = z.infer<typeof RoleGrantList>;

/** A user as the tenant admin sees it. Never a password hash or a TOTP secret. */
export const AdminUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: z.string(),
  totpEnabled: z.boolean(),
  /** Set while the account is locked after failed logins. */
  lockedUntil: z.string().nullable(),
  /** Set when an admin disabled the account; it can no longer log in. */
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  /** Active memberships first, then ended ones. */
  memberships: z.array(Membership),
  /** Roles requested for the user that wait for a second admin's approval. */
  pendingGrants: z.array(RoleGrant),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const UserListQuery = z.object({
  /** Free-text search in name and e-mail. */
  q: z.string().trim().max(limits.nameMax).optional(),
  /** Only users with an open membership in this role. */
  role: Role.optional(),
  /** Only users with an open membership in this organisation (of the admin's municipality). */
  organisationId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserList = z.object({
  items: z.array(AdminUser),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UserList = z.infer<typeof UserList>;

export const MembershipParams = z.object({ id: z.string().uuid(), membershipId: z.string().uuid() });

export const TenantSettings = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** Every user must pass a TOTP step at login. */
  requireTotp: z.boolean(),
  /** A fictional demo tenant. */
  isDemo: z.boolean(),
});
export type TenantSettings = z.infer<typeof TenantSettings>;

export const TenantSettingsBody = z.object({
  /** Require a TOTP step at login for every user of the tenant. */
  requireTotp: z.boolean(),
});
export type TenantSettingsBody = z.infer<typeof TenantSettingsBody>;

import type { Invitation, InvitationBody, InvitationInfo } from '../../../common/schemas/identity.ts';
import { audit } from '../../audit/write.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { givenDirectly, requestGrants } from '../tenancy/grants.service.ts';
import * as tenancy from '../tenancy/repo.ts';
import { sendLinkMail } from './invitations-mail.ts';
import * as repo from './invitations-repo.ts';
import { findSettings, passwordLoginOff } from './oidc-repo.ts';
import * as oidc from './oidc-service.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { updateUser } from './repo.ts';

export const INVITATION_HOURS = 72;
/** Not an argon2 hash: no password verifies against it until the invitee chooses one. */
export const NO_PASSWORD = '!invited';

/** A link that cannot be used, told apart so the page can say what to do: ask for a new one. */
export const linkErrors = {
  invalid: () => new AppError(404, 'link_invalid', 'This link is not valid. Check that you copied all of it.'),
  used: () => new AppError(410, 'link_used', 'This link has already been used. Ask for a new one.'),
  expired: () => new AppError(410, 'link_expired', 'This link has expired. Ask for a new one.'),
};

const mailFailed = () =>
  new AppError(502, 'mail_failed', 'The e-mail could not be sent, so nothing was saved. Try again later.');

/** An admin creates the account and mails a one-time link; the admin never knows the first password. */
export async function invite(deps: Deps, actor: Actor, body: InvitationBody): Promise<Invitation> {
  if (!hasRole(actor, 'tenant_admin')) throw errors.forbidden('Only tenant admins invite users.');
  if (!deps.config.smtpUrl)
    throw errors.badRequest('mail_not_configured', 'Navet has no mail server (NAVET_SMTP_URL), so it cannot invite.');
  const { token, hash } = repo.newLinkToken();
  const expiresAt = new Date(Date.now() + INVITATION_HOURS * 3_600_000);
  try {
    return await deps.db.transaction(async (tx) => {
      const own = await tenancy.organisationIdsInTenant(
        tx,
        actor.tenantId,
        body.memberships.map((m) => m.organisationId),
      );
      const issues = body.memberships.flatMap((m, i) =>
        own.has(m.organisationId)
          ? []
          : [{ path: `body.memberships.${i}.organisationId`, message: 'No such organisation.' }],
      );
      if (issues.length > 0) throw errors.validation(issues);
      if (await tenancy.emailTaken(tx, body.email))
        throw errors.conflict('email_taken', 'A user with this e-mail address already exists.');
      const user = await tenancy.insertUser(tx, {
        tenantId: actor.tenantId,
        email: body.email,
        displayName: body.displayName,
        passwordHash: NO_PASSWORD,
        locale: body.locale,
      });
      const unique = [...new Map(body.memberships.map((m) => [`${m.organisationId}/${m.role}`, m])).values()];
      // As when an admin creates a user: roles that open children's data, or the admin role, wait for a second
      // admin (tenancy/grants.service.ts); an invitation is no way round it.
      const direct: typeof unique = [];
      const asked: typeof unique = [];
      for (const m of unique) ((await givenDirectly(tx, actor, user.id, m.role)) ? direct : asked).push(m);
      await tenancy.insertMemberships(
        tx,
        direct.map((m) => ({ tenantId: actor.tenantId, userId: user.id, ...m })),
      );
      const requested = await requestGrants(tx, actor, user.id, asked);
      await repo.insertInvitation(tx, {
        tenantId: actor.tenantId,
        userId: user.id,
        tokenHash: hash,
        invitedBy: actor.userId,
        expiresAt,
      });
      await audit(tx, {
        action: 'auth.invitation_sent',
        entity: 'user',
        entityId: user.id,
        detail: {
          email: user.email,
          memberships: direct,
          requestedGrants: requested.map((g) => g.id),
          expiresAt: expiresAt.toISOString(),
        },
      });
      // Sent last, inside the transaction: when the mail server says no, no account is left half-made.
      const link = new URL(`/invite#${token}`, deps.config.publicUrl).href;
      await sendLinkMail(deps.config, {
        kind: 'invitation',
        to: user.email,
        locale: body.locale,
        link,
        hours: INVITATION_HOURS,
      }).catch(() => {
        throw mailFailed();
      });
      return {
        userId: user.id,
        email: user.email,
        expiresAt: expiresAt.toISOString(),
        awaitingApproval: requested.length,
      };
    });
  } catch (err) {
    for (let e: unknown = err; e instanceof Error; e = e.cause)
      if ((e as { code?: unknown }).code === '23505')
        throw errors.conflict('email_taken', 'A user with this e-mail address already exists.');
    throw err;
  }
}

/** The invitation of a token that can still be used, or the 4xx that says why not. */
async function openInvitation(deps: Deps, token: string) {
  const found = await repo.invitationByToken(deps.db, token);
  if (!found) throw linkErrors.invalid();
  if (found.invitation.usedAt) throw linkErrors.used();
  if (found.invitation.expiresAt.getTime() <= Date.now()) throw linkErrors.expired();
  if (found.user.disabledAt) throw linkErrors.invalid();
  return found;
}

export async function invitationInfo(deps: Deps, token: string): Promise<InvitationInfo> {
  const { invitation, user, tenantName } = await openInvitation(deps, token);
  const settings = await findSettings(deps.db, invitation.tenantId);
  return {
    email: user.email,
    displayName: user.displayName,
    tenantName,
    expiresAt: invitation.expiresAt.toISOString(),
    passwordLogin: settings?.passwordLogin ?? true,
    oidc: settings?.enabled ?? false,
  };
}

export async function acceptWithPassword(deps: Deps, token: string, password: string): Promise<void> {
  const { invitation, user } = await openInvitation(deps, token);
  if (await passwordLoginOff(deps.db, invitation.tenantId))
    throw new AppError(403, 'password_login_off', 'Your municipality logs in through its identity provider.');
  const problem = passwordProblem(password);
  if (problem) throw errors.validation([{ path: 'body.password', message: problem }]);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    // Marked used in the same statement that checks it: two tabs cannot both set a password.
    if (!(await repo.useInvitation(tx, invitation.id))) throw linkErrors.used();
    await updateUser(tx, user.id, { passwordHash, failedLogins: 0, lockedUntil: null });
    await audit(tx, {
      action: 'auth.invitation_accepted',
      entity: 'user',
      entityId: user.id,
      tenantId: invitation.tenantId,
      actorUserId: user.id,
      detail: { method: 'password' },
    });
  });
}

/** Links the invitee's provider identity: a login at the provider, bound to this invitation. */
export async function startOidcLink(deps: Deps, token: string): Promise<{ url: string; cookie: string }> {
  const { invitation } = await openInvitation(deps, token);
  return oidc.start(deps, invitation.tenantId, invitation.id);
}

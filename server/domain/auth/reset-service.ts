import type { ResetRequestBody } from '../../../common/schemas/identity.ts';
import { audit } from '../../audit/write.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { sendLinkMail } from './invitations-mail.ts';
import * as repo from './invitations-repo.ts';
import { linkErrors } from './invitations-service.ts';
import { passwordLoginOff } from './oidc-repo.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { findUserByEmail, updateUser } from './repo.ts';
import { revokeAllSessions } from './sessions.ts';

export const RESET_HOURS = 1;

/**
 * Always answers the same, in the same time: before the answer, a known and an unknown address cost the same
 * (one lookup, one audit row); the link is made and the mail sent after it, so neither the answer nor its time
 * tells whether the address has an account. Returns that later work (in an object: an async function would
 * wait for a returned promise), for tests to wait on; its failures are logged, never shown.
 */
export async function requestReset(
  deps: Deps,
  body: ResetRequestBody,
  log: (err: unknown) => void,
): Promise<{ sent: Promise<void> }> {
  const user = await findUserByEmail(deps.db, body.email);
  await deps.db.transaction((tx) =>
    audit(tx, {
      action: 'auth.reset_requested',
      entity: 'user',
      entityId: user?.id ?? null,
      tenantId: user?.tenantId ?? null,
      actorUserId: null,
    }),
  );
  if (!user) return { sent: Promise.resolve() };
  // On the next turn of the event loop: nothing of the link's work runs before the answer is sent.
  const later = new Promise<void>((resolve) => setImmediate(resolve));
  return { sent: later.then(() => sendReset(deps, user)).catch(log) };
}

async function sendReset(deps: Deps, user: NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>) {
  if (user.disabledAt || !deps.config.smtpUrl || (await passwordLoginOff(deps.db, user.tenantId))) return;
  const { token, hash } = repo.newLinkToken();
  await deps.db.transaction(async (tx) => {
    await repo.retireResets(tx, user.id);
    await repo.insertReset(tx, {
      userId: user.id,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + RESET_HOURS * 3_600_000),
    });
  });
  const link = new URL(`/reset-password#${token}`, deps.config.publicUrl).href;
  await sendLinkMail(deps.config, { kind: 'reset', to: user.email, locale: user.locale, link, hours: RESET_HOURS });
}

async function openReset(deps: Deps, token: string) {
  const found = await repo.resetByToken(deps.db, token);
  if (!found || found.user.disabledAt) throw linkErrors.invalid();
  if (found.reset.usedAt) throw linkErrors.used();
  if (found.reset.expiresAt.getTime() <= Date.now()) throw linkErrors.expired();
  return found;
}

/** Whether the link still works, before the user types a new password. */
export async function checkReset(deps: Deps, token: string): Promise<void> {
  await openReset(deps, token);
}

/** Sets the new password and ends every session of the user: whoever knew the old one is out. */
export async function completeReset(deps: Deps, token: string, password: string): Promise<number> {
  const { reset, user } = await openReset(deps, token);
  const problem = passwordProblem(password);
  if (problem) throw errors.validation([{ path: 'body.password', message: problem }]);
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    if (!(await repo.useReset(tx, reset.id))) throw linkErrors.used();
    await updateUser(tx, user.id, { passwordHash, failedLogins: 0, lockedUntil: null });
    const sessions = await revokeAllSessions(tx, user.id);
    await audit(tx, {
      action: 'auth.password_reset',
      entity: 'user',
      entityId: user.id,
      tenantId: user.tenantId,
      actorUserId: user.id,
      detail: { sessions },
    });
    return sessions;
  });
}

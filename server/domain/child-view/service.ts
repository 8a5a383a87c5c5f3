import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  CHILD_LINK_DAYS,
  CHILD_LINK_MAX_ATTEMPTS,
  CHILD_SESSION_DAYS,
  type ChildLinkCreated,
  type ChildLinkList,
  type ChildViewMe,
  type RedeemBody,
} from '../../../common/schemas/child-view.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { loadAccess } from '../children/access.ts';
import { authorize } from '../children/policy.ts';
import * as hubRepo from '../hub/repo.ts';
import { allTopics } from '../hub/presenter.ts';
import { authorizeSeeLinks } from './policy.ts';
import { presentChildMeetings, presentChildPage, presentLink } from './presenter.ts';
import * as repo from './repo.ts';
import { ownMessages } from '../childvoice/service.ts';
import { childAudit, childClosed, sessionOf, sha256 } from './session.ts';
import { inTurn } from '../../db/in-turn.ts';
import type { ErrorId } from '../../../common/errors.ts';

const DAY = 86_400_000;
const codeHash = (token: string, code: string) => sha256(`${token}:${code}`);

const gone = (id: ErrorId, message: string) => new AppError(410, id, message);
const askAgain = 'Ask the adult who gave you the link for a new one.';

/** A new link and one-time code. Both are returned once; only their hashes are kept. */
export async function createLink(deps: Deps, actor: Actor, childId: string): Promise<ChildLinkCreated> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'createChildLink');
    await repo.revokeWaitingLinks(tx, childId);
    const token = randomBytes(32).toString('base64url');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const link = await repo.insertLink(tx, {
      tenantId: actor.tenantId,
      childId,
      tokenHash: sha256(token),
      codeHash: codeHash(token, code),
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + CHILD_LINK_DAYS * DAY),
    });
    await audit(tx, { action: 'child_link.created', entity: 'child_link', entityId: link.id, childId });
    return {
      id: link.id,
      token,
      code,
      url: `${deps.config.publicUrl.replace(/\/$/, '')}/c/${token}`,
      expiresAt: link.expiresAt.toISOString(),
    };
  });
}

export async function listLinks(deps: Deps, actor: Actor, childId: string): Promise<ChildLinkList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeSeeLinks(a);
    const rows = await repo.linksOfChild(tx, childId);
    await audit(tx, { action: 'child_link.list', entity: 'child', entityId: childId, childId });
    return { items: rows.map((r) => presentLink(r.link, r.createdByName)) };
  });
}

/** Withdraws a link: unused, it stops working; redeemed, the child's device is logged out. */
export async function revokeLink(deps: Deps, actor: Actor, childId: string, linkId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'createChildLink');
    const rows = await repo.linksOfChild(tx, childId);
    const link = rows.find((r) => r.link.id === linkId)?.link;
    if (!link) throw errors.notFound('link');
    if (!link.revokedAt) await repo.updateLink(tx, linkId, { revokedAt: new Date() });
    await audit(tx, { action: 'child_link.revoked', entity: 'child_link', entityId: linkId, childId });
  });
}

type RedeemOutcome = { ok: true; sessionToken: string } | { ok: false; error: AppError };

/**
 * Exchanges link + code for a child session. A wrong code counts (and may
 * burn the link) in its own committed transaction, then the error is thrown.
 */
export async function redeem(deps: Deps, body: RedeemBody): Promise<string> {
  const outcome = await deps.db.transaction(async (tx): Promise<RedeemOutcome> => {
    const link = await repo.findByTokenHash(tx, sha256(body.token));
    if (!link) throw errors.notFound('link');
    const closed = await childClosed(tx, link.childId);
    if (link.revokedAt || closed) throw gone('child_link_revoked', `This link has been withdrawn. ${askAgain}`);
    if (link.redeemedAt) throw gone('child_link_used', `This link has already been used. ${askAgain}`);
    if (link.burntAt) throw gone('child_link_burnt', `This link is locked after too many wrong codes. ${askAgain}`);
    if (link.expiresAt.getTime() <= Date.now()) throw gone('child_link_expired', `This link is too old. ${askAgain}`);

    const expected = Buffer.from(link.codeHash, 'hex');
    const given = Buffer.from(codeHash(body.token, body.code), 'hex');
    if (!timingSafeEqual(expected, given)) {
      const after = await repo.countWrongCode(tx, link.id, CHILD_LINK_MAX_ATTEMPTS);
      const burnt = after.burntAt !== null;
      await audit(tx, childAudit(after, burnt ? 'child_link.burnt' : 'child_link.wrong_code'));
      const left = CHILD_LINK_MAX_ATTEMPTS - after.failedAttempts;
      return {
        ok: false,
        error: burnt
          ? gone('child_link_burnt', `Too many wrong codes: this link is now locked. ${askAgain}`)
          : new AppError(400, 'wrong_code', 'The code is not right.', [
              { path: 'body.code', message: `The code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.` },
            ]),
      };
    }
    const sessionToken = randomBytes(32).toString('base64url');
    const redeemed = await repo.redeemOnce(
      tx,
      link.id,
      sha256(sessionToken),
      new Date(Date.now() + CHILD_SESSION_DAYS * DAY),
    );
    if (!redeemed) throw gone('child_link_used', `This link has already been used. ${askAgain}`);
    await audit(tx, childAudit(redeemed, 'child_link.redeemed'));
    return { ok: true, sessionToken };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.sessionToken;
}

export async function childPage(deps: Deps, sessionToken: string): Promise<ChildViewMe> {
  return deps.db.transaction(async (tx) => {
    const link = await sessionOf(tx, sessionToken);
    const child = await repo.childOfLink(tx, link.childId);
    if (!child) throw errors.unauthenticated();
    const [members, assignments, tenantTopics, messages, meetings] = await inTurn(
      () => hubRepo.namedMembers(tx, child.id, { includeEnded: false }),
      () => hubRepo.assignmentsFor(tx, [child.id]),
      () => hubRepo.listTenantTopics(tx, child.tenantId, { includeArchived: false }),
      () => ownMessages(tx, child.id),
      () => repo.childInvitedMeetings(tx, child.id),
    );
    const invited = await repo.invitedOfMeetings(
      tx,
      meetings.map((m) => m.id),
    );
    await audit(tx, { ...childAudit(link, 'child_view.read'), entity: 'child', entityId: child.id });
    const topics = new Map(allTopics(tenantTopics).map((t) => [t.key, t]));
    return presentChildPage(
      child,
      members,
      assignments,
      topics,
      messages,
      presentChildMeetings(meetings, invited, members),
    );
  });
}

export async function childLogout(deps: Deps, sessionToken: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const link = await sessionOf(tx, sessionToken);
    await repo.updateLink(tx, link.id, { sessionExpiresAt: new Date() });
    await audit(tx, childAudit(link, 'child_view.logout'));
  });
}

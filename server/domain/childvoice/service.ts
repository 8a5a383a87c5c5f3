import {
  CHILD_MESSAGES_PER_HOUR,
  type ChildMessage,
  type ChildMessageAnswerBody,
  type ChildMessageBody,
  type ChildMessageList,
  type ChildOwnMessage,
} from '../../../common/schemas/childvoice.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { notify } from '../../notify/index.ts';
import { childAudit, sessionOf } from '../child-view/session.ts';
import { loadAccess, type ChildAccess } from '../children/access.ts';
import * as hubRepo from '../hub/repo.ts';
import { auditSharing } from '../sharing/audit.ts';
import { loadGrants } from '../sharing/rule.ts';
import { authorizeAnswer, authorizeReadMessages, canAnswer } from './policy.ts';
import { presentMessage, presentOwnMessage } from './presenter.ts';
import * as repo from './repo.ts';

const HOUR = 3_600_000;
/**
 * What the child says to the hub is part of the social services' case about the child, whoever it is sent to:
 * owned by the receiver's organisation, so the adult the child chose always reads it, and others only under a
 * consent or legal basis for social services information (purpose hub).
 */
export const CHILD_MESSAGE_CATEGORY = 'social_services';

/** Who hears from the child when the child chose nobody: the social worker, else the god man, else any staff. */
function defaultReceiver(members: hubRepo.NamedMember[]): hubRepo.NamedMember | undefined {
  const order = ['social_worker', 'god_man', 'contact_person'];
  for (const role of order) {
    const m = members.find((n) => n.member.hubRole === role);
    if (m) return m;
  }
  return members.find((n) => n.member.hubRole !== 'civil_society');
}

/** The child's own messages with the answers, for the child's page. */
export async function ownMessages(tx: Db, childId: string): Promise<ChildOwnMessage[]> {
  const rows = await repo.messagesOfChild(tx, childId);
  const ids = rows.flatMap((r) => [r.toMemberId, ...(r.answeredByMemberId ? [r.answeredByMemberId] : [])]);
  const names = await hubRepo.namedMembersById(tx, [...new Set(ids)]);
  return rows.map((r) => presentOwnMessage(r, names));
}

/** The child sends a message from their page. Rate-limited per child; the receiver gets a notice. */
export async function sendMessage(deps: Deps, sessionToken: string, body: ChildMessageBody): Promise<ChildOwnMessage> {
  return deps.db.transaction(async (tx) => {
    const link = await sessionOf(tx, sessionToken);
    // One message at a time per child, so the hourly count cannot be raced past.
    await repo.lockChild(tx, link.childId);
    const members = await hubRepo.namedMembers(tx, link.childId, { includeEnded: false });
    let receiver: hubRepo.NamedMember | undefined;
    if (body.toMemberId !== undefined) {
      // Staff only: a volunteer has the child's narrow view and could not read or answer it.
      receiver = members.find((m) => m.member.id === body.toMemberId && m.member.hubRole !== 'civil_society');
      if (!receiver) throw errors.validation([{ path: 'body.toMemberId', message: 'Choose one of your adults.' }]);
    } else if (body.kind === 'talk_to') {
      throw errors.validation([{ path: 'body.toMemberId', message: 'Choose the adult you want to talk to.' }]);
    } else {
      receiver = defaultReceiver(members);
      if (!receiver) throw errors.conflict('no_adult', 'There is no adult in the hub to send this to yet.');
    }
    const since = new Date(Date.now() - HOUR);
    const recent = await repo.countSince(tx, link.childId, since);
    if (recent.n >= CHILD_MESSAGES_PER_HOUR) {
      const wait = recent.oldest ? (recent.oldest.getTime() + HOUR - Date.now()) / 1000 : 3600;
      throw new AppError(
        429,
        'too_many_messages',
        `You have sent ${CHILD_MESSAGES_PER_HOUR} messages in the last hour. Wait a while before you send another.`,
        undefined,
        { 'retry-after': String(Math.max(1, Math.ceil(wait))) },
      );
    }
    const row = await repo.insertMessage(tx, {
      tenantId: link.tenantId,
      childId: link.childId,
      linkId: link.id,
      kind: body.kind,
      text: body.text ? body.text : null,
      lang: body.lang,
      toMemberId: receiver.member.id,
      ownerOrganisationId: receiver.member.organisationId,
      category: CHILD_MESSAGE_CATEGORY,
    });
    await notify(tx, {
      tenantId: link.tenantId,
      userIds: [receiver.member.userId],
      kind: `childMessage.${body.kind}`,
      childId: link.childId,
      params: { messageKind: body.kind },
      link: `/children/${link.childId}#child-messages`,
      urgency: body.kind === 'changed' ? 'immediate' : 'normal',
      sourceId: row.id,
    });
    await audit(tx, {
      ...childAudit(link, 'child_message.sent', { kind: body.kind, toMemberId: receiver.member.id }),
      entity: 'child_message',
      entityId: row.id,
    });
    return presentOwnMessage(row, new Map([[receiver.member.id, receiver]]));
  });
}

async function present(tx: Db, a: ChildAccess, rows: repo.ChildMessageRow[]): Promise<ChildMessage[]> {
  const ids = rows.flatMap((r) => [r.toMemberId, ...(r.answeredByMemberId ? [r.answeredByMemberId] : [])]);
  const names = await hubRepo.namedMembersById(tx, [...new Set(ids)]);
  const may = canAnswer(a);
  return rows.map((r) =>
    presentMessage(r, names, r.answeredByMemberId ? (names.get(r.answeredByMemberId)?.userName ?? null) : null, may),
  );
}

const guarded = (r: repo.ChildMessageRow) => ({ owner: r.ownerOrganisationId, category: r.category });

/** The child's messages the reader may see; what is kept back is counted in the audit, never shown. */
export async function listMessages(deps: Deps, actor: Actor, childId: string): Promise<ChildMessageList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeReadMessages(a);
    const rows = await repo.visibleMessages(tx, actor, childId);
    const withheld = await repo.withheldMessages(tx, actor, childId);
    const items = await present(tx, a, rows);
    await audit(tx, { action: 'child_message.list', entity: 'child', entityId: childId, childId });
    await auditSharing(tx, {
      grants: await loadGrants(tx, actor, childId),
      purpose: 'hub',
      entity: 'child_messages',
      entityId: childId,
      shown: rows.map(guarded),
      withheld,
    });
    return { items, someWithheld: withheld.length > 0 };
  });
}

/** An adult answers the child, once; the child reads the answer on their page. */
export async function answerMessage(
  deps: Deps,
  actor: Actor,
  childId: string,
  messageId: string,
  body: ChildMessageAnswerBody,
): Promise<ChildMessage> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    const found = await repo.findVisibleMessage(tx, actor, childId, messageId);
    if (!found) throw errors.notFound('message');
    authorizeAnswer(a);
    if (found.answeredAt) throw errors.conflict('already_answered', 'Someone has already answered this message.');
    const mine = a.mine.find((m) => m.hubRole !== 'civil_society');
    const row = await repo.answerOnce(tx, messageId, {
      answerText: body.text,
      answerLang: body.lang,
      answeredBy: actor.userId,
      answeredByMemberId: mine?.id ?? null,
    });
    if (!row) throw errors.conflict('already_answered', 'Someone has already answered this message.');
    const [item] = await present(tx, a, [row]);
    await audit(tx, {
      action: 'child_message.answered',
      entity: 'child_message',
      entityId: messageId,
      childId,
      detail: { lang: body.lang },
    });
    return item!;
  });
}

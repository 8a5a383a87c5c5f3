import { PrincipalType } from '../../../common/roles.ts';
import { audit } from '../../audit/write.ts';
import type { Db } from '../../db/connect.ts';
import { isPrincipal } from '../sharing/lookup.ts';
import * as drafts from './drafts-repo.ts';
import * as repo from './repo.ts';

/**
 * A municipality that makes an I-SIP for every rejection (Strömsund does) gets the draft at once, not a
 * reminder to make one: status draft, the hub's social worker as initiator, the hub's open members as
 * participants (principals summoned, the rest invited; nothing is sent until the social worker sends it).
 * No draft when the child already has a plan that has not ended, or no social worker to own it.
 * Returns the new plan's id, or null.
 */
export async function draftIsip(tx: Db, tenantId: string, childId: string, cause: string): Promise<string | null> {
  if (await repo.openPlanOfChild(tx, childId)) return null;
  const members = await drafts.openMembersOf(tx, childId);
  const initiator = members.find((m) => m.hubRole === 'social_worker');
  if (!initiator) return null;
  const plan = await repo.insertPlan(tx, { tenantId, childId, kind: 'isip', initiatorId: initiator.userId });
  const seen = new Set<string>();
  const participants = members.filter((m) => !seen.has(m.userId) && seen.add(m.userId));
  await drafts.insertParticipants(
    tx,
    participants.map((m, position) => ({
      tenantId,
      planId: plan.id,
      userId: m.userId,
      organisationId: m.organisationId,
      kind: isPrincipal({ principalType: PrincipalType.parse(m.principalType) }) ? 'summons' : 'invitation',
      position,
    })),
  );
  await audit(tx, {
    action: 'plan.created',
    entity: 'plan',
    entityId: plan.id,
    childId,
    tenantId,
    actorUserId: null,
    organisationId: null,
    detail: { kind: 'isip', drafted: cause },
  });
  return plan.id;
}

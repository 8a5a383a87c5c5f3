import type { PlanVersion } from '../../../common/schemas/plans.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { auditSharing } from '../sharing/audit.ts';
import { personOf, personRefs } from '../sharing/lookup.ts';
import { loadGrants } from '../sharing/rule.ts';
import { filterContent } from './content.ts';
import { authorize, loadPlan, type PlanAccess } from './policy.ts';
import * as repo from './repo.ts';

/**
 * One adopted version as the reader may see it: read-only, filtered with the
 * JS form of the sharing rule (the frozen copy is one JSON document), audited
 * like a read of the live plan.
 */
export async function readVersion(tx: Db, pa: PlanAccess, number: number, use: string): Promise<PlanVersion> {
  const v = await repo.findVersion(tx, pa.plan.id, number);
  if (!v) throw errors.notFound('plan version');
  const grants = await loadGrants(tx, pa.a.actor, pa.plan.childId);
  const { content, shown, withheld } = filterContent(v.content, grants);
  await audit(tx, {
    action: `plan.version_${use}`,
    entity: 'plan',
    entityId: pa.plan.id,
    childId: pa.plan.childId,
    detail: { version: number },
  });
  await auditSharing(tx, { grants, purpose: 'plan', entity: 'plan', entityId: pa.plan.id, shown, withheld });
  const people = await personRefs(tx, pa.plan.tenantId, [v.adoptedBy, v.followUpUserId]);
  return {
    planId: pa.plan.id,
    childId: pa.plan.childId,
    childName: pa.a.child.displayName,
    number: v.number,
    adoptedAt: v.adoptedAt.toISOString(),
    adoptedBy: personOf(people, v.adoptedBy),
    childApproval: { approved: v.childApproved, note: v.childApprovalNote },
    followUpOn: v.followUpOn,
    followUpBy: personOf(people, v.followUpUserId),
    meetingWaiverReason: v.meetingWaiverReason,
    content,
    someWithheld: withheld.length > 0,
  };
}

export async function getVersion(deps: Deps, actor: Actor, id: string, number: number): Promise<PlanVersion> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'read');
    return readVersion(tx, pa, number, 'read');
  });
}

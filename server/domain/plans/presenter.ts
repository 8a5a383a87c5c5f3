import type { Plan, PlanSummary } from '../../../common/schemas/plans.ts';
import type { Db } from '../../db/connect.ts';
import { auditSharing } from '../sharing/audit.ts';
import { personOf, personRefs } from '../sharing/lookup.ts';
import { loadGrants } from '../sharing/rule.ts';
import { missingFor } from './adoption-rules.ts';
import { buildContent } from './content.ts';
import { abilitiesOf, canEditItem, isEditable, type PlanAccess } from './policy.ts';
import * as repo from './repo.ts';

export function presentSummary(p: repo.PlanRow): PlanSummary {
  return {
    id: p.id,
    kind: p.kind as PlanSummary['kind'],
    status: p.status as PlanSummary['status'],
    adoptedVersion: p.adoptedVersion,
    followUpOn: p.followUpOn,
    endedReason: p.endedReason as PlanSummary['endedReason'],
    createdAt: p.createdAt.toISOString(),
  };
}

/**
 * The live plan as one reader sees it. Entries and measures come through the
 * SQL form of the sharing rule; what is kept back is only counted, for the
 * audit and the "not everything is shared with you" line. Every share and
 * every withholding is audited in the caller's transaction.
 */
export async function presentPlan(tx: Db, pa: PlanAccess, now: Date = new Date()): Promise<Plan> {
  const { a, plan } = pa;
  const actor = a.actor;
  // One after another: a transaction is one connection.
  const entries = await repo.visibleEntries(tx, actor, plan.id);
  const measures = await repo.visibleMeasures(tx, actor, plan.id);
  const participants = await repo.participantsOf(tx, plan.id);
  const withheld = await repo.withheldItems(tx, actor, plan.id);
  const versions = await repo.versionsOf(tx, plan.id);
  const followUps = await repo.followUpsOf(tx, plan.id);
  const meetingRows = await repo.meetingsOf(tx, plan.id);
  const content = await buildContent(tx, { plan, entries, measures, participants }, now);
  const decisionRows = await repo.decisionsOfMeetings(
    tx,
    meetingRows.map((m) => m.id),
  );
  const people = await personRefs(tx, actor.tenantId, [
    plan.followUpUserId,
    ...versions.map((v) => v.adoptedBy),
    ...followUps.map((f) => f.recordedBy),
    ...decisionRows.map((d) => d.ownerUserId),
  ]);
  const grants = await loadGrants(tx, actor, plan.childId, now);
  await auditSharing(tx, {
    grants,
    purpose: 'plan',
    entity: 'plan',
    entityId: plan.id,
    shown: [...entries, ...measures].map((i) => ({ owner: i.owningOrganisationId, category: i.category })),
    withheld,
  });
  const visibleMeasureIds = new Set(measures.map((m) => m.id));
  return {
    ...content,
    id: plan.id,
    childId: plan.childId,
    childName: a.child.displayName,
    status: plan.status as Plan['status'],
    editable: isEditable(pa),
    adoptedVersion: plan.adoptedVersion,
    versions: versions.map((v) => ({
      number: v.number,
      adoptedAt: v.adoptedAt.toISOString(),
      adoptedBy: personOf(people, v.adoptedBy),
    })),
    followUpOn: plan.followUpOn,
    followUpBy: plan.followUpUserId ? personOf(people, plan.followUpUserId) : null,
    followUps: followUps.map((f) => ({
      id: f.id,
      versionNumber: f.versionNumber,
      heldOn: f.heldOn,
      recordedBy: personOf(people, f.recordedBy),
      summary: f.summary,
      // What happened with a measure the reader does not see is not theirs to read either.
      outcomes: f.outcomes
        .filter((o) => visibleMeasureIds.has(o.measureId))
        .map((o) => ({ ...o, status: o.status as Plan['measures'][number]['status'] })),
      createdAt: f.createdAt.toISOString(),
    })),
    invitationsSentAt: plan.invitationsSentAt?.toISOString() ?? null,
    meetings: meetingRows.map((m) => ({
      id: m.id,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      status: m.status as Plan['meetings'][number]['status'],
    })),
    decisions: decisionRows.map((d) => ({
      id: d.id,
      meetingId: d.meetingId,
      text: d.text,
      owner: personOf(people, d.ownerUserId),
      dueOn: d.dueOn,
      status: d.status,
    })),
    endedReason: plan.endedReason as Plan['endedReason'],
    endedNote: plan.endedNote,
    endedAt: plan.endedAt?.toISOString() ?? null,
    missing: plan.status === 'ended' ? [] : await missingFor(tx, plan, now),
    someWithheld: withheld.length > 0,
    editableItems: [...entries, ...measures].filter((i) => canEditItem(pa, i.owningOrganisationId)).map((i) => i.id),
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    abilities: abilitiesOf(pa),
  };
}

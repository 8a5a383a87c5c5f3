import { todayInSweden } from '../../../common/schemas/children.ts';
import type { PlanContent, PlanEntry, PlanMeasure } from '../../../common/schemas/plans.ts';
import type { SharingPurpose } from '../../../common/schemas/sharing.ts';
import type { Db } from '../../db/connect.ts';
import * as consentRepo from '../consent/repo.ts';
import { organisationOf, organisationRefs, personOf, personRefs } from '../sharing/lookup.ts';
import { decide, type Grants, type Guarded } from '../sharing/rule.ts';
import type * as repo from './repo.ts';

export interface ContentRows {
  plan: repo.PlanRow;
  entries: repo.EntryRow[];
  measures: repo.MeasureRow[];
  participants: repo.ParticipantRow[];
}

/**
 * The plan's content from its rows: what an adopted version freezes, and what
 * the live plan shows. The caller decides which rows go in (all of them for
 * the frozen copy, only the shared ones for a reader).
 */
export async function buildContent(tx: Db, rows: ContentRows, now: Date = new Date()): Promise<PlanContent> {
  const { plan, entries, measures, participants } = rows;
  const tenantId = plan.tenantId;
  const people = await personRefs(tx, tenantId, [
    plan.initiatorId,
    plan.chairId,
    ...entries.map((e) => e.createdBy),
    ...measures.map((m) => m.responsibleUserId),
    ...participants.map((p) => p.userId),
  ]);
  const orgs = await organisationRefs(tx, tenantId, [
    plan.overallResponsibleOrganisationId,
    ...entries.map((e) => e.owningOrganisationId),
    ...measures.flatMap((m) => [m.owningOrganisationId, m.responsibleOrganisationId]),
    ...participants.map((p) => p.organisationId),
  ]);
  const consent = plan.consentId ? await consentRepo.findConsent(tx, tenantId, plan.consentId) : null;
  const entry = (e: repo.EntryRow): PlanEntry => ({
    id: e.id,
    kind: e.kind as PlanEntry['kind'],
    text: e.text,
    category: e.category as PlanEntry['category'],
    owningOrganisation: organisationOf(orgs, e.owningOrganisationId),
    createdBy: personOf(people, e.createdBy),
    createdAt: e.createdAt.toISOString(),
  });
  return {
    kind: plan.kind as PlanContent['kind'],
    initiator: personOf(people, plan.initiatorId),
    chair: plan.chairId ? personOf(people, plan.chairId) : null,
    consent: consent
      ? {
          id: consent.id,
          state: consentRepo.stateOf(consent, todayInSweden(now)),
          validFrom: consent.validFrom,
          validTo: consent.validTo,
          forPlan: consent.purposes.includes('plan'),
        }
      : null,
    childParticipation: plan.childParticipation as PlanContent['childParticipation'],
    childWords: plan.childWords,
    childGoals: plan.childGoals,
    relativesTakePart: plan.relativesTakePart,
    childObjectsToRelatives: plan.childObjectsToRelatives,
    relativesNote: plan.relativesNote,
    participants: participants.map((p) => ({
      id: p.id,
      userId: p.userId,
      displayName: p.userId ? personOf(people, p.userId).displayName : (p.name ?? '—'),
      organisation: p.organisationId ? organisationOf(orgs, p.organisationId) : null,
      organisationName: p.organisationName,
      kind: p.kind as 'summons' | 'invitation',
      invitedAt: p.invitedAt?.toISOString() ?? null,
    })),
    needs: entries.filter((e) => e.kind === 'need').map(entry),
    notes: entries.filter((e) => e.kind === 'note').map(entry),
    measures: measures.map((m): PlanMeasure => ({
      id: m.id,
      needId: m.needId,
      description: m.description,
      responsibleOrganisation: organisationOf(orgs, m.responsibleOrganisationId),
      responsibleUser: m.responsibleUserId ? personOf(people, m.responsibleUserId) : null,
      responsibleName: m.responsibleName,
      startOn: m.startOn,
      endOn: m.endOn,
      status: m.status as PlanMeasure['status'],
      goal: m.goal,
      category: m.category as PlanMeasure['category'],
      owningOrganisation: organisationOf(orgs, m.owningOrganisationId),
      version: m.version,
    })),
    overallResponsibleOrganisation: plan.overallResponsibleOrganisationId
      ? organisationOf(orgs, plan.overallResponsibleOrganisationId)
      : null,
    noOtherMeasures: plan.noOtherMeasures,
  };
}

const guardedOf = (i: { owningOrganisation: { id: string }; category: string }): Guarded => ({
  owner: i.owningOrganisation.id,
  category: i.category,
});

/**
 * A frozen copy seen by one reader: the JS form of the sharing rule drops what
 * is not shared with them. Returns what was shown and kept back, for the audit.
 */
export function filterContent(
  content: PlanContent,
  grants: Grants,
  purpose: SharingPurpose = 'plan',
): { content: PlanContent; shown: Guarded[]; withheld: Guarded[] } {
  const shown: Guarded[] = [];
  const withheld: Guarded[] = [];
  const keep = <T extends { owningOrganisation: { id: string }; category: string }>(items: T[]): T[] =>
    items.filter((i) => {
      const visible = decide(grants, guardedOf(i), purpose).visible;
      (visible ? shown : withheld).push(guardedOf(i));
      return visible;
    });
  const measures = keep(content.measures);
  const visibleNeeds = keep(content.needs);
  const needIds = new Set(visibleNeeds.map((n) => n.id));
  return {
    content: {
      ...content,
      needs: visibleNeeds,
      notes: keep(content.notes),
      // A hidden need is not named through the measure that answers it.
      measures: measures.map((m) => (m.needId && !needIds.has(m.needId) ? { ...m, needId: null } : m)),
    },
    shown,
    withheld,
  };
}

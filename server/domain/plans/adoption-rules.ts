import { todayInSweden } from '../../../common/schemas/children.ts';
import type { MissingKey } from '../../../common/schemas/plans.ts';
import type { Db } from '../../db/connect.ts';
import { errors, type Issue } from '../../errors.ts';
import * as consentRepo from '../consent/repo.ts';
import { isPrincipal, organisationRefs } from '../sharing/lookup.ts';
import * as repo from './repo.ts';

const messages: Record<MissingKey, string> = {
  consentId: 'The plan needs the child’s valid consent, given for the plan.',
  chairUserId: 'Name the chair of the SIP meeting.',
  childParticipation: 'Record how the child took part.',
  measures: 'Part 1: name the measures that are needed.',
  principalMeasures:
    'Part 2: say which measures each principal is responsible for (a SIP needs the municipality and the region).',
  otherMeasures: 'Part 3: add the measures others take, or say that there are none.',
  overallResponsibleOrganisationId: 'Part 4: name the principal with overall responsibility.',
  measureResponsible: 'Every measure needs a responsible person.',
  meetingHeld: 'Hold the SIP meeting first, or adopt without it and give the reason (meetingWaiver.reason).',
};

/** Whether a consent makes the plan lawful today: the child's own, valid, for the plan purpose. */
export async function consentHolds(tx: Db, plan: repo.PlanRow, now: Date = new Date()): Promise<boolean> {
  if (!plan.consentId) return false;
  const c = await consentRepo.findConsent(tx, plan.tenantId, plan.consentId);
  return (
    c !== null &&
    c.childId === plan.childId &&
    c.purposes.includes('plan') &&
    consentRepo.stateOf(c, todayInSweden(now)) === 'valid'
  );
}

/**
 * What adoption still lacks. Checked on all of the plan's measures, also those
 * the reader does not see: the law's four parts are about the plan, not a view of it.
 */
export async function missingFor(tx: Db, plan: repo.PlanRow, now: Date = new Date()): Promise<MissingKey[]> {
  const measures = await repo.allMeasures(tx, plan.id);
  const orgs = await organisationRefs(
    tx,
    plan.tenantId,
    measures.map((m) => m.responsibleOrganisationId),
  );
  const types = new Set(measures.map((m) => orgs.get(m.responsibleOrganisationId)?.principalType));
  const byOthers = measures.some((m) => {
    const o = orgs.get(m.responsibleOrganisationId);
    return o !== undefined && !isPrincipal(o);
  });
  const principalsOk =
    plan.kind === 'sip'
      ? types.has('municipality') && types.has('region')
      : types.has('municipality') || types.has('region');
  const missing: MissingKey[] = [];
  if (!(await consentHolds(tx, plan, now))) missing.push('consentId');
  if (!plan.chairId) missing.push('chairUserId');
  if (!plan.childParticipation) missing.push('childParticipation');
  if (measures.length === 0) missing.push('measures');
  if (!principalsOk) missing.push('principalMeasures');
  if (!byOthers && !plan.noOtherMeasures) missing.push('otherMeasures');
  if (!plan.overallResponsibleOrganisationId) missing.push('overallResponsibleOrganisationId');
  if (measures.some((m) => !m.responsibleUserId && !m.responsibleName)) missing.push('measureResponsible');
  if (!(await repo.hasHeldMeeting(tx, plan.id))) missing.push('meetingHeld');
  return missing;
}

export function missingIssues(missing: MissingKey[]): Issue[] {
  return missing.map((key) => ({ path: `plan.${key}`, message: messages[key] }));
}

/** 400 naming what the plan lacks (plus the body's own issues), before anything is written. */
export function throwIfMissing(missing: MissingKey[], bodyIssues: Issue[] = []): void {
  const issues = [...missingIssues(missing), ...bodyIssues];
  if (issues.length > 0) throw errors.validation(issues, 'The plan cannot be adopted yet.');
}

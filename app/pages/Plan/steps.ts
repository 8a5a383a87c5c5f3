import type { MissingKey, Plan } from '../../../common/schemas/plans.ts';

/**
 * The plan editor's steps in the order the work is done. `id` is what the URL carries
 * (`?step=measures`) and, as `step-<id>-heading`, the id of the step's heading; `key` names its
 * title under `plans.steps`.
 */
export const planSteps = [
  { id: 'needs', key: 'needs' },
  { id: 'prepare', key: 'prepare' },
  { id: 'invite', key: 'invite' },
  { id: 'meeting', key: 'meeting' },
  { id: 'measures', key: 'measures' },
  { id: 'adopt', key: 'adopt' },
  { id: 'follow-up', key: 'followUp' },
  { id: 'end', key: 'end' },
] as const;

export type PlanStep = (typeof planSteps)[number];
export type StepId = PlanStep['id'];
export type StepState = 'done' | 'current' | 'todo';

/** Where the user fixes each part adoption still lacks. */
export const stepOf: Record<MissingKey, StepId> = {
  consentId: 'prepare',
  chairUserId: 'prepare',
  childParticipation: 'prepare',
  measures: 'measures',
  principalMeasures: 'measures',
  otherMeasures: 'measures',
  overallResponsibleOrganisationId: 'measures',
  measureResponsible: 'measures',
  meetingHeld: 'meeting',
};

const lacks = (plan: Plan, id: StepId) => plan.missing.some((k) => stepOf[k] === id);

/** Whether the plan itself shows the step's work as done. */
export function isStepDone(plan: Plan, id: StepId): boolean {
  // A version in force that is not being changed settled the steps before it, also those it was adopted
  // without (the meeting, when waived) or that have lapsed since (the consent): what is left is a new version.
  const settled = plan.adoptedVersion > 0 && !plan.editable;
  switch (id) {
    case 'needs':
      return settled || plan.needs.length > 0;
    case 'prepare':
    case 'meeting':
    case 'measures':
      return settled || !lacks(plan, id);
    case 'invite':
      return settled || plan.invitationsSentAt !== null || plan.participants.some((p) => p.invitedAt !== null);
    case 'adopt':
      // A new version being prepared is adopted anew.
      return settled;
    case 'follow-up':
      return plan.followUps.length > 0;
    case 'end':
      return plan.status === 'ended';
  }
}

/** The step the work is at: the first not done; an ended plan is at its end, an adopted one at follow-up. */
export function currentStep(plan: Plan): StepId {
  if (plan.status === 'ended') return 'end';
  if (plan.adoptedVersion > 0 && !plan.editable) return 'follow-up';
  return planSteps.find((s) => !isStepDone(plan, s.id))?.id ?? 'adopt';
}

export function stepStates(plan: Plan): Record<StepId, StepState> {
  const current = currentStep(plan);
  return Object.fromEntries(
    planSteps.map((s) => [s.id, isStepDone(plan, s.id) ? 'done' : s.id === current ? 'current' : 'todo']),
  ) as Record<StepId, StepState>;
}

export function isStepId(value: string | null): value is StepId {
  return planSteps.some((s) => s.id === value);
}

import { describe, expect, it } from 'vitest';
import { missingKeys, type Plan } from '../../../common/schemas/plans.ts';
import { currentStep, stepStates } from './steps.ts';

// Only what the step logic reads; the rest of a plan does not decide a step's state.
const plan = (over: Partial<Plan> = {}): Plan =>
  ({
    status: 'draft',
    editable: true,
    adoptedVersion: 0,
    needs: [],
    participants: [],
    invitationsSentAt: null,
    followUps: [],
    missing: [...missingKeys],
    ...over,
  }) as Plan;

const need = { id: 'n' } as Plan['needs'][number];

describe('the plan editor steps', () => {
  it('a new plan is at its needs, every later step still to do', () => {
    expect(currentStep(plan())).toBe('needs');
    expect(stepStates(plan())).toEqual({
      needs: 'current',
      prepare: 'todo',
      invite: 'todo',
      meeting: 'todo',
      measures: 'todo',
      adopt: 'todo',
      'follow-up': 'todo',
      end: 'todo',
    });
  });

  it('is at the first step not done, by what the plan still lacks', () => {
    const prepared = plan({ needs: [need], missing: ['measures', 'meetingHeld'] });
    expect(currentStep(prepared)).toBe('invite');
    expect(stepStates(prepared)).toMatchObject({ needs: 'done', prepare: 'done', invite: 'current', measures: 'todo' });
    const invited = plan({ ...prepared, invitationsSentAt: '2026-05-01T10:00:00Z' });
    expect(currentStep(invited)).toBe('meeting');
    expect(currentStep(plan({ ...invited, missing: ['measures'] }))).toBe('measures');
    expect(currentStep(plan({ ...invited, missing: [] }))).toBe('adopt');
  });

  it('an adopted plan is at its follow-up, the steps before settled by the adoption (a waived meeting too)', () => {
    const adopted = plan({ status: 'active', editable: false, adoptedVersion: 1, missing: ['meetingHeld'] });
    expect(currentStep(adopted)).toBe('follow-up');
    expect(stepStates(adopted)).toMatchObject({ meeting: 'done', adopt: 'done', 'follow-up': 'current', end: 'todo' });
  });

  it('a new version being prepared is adopted anew', () => {
    const revising = plan({ status: 'active', editable: true, adoptedVersion: 1, needs: [need], missing: [] });
    expect(stepStates(revising).adopt).not.toBe('done');
    expect(currentStep(plan({ ...revising, invitationsSentAt: '2026-05-01T10:00:00Z' }))).toBe('adopt');
  });

  it('an ended plan is at its end, and it is done', () => {
    const ended = plan({ status: 'ended', editable: false, adoptedVersion: 1 });
    expect(currentStep(ended)).toBe('end');
    expect(stepStates(ended).end).toBe('done');
  });
});

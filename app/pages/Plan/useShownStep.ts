import { useEffect, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { Plan } from '../../../common/schemas/plans.ts';
import { currentStep, isStepId, type StepId } from './steps.ts';

/**
 * The step shown, kept in the URL (`?step=measures`) so a reload, the browser's back button and a
 * link all land on it. When the URL names none, the step the work is at is written into it: fixed on
 * arrival, so the page does not move on by itself as the plan fills in.
 *
 * Each move to another step (the stepper, back and next, a link to a missing part, the browser's
 * history) puts focus on the step's heading, so a keyboard or screen reader user starts at the step
 * instead of at the link they left. Arriving at the page does not.
 */
export function useShownStep(plan: Plan): StepId {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const named = params.get('step');
  const shown = isStepId(named) ? named : currentStep(plan);
  const seen = useRef(location.key);
  // The default written into the URL is a navigation too, but not a move the user made.
  const quiet = useRef(false);

  useEffect(() => {
    if (isStepId(named)) return;
    quiet.current = true;
    setParams(
      (now) => {
        const next = new URLSearchParams(now);
        next.set('step', shown);
        return next;
      },
      { replace: true },
    );
  }, [named, shown, setParams]);

  useEffect(() => {
    if (seen.current === location.key) return;
    seen.current = location.key;
    if (quiet.current) {
      quiet.current = false;
      return;
    }
    document.getElementById(`step-${shown}-heading`)?.focus();
  }, [location.key, shown]);

  return shown;
}

/** The link target that shows a step (the path stays the plan's). */
export const stepLink = (id: StepId) => ({ search: `?step=${id}` });

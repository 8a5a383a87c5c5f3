import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan } from '../../../common/schemas/plans.ts';
import { planSteps, stepStates, type StepId } from './steps.ts';
import { stepLink } from './useShownStep.ts';

const marks = { done: '✓', current: '●', todo: '○' } as const;

/**
 * The plan's steps in order, each saying whether it is done, where the work is, or still to do (in words,
 * not by colour or mark alone), and which one is shown.
 */
export function PlanStepper({ plan, shown }: { plan: Plan; shown: StepId }) {
  const { t } = useTranslation();
  const states = stepStates(plan);
  return (
    <nav aria-label={t('plans.steps.label')}>
      <ol className="plan-steps">
        {planSteps.map((s) => (
          <li key={s.id} className={`plan-steps__item plan-steps__item--${states[s.id]}`}>
            <Link to={stepLink(s.id)} aria-current={s.id === shown ? 'step' : undefined}>
              <span className="plan-steps__name">{t(`plans.steps.${s.key}`)}</span>
              <span className="visually-hidden">, </span>
              <span className="plan-steps__state">
                <span aria-hidden="true">{marks[states[s.id]]} </span>
                {t(`everyday.plan.stepper.${states[s.id]}`)}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Back and next, each naming the step it goes to. */
export function StepPager({ shown }: { shown: StepId }) {
  const { t } = useTranslation();
  const at = planSteps.findIndex((s) => s.id === shown);
  const previous = planSteps[at - 1];
  const next = planSteps[at + 1];
  return (
    <div className="plan-pager">
      {previous ? (
        <Link className="button button--secondary" to={stepLink(previous.id)}>
          <span aria-hidden="true">← </span>
          {t('everyday.plan.stepper.previous', { step: t(`plans.steps.${previous.key}`) })}
        </Link>
      ) : null}
      {next ? (
        <Link className="button plan-pager__next" to={stepLink(next.id)}>
          {t('everyday.plan.stepper.next', { step: t(`plans.steps.${next.key}`) })}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Plan } from '../../../common/schemas/plans.ts';
import { isApiError } from '../../api/client.ts';
import { useFormatDate } from '../../components/format.ts';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { usePlan } from '../../components/plans/api.ts';
import '../../components/plans/plans.css';
import { Saved } from '../../components/plans/values.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { NotFoundPage } from '../NotFound/NotFoundPage.tsx';
import { AdoptStep, MissingList } from './AdoptStep.tsx';
import { EntriesStep } from './EntriesStep.tsx';
import { EndStep, FollowUpStep } from './FollowUpStep.tsx';
import { InviteStep, MeetingStep } from './InviteStep.tsx';
import { MeasuresStep } from './MeasuresStep.tsx';
import { PlanStepper, StepPager } from './PlanStepper.tsx';
import { PrepareStep } from './PrepareStep.tsx';
import type { StepId } from './steps.ts';
import { useShownStep } from './useShownStep.ts';
import { childViewPath } from '../../components/hub/sections.ts';

/**
 * The plan editor: a guided sequence through the steps (identify need → prepare and check consent →
 * invite → meeting → measures → adopt → follow up → end), one step at a time, with where the plan
 * stands in the stepper above it and, while it can change, what is still missing before adoption.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const date = useFormatDate();
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const p = plan.data;
  useDocumentTitle(p ? t('plans.pageTitle', { kind: t(`plans.kind.${p.kind}`), name: p.childName }) : t('plans.title'));

  if (isApiError(plan.error) && (plan.error.status === 404 || plan.error.status === 400)) return <NotFoundPage />;
  if (plan.isPending) return <Loading />;
  if (!p) {
    return (
      <div className="page">
        <h1>{t('plans.title')}</h1>
        <ErrorRegion error={plan.error} />
      </div>
    );
  }
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={childViewPath(p.childId, 'plan')}>{t('plans.back', { name: p.childName })}</Link>
      </p>
      <h1>{t('plans.pageTitle', { kind: t(`plans.kind.${p.kind}`), name: p.childName })}</h1>
      <p className="lead">
        {t(`plans.kindLong.${p.kind}`)} – <strong>{t(`plans.status.${p.status}`)}</strong>
        {p.adoptedVersion > 0 ? ` – ${t('plans.versionInForce', { number: p.adoptedVersion })}` : ''}
        {p.followUpOn ? ` – ${t('plans.followUpOn', { date: date(p.followUpOn) })}` : ''}
      </p>
      {p.someWithheld ? (
        <Notice kind="info" title={t('plans.withheld.title')}>
          <p>{t('plans.withheld.body')}</p>
        </Notice>
      ) : null}
      <GuidedSteps key={p.id} plan={p} />
    </div>
  );
}

function GuidedSteps({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const shown = useShownStep(plan);
  // A confirmation belongs to the step it was given on: moving to another step clears it.
  const [saved, setSaved] = useState<{ step: StepId; message: string } | null>(null);
  const onSaved = (message: string) => setSaved({ step: shown, message });
  return (
    <>
      <Saved message={saved?.step === shown ? saved.message : null} />
      <PlanStepper plan={plan} shown={shown} />
      {plan.editable && plan.status !== 'ended' ? (
        <section className="panel" aria-labelledby="missing-heading">
          <h2 id="missing-heading">{t('plans.adopt.missingTitle')}</h2>
          <MissingList plan={plan} />
        </section>
      ) : null}
      <StepSection step={shown} plan={plan} onSaved={onSaved} />
      <StepPager shown={shown} />
    </>
  );
}

function StepSection({ step, plan, onSaved }: { step: StepId; plan: Plan; onSaved: (m: string) => void }) {
  switch (step) {
    case 'needs':
      return <EntriesStep plan={plan} onSaved={onSaved} />;
    case 'prepare':
      return <PrepareStep plan={plan} onSaved={onSaved} />;
    case 'invite':
      return <InviteStep plan={plan} onSaved={onSaved} />;
    case 'meeting':
      return <MeetingStep plan={plan} />;
    case 'measures':
      return <MeasuresStep plan={plan} onSaved={onSaved} />;
    case 'adopt':
      return <AdoptStep plan={plan} onSaved={onSaved} />;
    case 'follow-up':
      return <FollowUpStep plan={plan} onSaved={onSaved} />;
    case 'end':
      return <EndStep plan={plan} onSaved={onSaved} />;
  }
}

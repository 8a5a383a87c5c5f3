import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
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
import { PrepareStep } from './PrepareStep.tsx';

const steps = [
  ['step-needs', 'needs'],
  ['step-prepare', 'prepare'],
  ['step-invite', 'invite'],
  ['step-meeting', 'meeting'],
  ['step-measures', 'measures'],
  ['step-adopt', 'adopt'],
  ['step-follow-up', 'followUp'],
  ['step-end', 'end'],
] as const;

/**
 * The plan editor: one page that walks through the steps (identify need →
 * prepare and check consent → invite → meeting → adopt → follow up → end)
 * and says, at the top, what is still missing before adoption.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const date = useFormatDate();
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const [saved, setSaved] = useState<string | null>(null);
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
        <Link to={`/children/${p.childId}`}>{t('plans.back', { name: p.childName })}</Link>
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
      <Saved message={saved} />
      <nav aria-label={t('plans.steps.label')}>
        <ol className="plan-steps">
          {steps.map(([anchor, key]) => (
            <li key={key}>
              <a href={`#${anchor}`}>{t(`plans.steps.${key}`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {p.editable && p.status !== 'ended' ? (
        <section className="panel" aria-labelledby="missing-heading">
          <h2 id="missing-heading">{t('plans.adopt.missingTitle')}</h2>
          <MissingList plan={p} />
        </section>
      ) : null}
      <EntriesStep plan={p} onSaved={setSaved} />
      <PrepareStep plan={p} onSaved={setSaved} />
      <InviteStep plan={p} onSaved={setSaved} />
      <MeetingStep plan={p} />
      <MeasuresStep plan={p} onSaved={setSaved} />
      <AdoptStep plan={p} onSaved={setSaved} />
      <FollowUpStep plan={p} onSaved={setSaved} />
      <EndStep plan={p} onSaved={setSaved} />
    </div>
  );
}

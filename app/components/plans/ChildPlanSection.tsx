import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { planKinds, type PlanKind } from '../../../common/schemas/plans.ts';
import { SelectField } from '../Field.tsx';
import { useFormatDate } from '../format.ts';
import { Loading } from '../Notice.tsx';
import { useChildPlans, useConsents, useCreatePlan } from './api.ts';
import './plans.css';
import { PlanErrorRegion } from './values.tsx';

/**
 * The child page's section for SIP / I-SIP and consent: the plan in force or
 * being drafted, earlier plans, the consents' state, and a start button.
 * Civil society (the narrow view) sees none of it.
 */
export function ChildPlanSection({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const navigate = useNavigate();
  const full = child.view === 'full';
  const plans = useChildPlans(child.id, full);
  const consents = useConsents(child.id, full);
  const create = useCreatePlan(child.id);
  // Strömsund's routine: an I-SIP for every child whose application was rejected.
  const rejected =
    child.view === 'full' && ['rejected', 'appealed', 'final', 'return_in_progress'].includes(child.asylumStatus);
  const [kind, setKind] = useState<PlanKind>(rejected ? 'isip' : 'sip');
  if (!full) return null;
  const items = plans.data?.items ?? [];
  const open = items.find((p) => p.status !== 'ended');
  const ended = items.filter((p) => p.status === 'ended');
  const valid = (consents.data?.items ?? []).filter((c) => c.state === 'valid').length;

  return (
    <section className="panel hub-section" id="plan" aria-labelledby="plans-heading">
      <h2 id="plans-heading">{t('plans.section.title')}</h2>
      <PlanErrorRegion error={plans.error ?? create.error} />
      {plans.isPending ? <Loading /> : null}
      {open ? (
        <p>
          <Link to={`/plans/${open.id}`} className="button">
            {t('plans.section.open', { kind: t(`plans.kind.${open.kind}`) })}
          </Link>{' '}
          {t(`plans.status.${open.status}`)}
          {open.followUpOn ? ` – ${t('plans.followUpOn', { date: date(open.followUpOn) })}` : ''}
        </p>
      ) : plans.data ? (
        <p>{t('plans.section.none')}</p>
      ) : null}
      {!open && plans.data?.abilities.create ? (
        <form
          className="form plan-actions"
          aria-label={t('plans.section.start')}
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ kind, chairUserId: null }, { onSuccess: (p) => void navigate(`/plans/${p.id}`) });
          }}
        >
          {rejected ? <p className="plan-muted">{t('plans.section.isipHint')}</p> : null}
          <SelectField
            label={t('plans.section.kind')}
            value={kind}
            onChange={(v) => setKind(v as PlanKind)}
            options={planKinds.map((k) => ({ value: k, label: t(`plans.kindLong.${k}`) }))}
          />
          <button type="submit" className="button" disabled={create.isPending}>
            {t('plans.section.start')}
          </button>
        </form>
      ) : null}
      {ended.length > 0 ? (
        <details>
          <summary>{t('plans.section.history', { count: ended.length })}</summary>
          <ul className="plan-checklist">
            {ended.map((p) => (
              <li key={p.id}>
                <Link to={`/plans/${p.id}`}>
                  {t(`plans.kind.${p.kind}`)} – {date(p.createdAt)}
                </Link>{' '}
                {p.endedReason ? t(`plans.endReason.${p.endedReason}`) : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p>
        {t('plans.section.consents', { count: valid })}{' '}
        <Link to={`/children/${child.id}/consents`}>{t('plans.section.consentLink')}</Link>
      </p>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanMeasure } from '../../../common/schemas/plans.ts';
import { useOrganisations } from '../../api/hub.ts';
import { SelectField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useRemoveMeasure, useUpdatePlan } from '../../components/plans/api.ts';
import { hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';
import { MeasureForm } from './MeasureForm.tsx';

const principal = (m: PlanMeasure) =>
  m.responsibleOrganisation.principalType === 'municipality' || m.responsibleOrganisation.principalType === 'region';

/** The measures, shown as the four parts the law requires of the plan, and how to add one. */
export function MeasuresStep({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const byPrincipal = new Map<string, PlanMeasure[]>();
  for (const m of plan.measures.filter(principal))
    byPrincipal.set(m.responsibleOrganisation.name, [...(byPrincipal.get(m.responsibleOrganisation.name) ?? []), m]);
  const others = plan.measures.filter((m) => !principal(m));
  return (
    <section className="panel plan-step" id="step-measures" aria-labelledby="step-measures-heading">
      <h2 id="step-measures-heading" tabIndex={-1}>
        {t('plans.steps.measures')}
      </h2>
      <p className="plan-muted">{t('plans.measures.intro')}</p>
      <div className="plan-part">
        <h3>{t('plans.pdf.part1')}</h3>
        <Measures plan={plan} list={plan.measures} onSaved={onSaved} />
      </div>
      <div className="plan-part">
        <h3>{t('plans.pdf.part2')}</h3>
        {byPrincipal.size === 0 ? <p>{t('plans.measures.noneYet')}</p> : null}
        {[...byPrincipal].map(([org, list]) => (
          <div key={org}>
            <h4>{org}</h4>
            <ul className="plan-checklist">
              {list.map((m) => (
                <li key={m.id}>{m.description}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <div className="plan-part">
        <h3>{t('plans.pdf.part3')}</h3>
        <ul className="plan-checklist">
          {others.map((m) => (
            <li key={m.id}>
              {m.description} – {m.responsibleOrganisation.name}
            </li>
          ))}
        </ul>
        {others.length === 0 && !plan.abilities.edit ? (
          <p>{plan.noOtherMeasures ? t('plans.pdf.noOthers') : t('plans.measures.noneYet')}</p>
        ) : null}
      </div>
      <PartsForm plan={plan} onSaved={onSaved} hasOthers={others.length > 0} />
      {plan.abilities.addContent ? <MeasureForm plan={plan} onSaved={onSaved} /> : null}
    </section>
  );
}

function Measures({ plan, list, onSaved }: { plan: Plan; list: PlanMeasure[]; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const remove = useRemoveMeasure(plan);
  // One measure at a time is open for editing, in its place in the list.
  const [editing, setEditing] = useState<string | null>(null);
  if (list.length === 0) return <p>{t('plans.measures.noneYet')}</p>;
  return (
    <>
      <PlanErrorRegion error={remove.error} />
      <ul className="plan-list">
        {list.map((m) =>
          editing === m.id ? (
            <li key={m.id} className="plan-item">
              <MeasureForm plan={plan} measure={m} onSaved={onSaved} onClose={() => setEditing(null)} />
            </li>
          ) : (
            <li key={m.id} className="plan-item">
              <p>
                <strong>{m.description}</strong>
              </p>
              <p>{t('plans.pdf.goal', { goal: m.goal })}</p>
              <p className="plan-muted">
                {t('plans.pdf.responsible', {
                  organisation: m.responsibleOrganisation.name,
                  person: m.responsibleUser?.displayName ?? m.responsibleName ?? t('plans.measures.noPerson'),
                })}
                <br />
                {t('plans.pdf.period', {
                  start: date(m.startOn),
                  end: m.endOn ? date(m.endOn) : t('plans.pdf.open'),
                })}{' '}
                – {t(`plans.measureStatus.${m.status}`)}
                <br />
                {t('plans.owner', {
                  organisation: m.owningOrganisation.name,
                  category: t(`plans.category.${m.category}`),
                })}
              </p>
              {plan.editable && plan.editableItems.includes(m.id) ? (
                <div className="plan-actions">
                  <button type="button" className="button button--secondary" onClick={() => setEditing(m.id)}>
                    {t('everyday.plan.measureEdit.edit')}
                    <span className="visually-hidden">: {m.description}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(m.id, { onSuccess: () => onSaved(t('plans.removed')) })}
                  >
                    {t('plans.remove')}
                    <span className="visually-hidden">: {m.description}</span>
                  </button>
                </div>
              ) : null}
            </li>
          ),
        )}
      </ul>
    </>
  );
}

/** Part 3 said explicitly ("none by others") and part 4 (the principal with overall responsibility). */
function PartsForm({ plan, onSaved, hasOthers }: { plan: Plan; onSaved: (m: string) => void; hasOthers: boolean }) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const update = useUpdatePlan(plan);
  const [none, setNone] = useState(plan.noOtherMeasures);
  const [overall, setOverall] = useState(plan.overallResponsibleOrganisation?.id ?? '');
  if (!plan.abilities.edit)
    return (
      <div className="plan-part">
        <h3>{t('plans.pdf.part4')}</h3>
        <p>{plan.overallResponsibleOrganisation?.name ?? '—'}</p>
      </div>
    );
  const principals = (orgs.data?.items ?? []).filter(
    (o) => o.principalType === 'municipality' || o.principalType === 'region',
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { version: plan.version, noOtherMeasures: none, overallResponsibleOrganisationId: overall || null },
      { onSuccess: () => onSaved(t('plans.saved')) },
    );
  };
  return (
    <form className="form plan-part" onSubmit={submit} noValidate aria-label={t('plans.measures.partsForm')}>
      <PlanErrorRegion error={update.error} />
      {!hasOthers ? (
        <label className="checkbox">
          <input type="checkbox" checked={none} onChange={(e) => setNone(e.target.checked)} />
          <span>{t('plans.measures.noOthers')}</span>
        </label>
      ) : null}
      <h3>{t('plans.pdf.part4')}</h3>
      <SelectField
        label={t('plans.measures.overall')}
        hint={t('plans.measures.overallHint')}
        value={overall}
        onChange={setOverall}
        options={[{ value: '', label: t('plans.choose') }, ...principals.map((o) => ({ value: o.id, label: o.name }))]}
        error={hasIssue(update.error, 'body.overallResponsibleOrganisationId') ? t('plans.errors.overall') : null}
      />
      <button type="submit" className="button" disabled={update.isPending}>
        {t('plans.measures.saveParts')}
      </button>
    </form>
  );
}

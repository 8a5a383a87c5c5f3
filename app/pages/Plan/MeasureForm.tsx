import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../common/schemas/plans.ts';
import { infoCategories, type InfoCategory } from '../../../common/schemas/sharing.ts';
import { useOrganisations } from '../../api/hub.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { localIsoDate } from '../../components/format.ts';
import { useAddMeasure } from '../../components/plans/api.ts';
import { hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';

/** A measure: what, who is responsible (organisation and person), when, and a goal someone can check. */
export function MeasureForm({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const add = useAddMeasure(plan);
  const [description, setDescription] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [person, setPerson] = useState('');
  const [startOn, setStartOn] = useState(localIsoDate());
  const [endOn, setEndOn] = useState('');
  const [goal, setGoal] = useState('');
  const [category, setCategory] = useState<InfoCategory | ''>('');
  const [needId, setNeedId] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const err = add.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = {
      description: !description.trim(),
      responsibleOrganisationId: !organisation,
      goal: !goal.trim(),
      category: !category,
      startOn: !startOn,
    };
    setMissing(m);
    if (Object.values(m).some(Boolean) || !category) return;
    add.mutate(
      {
        description: description.trim(),
        responsibleOrganisationId: organisation,
        responsibleUserId: null,
        responsibleName: person.trim() || null,
        startOn,
        endOn: endOn || null,
        status: 'planned',
        goal: goal.trim(),
        needId: needId || null,
        category,
        owningOrganisationId: null,
      },
      {
        onSuccess: () => {
          setDescription('');
          setGoal('');
          setPerson('');
          setNeedId('');
          onSaved(t('plans.measures.added'));
        },
      },
    );
  };
  const issue = (f: string) => Boolean(missing[f]) || hasIssue(err, `body.${f}`);
  return (
    <form className="form plan-part" onSubmit={submit} noValidate aria-labelledby="new-measure-heading">
      <h3 id="new-measure-heading">{t('plans.measures.add')}</h3>
      <PlanErrorRegion error={err} />
      <TextAreaField
        label={t('plans.measures.description')}
        rows={2}
        maxLength={4000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={issue('description') ? t('plans.errors.text') : null}
      />
      <SelectField
        label={t('plans.measures.organisation')}
        hint={t('plans.measures.organisationHint')}
        value={organisation}
        onChange={setOrganisation}
        options={[
          { value: '', label: t('plans.choose') },
          ...(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
        ]}
        error={issue('responsibleOrganisationId') ? t('plans.errors.organisation') : null}
      />
      <Field
        label={t('plans.measures.person')}
        hint={t('plans.measures.personHint')}
        value={person}
        maxLength={200}
        onChange={(e) => setPerson(e.target.value)}
      />
      <div className="field-row">
        <Field
          label={t('plans.measures.start')}
          type="date"
          value={startOn}
          onChange={(e) => setStartOn(e.target.value)}
          error={issue('startOn') ? t('plans.errors.date') : null}
        />
        <Field
          label={t('plans.measures.end')}
          type="date"
          value={endOn}
          min={startOn}
          onChange={(e) => setEndOn(e.target.value)}
          error={hasIssue(err, 'body.endOn') ? t('plans.errors.endOn') : null}
        />
      </div>
      <TextAreaField
        label={t('plans.measures.goal')}
        hint={t('plans.measures.goalHint')}
        rows={2}
        maxLength={4000}
        value={goal}
        onChange={(e) => setGoal(e.target.value)}
        error={issue('goal') ? t('plans.errors.goal') : null}
      />
      <SelectField
        label={t('plans.categoryLabel')}
        hint={t('plans.categoryHint')}
        value={category}
        onChange={(v) => setCategory(v as InfoCategory | '')}
        options={[
          { value: '', label: t('plans.choose') },
          ...infoCategories.map((c) => ({ value: c, label: t(`plans.category.${c}`) })),
        ]}
        error={issue('category') ? t('plans.errors.category') : null}
      />
      {plan.needs.length > 0 ? (
        <SelectField
          label={t('plans.measures.need')}
          value={needId}
          onChange={setNeedId}
          options={[
            { value: '', label: t('plans.measures.noNeed') },
            ...plan.needs.map((n) => ({ value: n.id, label: n.text.slice(0, 80) })),
          ]}
        />
      ) : null}
      <button type="submit" className="button" disabled={add.isPending}>
        {t('plans.measures.add')}
      </button>
    </form>
  );
}

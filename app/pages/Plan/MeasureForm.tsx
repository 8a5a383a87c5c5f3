import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanMeasure } from '../../../common/schemas/plans.ts';
import { infoCategories, type InfoCategory } from '../../../common/schemas/sharing.ts';
import { isApiError } from '../../api/client.ts';
import { useOrganisations } from '../../api/hub.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { localIsoDate } from '../../components/format.ts';
import { Notice } from '../../components/Notice.tsx';
import { useAddMeasure, usePlan, useUpdateMeasure } from '../../components/plans/api.ts';
import { hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';
import { useFocusFirstError } from '../../components/useFocusFirstError.ts';

interface Props {
  plan: Plan;
  onSaved: (m: string) => void;
  /** The measure to change in place; without it the form adds a new one. */
  measure?: PlanMeasure;
  onClose?: () => void;
}

/**
 * A measure: what, who is responsible (organisation and person), when, and a goal someone can check.
 * Editing sends the measure's version: if someone saved it first, their text is shown beside the
 * user's own, which stays in the form; saving again then replaces theirs knowingly.
 */
export function MeasureForm({ plan, onSaved, measure, onClose }: Props) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const add = useAddMeasure(plan);
  const update = useUpdateMeasure(plan);
  const live = usePlan(plan.id);
  const headingId = useId();
  const [description, setDescription] = useState(measure?.description ?? '');
  const [organisation, setOrganisation] = useState(measure?.responsibleOrganisation.id ?? '');
  const [person, setPerson] = useState(measure?.responsibleName ?? measure?.responsibleUser?.displayName ?? '');
  const [startOn, setStartOn] = useState(measure?.startOn ?? localIsoDate());
  const [endOn, setEndOn] = useState(measure?.endOn ?? '');
  const [goal, setGoal] = useState(measure?.goal ?? '');
  const [category, setCategory] = useState<InfoCategory | ''>(measure?.category ?? '');
  const [needId, setNeedId] = useState(measure?.needId ?? '');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const [attempt, setAttempt] = useState(0);
  const [base, setBase] = useState(measure?.version ?? 1);
  const [theirs, setTheirs] = useState<PlanMeasure | null>(null);
  const write = measure ? update : add;
  const err = write.error;
  const conflict = isApiError(err, 'version_conflict');
  const formRef = useFocusFirstError(attempt || err);

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
    if (Object.values(m).some(Boolean) || !category) {
      setAttempt((n) => n + 1);
      return;
    }
    const fields = {
      description: description.trim(),
      responsibleOrganisationId: organisation,
      startOn,
      endOn: endOn || null,
      goal: goal.trim(),
      needId: needId || null,
      category,
    };
    if (measure) {
      // A person typed by name replaces a user only when the text changed.
      const personChanged = person.trim() !== (measure.responsibleName ?? measure.responsibleUser?.displayName ?? '');
      update.mutate(
        {
          id: measure.id,
          version: base,
          ...fields,
          ...(personChanged ? { responsibleName: person.trim() || null, responsibleUserId: null } : {}),
        },
        {
          onSuccess: () => {
            setTheirs(null);
            onSaved(t('everyday.plan.measureEdit.saved'));
            onClose?.();
          },
          onError: (error) => {
            if (!isApiError(error, 'version_conflict')) return;
            void live.refetch().then((r) => {
              const fresh = r.data?.measures.find((x) => x.id === measure.id) ?? null;
              setTheirs(fresh);
              if (fresh?.version) setBase(fresh.version);
            });
          },
        },
      );
      return;
    }
    add.mutate(
      {
        ...fields,
        responsibleUserId: null,
        responsibleName: person.trim() || null,
        status: 'planned',
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
  const title = measure ? t('everyday.plan.measureEdit.title', { description: measure.description }) : null;
  return (
    <form
      ref={formRef}
      className="form plan-part"
      onSubmit={submit}
      noValidate
      aria-labelledby={measure ? headingId : 'new-measure-heading'}
    >
      {measure ? <h4 id={headingId}>{title}</h4> : <h3 id="new-measure-heading">{t('plans.measures.add')}</h3>}
      <PlanErrorRegion error={conflict ? null : err} />
      {conflict ? (
        <Notice kind="warning" title={t('everyday.plan.measureEdit.conflictTitle')}>
          <p>{t('everyday.plan.measureEdit.conflictBody')}</p>
          {theirs ? (
            <dl className="facts plan-theirs">
              <div>
                <dt>{t('plans.measures.description')}</dt>
                <dd>{theirs.description}</dd>
              </div>
              <div>
                <dt>{t('plans.measures.goal')}</dt>
                <dd>{theirs.goal}</dd>
              </div>
            </dl>
          ) : (
            <p>{t('everyday.plan.measureEdit.gone')}</p>
          )}
        </Notice>
      ) : null}
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
        error={hasIssue(err, 'body.responsibleName') ? t('plans.errors.text') : null}
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
          error={hasIssue(err, 'body.needId') ? t('everyday.plan.measureEdit.needGone') : null}
        />
      ) : null}
      <div className="plan-actions">
        <button type="submit" className="button" disabled={write.isPending}>
          {measure
            ? conflict
              ? t('everyday.plan.measureEdit.saveAnyway')
              : t('everyday.plan.measureEdit.save')
            : t('plans.measures.add')}
        </button>
        {onClose ? (
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('everyday.plan.measureEdit.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

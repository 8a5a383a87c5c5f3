import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { infoCategories, type InfoCategory } from '../../../common/schemas/sharing.ts';
import type { EntryKind, Plan, PlanEntry } from '../../../common/schemas/plans.ts';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { useAddEntry, useRemoveEntry } from '../../components/plans/api.ts';
import { hasIssue, PlanErrorRegion } from '../../components/plans/values.tsx';

/** Step 1: the child's needs (and the plan's notes), each owned by the writer's organisation. */
export function EntriesStep({ plan, onSaved }: { plan: Plan; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel plan-step" id="step-needs" aria-labelledby="step-needs-heading">
      <h2 id="step-needs-heading" tabIndex={-1}>
        {t('plans.steps.needs')}
      </h2>
      <p className="plan-muted">{t('plans.needs.intro')}</p>
      <EntryList plan={plan} items={plan.needs} empty={t('plans.needs.none')} onSaved={onSaved} />
      {plan.abilities.addContent ? <EntryForm plan={plan} kind="need" onSaved={onSaved} /> : null}
      <h3>{t('plans.notes.title')}</h3>
      <EntryList plan={plan} items={plan.notes} empty={t('plans.notes.none')} onSaved={onSaved} />
      {plan.abilities.addContent ? <EntryForm plan={plan} kind="note" onSaved={onSaved} /> : null}
    </section>
  );
}

function EntryList({
  plan,
  items,
  empty,
  onSaved,
}: {
  plan: Plan;
  items: PlanEntry[];
  empty: string;
  onSaved: (m: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveEntry(plan);
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <>
      <PlanErrorRegion error={remove.error} />
      <ul className="plan-list">
        {items.map((e) => (
          <li key={e.id} className="plan-item">
            <p className="plan-own-words">{e.text}</p>
            <p className="plan-muted">
              {t('plans.owner', {
                organisation: e.owningOrganisation.name,
                category: t(`plans.category.${e.category}`),
              })}
            </p>
            {plan.editable && plan.editableItems.includes(e.id) ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={remove.isPending}
                onClick={() => remove.mutate(e.id, { onSuccess: () => onSaved(t('plans.removed')) })}
              >
                {t('plans.remove')}
                <span className="visually-hidden">: {e.text.slice(0, 60)}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function EntryForm({ plan, kind, onSaved }: { plan: Plan; kind: EntryKind; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const add = useAddEntry(plan);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<InfoCategory | ''>('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || !category) {
      setMissing(true);
      return;
    }
    setMissing(false);
    add.mutate(
      { kind, text: text.trim(), category, owningOrganisationId: null },
      {
        onSuccess: () => {
          setText('');
          setCategory('');
          onSaved(t(`plans.${kind === 'need' ? 'needs' : 'notes'}.added`));
        },
      },
    );
  };
  const prefix = kind === 'need' ? 'needs' : 'notes';
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t(`plans.${prefix}.add`)}>
      <PlanErrorRegion error={add.error} />
      <TextAreaField
        label={t(`plans.${prefix}.text`)}
        rows={2}
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={(missing && !text.trim()) || hasIssue(add.error, 'body.text') ? t('plans.errors.text') : null}
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
        error={(missing && !category) || hasIssue(add.error, 'body.category') ? t('plans.errors.category') : null}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {t(`plans.${prefix}.add`)}
      </button>
    </form>
  );
}

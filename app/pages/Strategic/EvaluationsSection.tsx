import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateEvaluation, useEvaluations } from '../../api/levels.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import type { CollaborationSummary } from '../Forum/types.ts';

/** Effect evaluations: what works, what does not, and the actions decided. */
export function EvaluationsSection({ collaboration }: { collaboration: CollaborationSummary }) {
  const { t } = useTranslation();
  const fmt = useFormatDate();
  const list = useEvaluations(collaboration.id);
  const items = list.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="evaluations-heading">
      <h2 id="evaluations-heading">{t('levels.evaluations.title')}</h2>
      <ErrorRegion error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="empty">{t('levels.evaluations.none')}</p> : null}
      <ul className="levels-list">
        {items.map((e) => (
          <li key={e.id}>
            <h3>
              {e.title} ({fmt(e.evaluatedOn)})
            </h3>
            <dl className="facts">
              <dt>{t('levels.evaluations.works')}</dt>
              <dd>{e.works || '–'}</dd>
              <dt>{t('levels.evaluations.lacks')}</dt>
              <dd>{e.lacks || '–'}</dd>
              <dt>{t('levels.evaluations.actions')}</dt>
              <dd>{e.actions || '–'}</dd>
            </dl>
          </li>
        ))}
      </ul>
      {collaboration.abilities.runStrategic ? <NewEvaluation collaborationId={collaboration.id} /> : null}
    </section>
  );
}

function NewEvaluation({ collaborationId }: { collaborationId: string }) {
  const { t } = useTranslation();
  const create = useCreateEvaluation(collaborationId);
  const [title, setTitle] = useState('');
  const [evaluatedOn, setEvaluatedOn] = useState('');
  const [works, setWorks] = useState('');
  const [lacks, setLacks] = useState('');
  const [actions, setActions] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      title: title.trim(),
      evaluatedOn,
      works: works.trim(),
      lacks: lacks.trim(),
      actions: actions.trim(),
    });
  };
  const err = create.error;
  return (
    <details>
      <summary>{t('levels.evaluations.new')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('levels.evaluations.titleLabel')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldIssue(err, 'title') ? t('levels.required') : null}
        />
        <Field
          label={t('levels.evaluations.dateLabel')}
          type="date"
          value={evaluatedOn}
          onChange={(e) => setEvaluatedOn(e.target.value)}
          error={fieldIssue(err, 'evaluatedOn') ? t('levels.dateError') : null}
        />
        <TextAreaField
          label={t('levels.evaluations.works')}
          value={works}
          onChange={(e) => setWorks(e.target.value)}
          rows={3}
        />
        <TextAreaField
          label={t('levels.evaluations.lacks')}
          value={lacks}
          onChange={(e) => setLacks(e.target.value)}
          rows={3}
        />
        <TextAreaField
          label={t('levels.evaluations.actions')}
          value={actions}
          onChange={(e) => setActions(e.target.value)}
          rows={3}
        />
        <ErrorRegion error={err} />
        <button type="submit" className="button">
          {t('levels.evaluations.create')}
        </button>
      </form>
    </details>
  );
}

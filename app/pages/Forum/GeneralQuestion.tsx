import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { useLevelsStart, useRaiseGeneralQuestion } from '../../api/levels.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { ErrorRegion } from '../../components/Notice.tsx';

/**
 * "Raise as a general question" on the child's hub: a question to the forum
 * that carries nothing of the child. The server refuses the child's name or
 * case number at the field.
 */
export function GeneralQuestion({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const start = useLevelsStart();
  const raise = useRaiseGeneralQuestion(child.id);
  const collaborations = start.data?.collaborations ?? [];
  const [collaborationId, setCollaborationId] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  if (!child.abilities.raiseQuestion || collaborations.length === 0) return null;
  const chosen = collaborationId || collaborations[0]!.id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    raise.mutate(
      { collaborationId: chosen, title: title.trim(), text: text.trim() },
      {
        onSuccess: () => {
          setTitle('');
          setText('');
          setDone(true);
        },
      },
    );
  };
  const err = raise.error;
  const named = t('levels.general.named');
  return (
    <section className="panel hub-section" aria-labelledby="general-question-heading">
      <details>
        <summary>
          <h2 id="general-question-heading" className="levels-inline-heading">
            {t('levels.general.title')}
          </h2>
        </summary>
        <p>{t('levels.general.intro')}</p>
        <form className="form" onSubmit={submit} noValidate>
          {collaborations.length > 1 ? (
            <SelectField
              label={t('levels.general.collaboration')}
              value={chosen}
              onChange={setCollaborationId}
              options={collaborations.map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null}
          <Field
            label={t('levels.questions.titleLabel')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={fieldIssue(err, 'title') ? (title.trim() ? named : t('levels.required')) : null}
          />
          <TextAreaField
            label={t('levels.questions.textLabel')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={4}
            error={fieldIssue(err, 'text') ? (text.trim() ? named : t('levels.required')) : null}
          />
          <ErrorRegion error={err} />
          <div role="status">{done ? <p>{t('levels.general.raised')}</p> : null}</div>
          <button type="submit" className="button">
            {t('levels.general.submit')}
          </button>
        </form>
      </details>
    </section>
  );
}

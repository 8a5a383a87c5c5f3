import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Article } from '../../../common/schemas/competence.ts';
import { useArticle, useUpdateArticle } from '../../api/competence.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CompetenceError, fieldError } from '../Competence/errors.tsx';

/** One article. Its HTML is rendered on the server with raw HTML off and unsafe links dropped. */
export function ArticlePage() {
  const { articleId = '' } = useParams();
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const a = useArticle(articleId);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(a.data?.title ?? t('competence.knowledge.title'));
  return (
    <div className="page">
      <p>
        <Link to="/knowledge">{t('competence.knowledge.back')}</Link>
      </p>
      {a.isPending ? <Loading /> : null}
      <CompetenceError error={a.error} />
      {a.data ? (
        <>
          <h1>{a.data.title}</h1>
          <p>
            {t('competence.knowledge.owner')}: {a.data.owner.name} ·{' '}
            {t('competence.knowledge.version', { version: a.data.version })} · {t('competence.knowledge.reviewOn')}{' '}
            {formatDate(a.data.reviewOn)}
            {a.data.reviewOverdue ? <strong> · {t('competence.knowledge.reviewOverdue')}</strong> : null}
          </p>
          {editing ? (
            <ArticleEditor a={a.data} done={() => setEditing(false)} />
          ) : (
            <>
              {/* Inert by construction: markdown-it with html off and a link allow-list (server/domain/competence/markdown.ts). */}
              <article
                className="article-body"
                data-testid="article-body"
                dangerouslySetInnerHTML={{ __html: a.data.html }}
              />
              {a.data.abilities.edit ? (
                <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                  {t('competence.knowledge.edit')}
                </button>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </div>
  );
}

function ArticleEditor({ a, done }: { a: Article; done: () => void }) {
  const { t } = useTranslation();
  const save = useUpdateArticle(a.id);
  const [title, setTitle] = useState(a.title);
  const [body, setBody] = useState(a.body);
  const [reviewOn, setReviewOn] = useState(a.reviewOn);
  const err = save.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ title, body, reviewOn, version: a.version }, { onSuccess: done });
  };
  return (
    <form onSubmit={submit} noValidate className="panel">
      <CompetenceError error={err} />
      <Field
        label={t('competence.knowledge.titleField')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError(t, err, 'title')}
      />
      <TextAreaField
        label={t('competence.knowledge.body')}
        hint={t('competence.knowledge.bodyHint')}
        rows={14}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={fieldError(t, err, 'body')}
      />
      <Field
        label={t('competence.knowledge.reviewOn')}
        type="date"
        value={reviewOn}
        onChange={(e) => setReviewOn(e.target.value)}
        error={fieldError(t, err, 'reviewOn')}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('competence.knowledge.save')}
      </button>{' '}
      <button type="button" className="button button--quiet" onClick={done}>
        {t('competence.knowledge.cancel')}
      </button>
    </form>
  );
}

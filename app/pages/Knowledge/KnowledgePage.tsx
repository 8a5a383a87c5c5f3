import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { articleLangs, type ArticleLang, type ArticleList } from '../../../common/schemas/competence.ts';
import { useArticles, useCreateArticle } from '../../api/competence.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CompetenceError, fieldError } from '../Competence/errors.tsx';

/** The knowledge base: the municipality's and its collaborations' articles, in the reader's language first. */
export function KnowledgePage() {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  useDocumentTitle(t('competence.knowledge.title'));
  const [lang, setLang] = useState<ArticleLang | ''>(i18n.language === 'en' ? 'en' : 'sv');
  const list = useArticles(lang || undefined);
  return (
    <div className="page">
      <h1>{t('competence.knowledge.title')}</h1>
      <p className="lead">{t('competence.knowledge.intro')}</p>
      <SelectField
        label={t('competence.knowledge.language')}
        value={lang}
        onChange={(v) => setLang(v as ArticleLang | '')}
        options={[
          { value: '', label: t('competence.knowledge.all') },
          ...articleLangs.map((l) => ({ value: l, label: t(`competence.knowledge.lang.${l}`) })),
        ]}
      />
      {list.isPending ? <Loading /> : null}
      <CompetenceError error={list.error} />
      {list.data?.items.length === 0 ? <p>{t('competence.knowledge.none')}</p> : null}
      <ul className="link-list">
        {list.data?.items.map((a) => (
          <li key={a.id}>
            <Link to={`/knowledge/${a.id}`}>{a.title}</Link>{' '}
            <span>
              ({t(`competence.knowledge.lang.${a.lang}`)} · {t('competence.knowledge.reviewOn')}{' '}
              {formatDate(a.reviewOn)}
              {a.reviewOverdue ? ` · ${t('competence.knowledge.reviewOverdue')}` : ''})
            </span>
          </li>
        ))}
      </ul>
      {list.data?.abilities.create ? <NewArticle list={list.data} /> : null}
    </div>
  );
}

function NewArticle({ list }: { list: ArticleList }) {
  const { t, i18n } = useTranslation();
  const create = useCreateArticle();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [lang, setLang] = useState<ArticleLang>(i18n.language === 'en' ? 'en' : 'sv');
  const [scope, setScope] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const err = create.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title, body, lang, collaborationId: scope || null, ...(reviewOn ? { reviewOn } : {}) },
      { onSuccess: (a) => void navigate(`/knowledge/${a.id}`) },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="panel">
      <h2>{t('competence.knowledge.new')}</h2>
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
        rows={12}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={fieldError(t, err, 'body')}
      />
      <SelectField
        label={t('competence.knowledge.language')}
        value={lang}
        onChange={(v) => setLang(v as ArticleLang)}
        options={articleLangs.map((l) => ({ value: l, label: t(`competence.knowledge.lang.${l}`) }))}
      />
      <SelectField
        label={t('competence.knowledge.scope')}
        value={scope}
        onChange={setScope}
        error={fieldError(t, err, 'collaborationId')}
        options={[
          { value: '', label: t('competence.knowledge.ownMunicipality') },
          ...list.collaborations.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <Field
        label={t('competence.knowledge.reviewOn')}
        type="date"
        value={reviewOn}
        onChange={(e) => setReviewOn(e.target.value)}
        error={fieldError(t, err, 'reviewOn')}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('competence.knowledge.save')}
      </button>
    </form>
  );
}

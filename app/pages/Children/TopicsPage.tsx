import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useArchiveTenantTopic, useCreateTenantTopic, useTenantTopics } from '../../api/hub.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import '../../components/hub/hub.css';
import { HubErrorRegion, SavedRegion } from '../../components/hub/HubError.tsx';
import { useTopicName } from '../../components/hub/values.tsx';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/**
 * The municipality's topics for every child's matrix: the guide's, and the
 * ones the tenant admin adds. An archived topic leaves the matrices; its
 * assignments stay for the record.
 */
export function TopicsPage() {
  const { t } = useTranslation();
  const topics = useTenantTopics();
  const create = useCreateTenantTopic();
  const archive = useArchiveTenantTopic();
  const topicName = useTopicName();
  const [labelSv, setLabelSv] = useState('');
  const [labelEn, setLabelEn] = useState('');
  const [missing, setMissing] = useState({ sv: false, en: false });
  const [saved, setSaved] = useState<string | null>(null);
  useDocumentTitle(t('tenantTopics.title'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = { sv: !labelSv.trim(), en: !labelEn.trim() };
    setMissing(m);
    if (m.sv || m.en) return;
    create.mutate(
      { labelSv: labelSv.trim(), labelEn: labelEn.trim() },
      {
        onSuccess: (topic) => {
          setLabelSv('');
          setLabelEn('');
          setSaved(t('tenantTopics.added', { name: topicName(topic) }));
        },
      },
    );
  };

  const items = topics.data?.items ?? [];
  const own = items.filter((x) => x.kind === 'tenant');
  return (
    <div className="page hub-page">
      <p className="breadcrumb">
        <Link to="/admin">{t('admin.back')}</Link>
      </p>
      <h1>{t('tenantTopics.title')}</h1>
      <p className="lead">{t('tenantTopics.intro')}</p>
      <HubErrorRegion error={topics.error ?? archive.error} />
      <SavedRegion message={saved} />
      {topics.isPending ? <Loading /> : null}
      <section className="panel" aria-labelledby="guide-topics">
        <h2 id="guide-topics">{t('tenantTopics.guide')}</h2>
        <ul className="hub-plain-list">
          {items
            .filter((x) => x.kind === 'default')
            .map((x) => (
              <li key={x.key}>{topicName(x)}</li>
            ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="own-topics">
        <h2 id="own-topics">{t('tenantTopics.own')}</h2>
        {topics.data && own.length === 0 ? <p>{t('tenantTopics.none')}</p> : null}
        <ul className="hub-topic-list">
          {own.map((x) => (
            <li key={x.key} className="hub-topic">
              <p className="hub-topic__name">
                <span lang="sv">{x.label?.sv}</span> / <span lang="en">{x.label?.en}</span>
                {x.archived ? <span className="hub-muted"> ({t('tenantTopics.archived')})</span> : null}
              </p>
              <button
                type="button"
                className="button button--secondary"
                disabled={archive.isPending}
                onClick={() =>
                  archive.mutate(
                    { id: x.key, archived: !x.archived },
                    {
                      onSuccess: () =>
                        setSaved(
                          t(x.archived ? 'tenantTopics.restored' : 'tenantTopics.archivedDone', {
                            name: topicName(x),
                          }),
                        ),
                    },
                  )
                }
              >
                {x.archived ? t('tenantTopics.restore') : t('tenantTopics.archive')}
                <span className="visually-hidden"> {topicName(x)}</span>
              </button>
            </li>
          ))}
        </ul>
        <form className="form hub-form" onSubmit={submit} noValidate aria-labelledby="new-topic">
          <h3 id="new-topic">{t('tenantTopics.newTitle')}</h3>
          <HubErrorRegion error={create.error} />
          <Field
            label={t('tenantTopics.labelSv')}
            lang="sv"
            value={labelSv}
            maxLength={200}
            onChange={(e) => setLabelSv(e.target.value)}
            error={missing.sv || fieldIssue(create.error, 'labelSv') ? t('tenantTopics.errors.label') : null}
          />
          <Field
            label={t('tenantTopics.labelEn')}
            lang="en"
            value={labelEn}
            maxLength={200}
            onChange={(e) => setLabelEn(e.target.value)}
            error={missing.en || fieldIssue(create.error, 'labelEn') ? t('tenantTopics.errors.label') : null}
          />
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('hub.saving') : t('tenantTopics.add')}
          </button>
        </form>
      </section>
    </div>
  );
}

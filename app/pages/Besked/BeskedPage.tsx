import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import '../../components/hub/hub.css';
import { SavedRegion } from '../../components/hub/HubError.tsx';
import { Warning } from '../../components/hub/values.tsx';
import { Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ChildNotFound } from '../Child/ChildNotFound.tsx';
import '../Meeting/meetings.css';
import { MeetingErrorRegion } from '../Meeting/values.tsx';
import { useBesked } from './api.ts';
import { EntryForm } from './EntryForm.tsx';
import { TopicBlock } from './TopicBlock.tsx';
import { childViewPath } from '../../components/hub/sections.ts';

/**
 * What each adult told the child, per topic side by side, so the hub sees
 * what the child has heard. The agreed line stands above each topic's entries.
 */
export function BeskedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useChild(id);
  const besked = useBesked(id);
  const [saved, setSaved] = useState<string | null>(null);
  const name = child.data?.displayName ?? '';
  useDocumentTitle(t('besked.title', { name }));

  if (isApiError(besked.error) && [400, 404].includes(besked.error.status)) return <ChildNotFound />;
  if (besked.isPending) return <Loading />;
  const view = besked.data;
  const withContent = view?.topics.filter((x) => x.entries.length > 0 || x.line) ?? [];

  return (
    <div className="page hub-page mtg-page">
      <p className="breadcrumb">
        <Link to={childViewPath(id, 'events')}>{t('meetings.page.backToChild', { name })}</Link>
      </p>
      <h1>{t('besked.title', { name })}</h1>
      <p className="lead">{t('besked.intro')}</p>
      <MeetingErrorRegion error={besked.error} />
      <SavedRegion message={saved} />
      {view ? (
        <>
          {view.openContradictions > 0 ? (
            <Warning>{t('besked.child.flag', { count: view.openContradictions })}</Warning>
          ) : null}
          {view.someWithheld ? (
            <Notice kind="info" title={t('besked.withheld')}>
              <p>{t('besked.withheldBody')}</p>
            </Notice>
          ) : null}
          {withContent.length === 0 ? <p>{t('besked.none')}</p> : null}
          {withContent.map((x) => (
            <TopicBlock
              key={x.topic.key}
              childId={id}
              block={x}
              tellers={view.tellers}
              abilities={view.abilities}
              onSaved={setSaved}
            />
          ))}
          {view.abilities.record ? (
            <EntryForm childId={id} topics={view.topics.map((x) => x.topic)} onSaved={setSaved} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { NotFoundPage } from '../NotFound/NotFoundPage.tsx';
import { BarriersSection } from '../Strategic/BarriersSection.tsx';
import { LevelMeetings } from './LevelMeetings.tsx';
import { QuestionsSection } from './QuestionsSection.tsx';
import { RoutinesSection } from './RoutinesSection.tsx';
import { useCollaboration } from './useCollaboration.ts';
import './levels.css';

/** The operational forum (verksamhetsnivå) of one collaboration: meetings, questions, routines, barriers. */
export function ForumPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { start, collaboration } = useCollaboration(id);
  useDocumentTitle(t('levels.forum.title'));
  if (start.isPending) return <Loading />;
  if (start.isError) return <ErrorRegion error={start.error} />;
  if (!collaboration) return <NotFoundPage />;
  return (
    <div className="page levels-page">
      <p className="breadcrumb">
        <Link to="/">{t('levels.back')}</Link>
      </p>
      <h1>{t('levels.forum.title')}</h1>
      <p className="lead">
        {collaboration.name}. {t('levels.forum.intro')}{' '}
        <Link to={`/collaborations/${id}/strategic`}>{t('levels.strategic.link')}</Link>
      </p>
      <LevelMeetings collaboration={collaboration} level="operational" />
      <QuestionsSection collaboration={collaboration} level="operational" />
      <RoutinesSection collaboration={collaboration} />
      <BarriersSection collaboration={collaboration} level="operational" />
    </div>
  );
}

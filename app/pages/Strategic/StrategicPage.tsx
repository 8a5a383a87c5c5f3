import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { LevelMeetings } from '../Forum/LevelMeetings.tsx';
import { QuestionsSection } from '../Forum/QuestionsSection.tsx';
import { useCollaboration } from '../Forum/useCollaboration.ts';
import '../Forum/levels.css';
import { NotFoundPage } from '../NotFound/NotFoundPage.tsx';
import { AgreementsSection } from './AgreementsSection.tsx';
import { BarriersSection } from './BarriersSection.tsx';
import { EvaluationsSection } from './EvaluationsSection.tsx';
import { NeedsSection } from './NeedsSection.tsx';

/** The strategic level (övergripande nivå): meetings, escalated questions, barriers, needs, agreements, evaluations. */
export function StrategicPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { start, collaboration } = useCollaboration(id);
  useDocumentTitle(t('levels.strategic.title'));
  if (start.isPending) return <Loading />;
  if (start.isError) return <ErrorRegion error={start.error} />;
  if (!collaboration) return <NotFoundPage />;
  return (
    <div className="page levels-page">
      <p className="breadcrumb">
        <Link to="/">{t('levels.back')}</Link>
      </p>
      <h1>{t('levels.strategic.title')}</h1>
      <p className="lead">
        {collaboration.name}. {t('levels.strategic.intro')}{' '}
        <Link to={`/collaborations/${id}/forum`}>{t('levels.forum.link')}</Link>
      </p>
      <LevelMeetings collaboration={collaboration} level="strategic" />
      <QuestionsSection collaboration={collaboration} level="strategic" />
      <BarriersSection collaboration={collaboration} level="strategic" />
      {collaboration.abilities.needs ? <NeedsSection collaborationId={id} /> : null}
      <AgreementsSection collaboration={collaboration} />
      <EvaluationsSection collaboration={collaboration} />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompetence } from '../../api/competence.ts';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useCollaboration } from '../Collaboration/api.ts';
import { CoverageTable } from './CoverageTable.tsx';
import { CompetenceError } from './errors.tsx';
import { NeedsSection } from './NeedsSection.tsx';
import { TrainingSection } from './TrainingSection.tsx';

/** Step 4 of a collaboration: competence needs, training sessions with attendance, coverage per party. */
export function CompetencePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const c = useCollaboration(id);
  const data = useCompetence(id);
  const title = t('competence.pageTitle');
  useDocumentTitle(c.data ? `${title} – ${c.data.name}` : title);
  return (
    <div className="page">
      {c.data ? (
        <p>
          <Link to={`/collaborations/${id}`}>{t('competence.backTo', { name: c.data.name })}</Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      <p className="lead">{t('competence.intro')}</p>
      {data.isPending ? <Loading /> : null}
      <CompetenceError error={data.error} />
      {data.data ? (
        <>
          <NeedsSection id={id} data={data.data} />
          <TrainingSection id={id} data={data.data} />
          <CoverageTable data={data.data} />
        </>
      ) : null}
    </div>
  );
}

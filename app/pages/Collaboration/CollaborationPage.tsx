import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useCollaboration } from './api.ts';
import { CollabError } from './errors.tsx';
import { Municipalities } from './Municipalities.tsx';
import { Parties } from './Parties.tsx';
import { Roadmap } from './Roadmap.tsx';

/** One collaboration: the seven steps, the municipalities taking part, the parties and their people. */
export function CollaborationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const c = useCollaboration(id);
  useDocumentTitle(c.data?.name ?? t('collaborationSetup.listTitle'));
  if (c.isPending) return <Loading />;
  if (!c.data)
    return (
      <div className="page">
        <h1>{t('collaborationSetup.listTitle')}</h1>
        <CollabError error={c.error} />
      </div>
    );
  const manage = c.data.abilities.manage;
  return (
    <div className="page">
      <p>
        <Link to="/collaborations">{t('collaborationSetup.back')}</Link>
      </p>
      <h1>{c.data.name}</h1>
      <nav aria-label={t('collaborationSetup.partsNav')}>
        <ul className="link-list">
          {(['process-maps', 'decisions', 'proposals', 'governance', 'reviews'] as const).map((p) => (
            <li key={p}>
              <Link to={`/collaborations/${id}/${p}`}>{t(`collaborationSetup.pages.${p}`)}</Link>
            </li>
          ))}
          <li>
            <Link to={`/collaborations/${id}/competence`}>{t('competenceNav.competence')}</Link>
          </li>
        </ul>
      </nav>
      <Roadmap id={id} manage={manage} />
      <Municipalities collaboration={c.data} />
      <Parties collaboration={c.data} />
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Collaboration } from '../../../common/schemas/collaboration-core.ts';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useCollaboration } from './api.ts';
import { CollabError } from './errors.tsx';

/** The frame of a collaboration's part page: the way back, the title, the collaboration loaded (404 shown). */
export function SubPage({
  part,
  children,
}: {
  part: 'decisions' | 'proposals' | 'governance' | 'reviews';
  children: (c: Collaboration) => ReactNode;
}) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const c = useCollaboration(id);
  const title = t(`collaborationSetup.pages.${part}`);
  useDocumentTitle(c.data ? `${title} – ${c.data.name}` : title);
  return (
    <div className="page">
      {c.data ? (
        <p>
          <Link to={`/collaborations/${id}`}>{t('collaborationSetup.backTo', { name: c.data.name })}</Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      <p className="lead">{t(`collaborationSetup.intro.${part}`)}</p>
      {c.isPending ? <Loading /> : null}
      <CollabError error={c.error} />
      {c.data ? children(c.data) : null}
    </div>
  );
}

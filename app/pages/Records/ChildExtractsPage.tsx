import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ChildNotFound } from '../Child/ChildNotFound.tsx';
import { ExtractsPanel } from './ExtractsPanel.tsx';
import { childViewPath } from '../../components/hub/sections.ts';

/** "Begär registerutdrag": the god man or the social worker asks for everything Navet holds about the child. */
export function ChildExtractsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useChild(id);
  const name = child.data?.displayName ?? '';
  useDocumentTitle(t('records.page.childTitle', { name }));

  if (isApiError(child.error) && (child.error.status === 404 || child.error.status === 400)) return <ChildNotFound />;
  if (child.isPending) return <Loading />;
  if (child.isError) {
    return (
      <div className="page">
        <ErrorRegion error={child.error} />
      </div>
    );
  }
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={childViewPath(id, 'history')}>{t('records.page.back')}</Link>
      </p>
      <h1>{t('records.page.childTitle', { name })}</h1>
      <p className="lead">{t('records.page.childIntro')}</p>
      <ExtractsPanel owner={{ childId: id }} />
    </div>
  );
}

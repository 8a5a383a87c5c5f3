import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/** Said the same way whether the child does not exist or is not shared with the user. */
export function ChildNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('child.notFoundTitle'));
  return (
    <div className="page">
      <h1>{t('child.notFoundTitle')}</h1>
      <p>{t('child.notFoundBody')}</p>
      <p>{t('child.notFoundHelp')}</p>
      <p>
        <Link to="/">{t('child.back')}</Link>
      </p>
    </div>
  );
}

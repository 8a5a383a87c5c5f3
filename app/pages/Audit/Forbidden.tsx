import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/** The user's role does not include reading audit logs. */
export function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.forbiddenTitle'));
  return (
    <div className="page">
      <h1>{t('audit.forbiddenTitle')}</h1>
      <p>{t('audit.forbiddenBody')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../components/RequireSession.tsx';

/** The way to open a new case, for those the server allows to (social workers). */
export function NewChildLink() {
  const { t } = useTranslation();
  const me = useSession();
  if (!me.abilities.createChild) return null;
  return (
    <p>
      <Link to="/children/new" className="button">
        <span aria-hidden="true">+ </span>
        {t('childForm.newLink')}
      </Link>
    </p>
  );
}

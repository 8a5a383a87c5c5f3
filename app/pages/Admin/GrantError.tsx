import { useTranslation } from 'react-i18next';
import { shownBy } from '../../../common/errors-shown.ts';
import { grantErrors } from '../../../common/errors-shown-pages.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorRegion, Notice } from '../../components/Notice.tsx';

/** An error region that says the grant rules in words; every other error as usual. */
export function GrantErrorRegion({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error) || !shownBy(grantErrors, error.code)) return <ErrorRegion error={error} />;
  return (
    <div role="alert" aria-live="assertive">
      <Notice kind="error" title={t('errors.title')}>
        <p>{t(`grants.errors.${error.code}`)}</p>
      </Notice>
    </div>
  );
}

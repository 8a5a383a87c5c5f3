import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorRegion, Notice } from '../../components/Notice.tsx';

/** The server's ids for a refused role request or decision (server/domain/tenancy/grants.service.ts). */
const grantCodes = ['grant_to_self', 'grant_own_request', 'grant_pending', 'grant_decided', 'user_disabled'] as const;
type GrantCode = (typeof grantCodes)[number];

const isGrantCode = (code: string): code is GrantCode => (grantCodes as readonly string[]).includes(code);

/** An error region that says the grant rules in words; every other error as usual. */
export function GrantErrorRegion({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error) || !isGrantCode(error.code)) return <ErrorRegion error={error} />;
  return (
    <div role="alert" aria-live="assertive">
      <Notice kind="error" title={t('errors.title')}>
        <p>{t(`grants.errors.${error.code}`)}</p>
      </Notice>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorRegion, Notice } from '../../components/Notice.tsx';

const codes = ['retention_stale', 'retention_below_minimum', 'retention_not_proposed'] as const;
type Code = (typeof codes)[number];
const isCode = (code: string): code is Code => (codes as readonly string[]).includes(code);

/** An error region that says retention's refusals in words; every other error as usual. */
export function RetentionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error) || !isCode(error.code)) return <ErrorRegion error={error} />;
  return (
    <div role="alert" aria-live="assertive">
      <Notice kind="error" title={t('errors.title')}>
        <p>{t(`retention.errors.${error.code}`)}</p>
      </Notice>
    </div>
  );
}

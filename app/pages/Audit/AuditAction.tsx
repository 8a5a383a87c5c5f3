import { useTranslation } from 'react-i18next';
import type { DeniedAttempt } from '../../../common/schemas/audit.ts';

/**
 * The texts of every audit action (common/i18n/areas/auditAction.*.json, loaded with the log pages);
 * an action without one, e.g. one added later, is shown as its code rather than hidden.
 */
export function AuditAction({ action, denied }: { action: string; denied?: DeniedAttempt | null }) {
  const { t, i18n } = useTranslation();
  if (action === 'access.denied' && denied) {
    const reason = denied.status === 403 ? t('deniedAccess.forbidden') : t('deniedAccess.notFound');
    return (
      <>
        <strong>{t('deniedAccess.what', { reason })}</strong>{' '}
        <code className="code">
          {denied.method} {denied.route}
        </code>
      </>
    );
  }
  const key = `auditAction.${action}`;
  if (!i18n.exists(key)) return <code className="code">{action}</code>;
  return <>{t(key as 'auditAction.child.read')}</>;
}

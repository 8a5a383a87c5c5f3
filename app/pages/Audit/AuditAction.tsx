import { useTranslation } from 'react-i18next';

/** Audit actions the client has words for; any other is shown as its code. */
const known = [
  'audit.read_child_log',
  'audit.read_user_log',
  'audit.review_recorded',
  'audit.export_child_log',
  'audit.export_user_log',
  'auth.login',
  'auth.login_blocked',
  'auth.login_failed',
  'auth.logout',
  'auth.logout_all',
  'auth.totp_enrolled',
  'child.list',
  'child.read',
  'demo.seeded',
] as const;
type KnownAction = (typeof known)[number];

function isKnown(action: string): action is KnownAction {
  return (known as readonly string[]).includes(action);
}

export function AuditAction({ action }: { action: string }) {
  const { t } = useTranslation();
  if (!isKnown(action)) return <code className="code">{action}</code>;
  return <>{t(`auditAction.${action}`)}</>;
}

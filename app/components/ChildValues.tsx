import { useTranslation } from 'react-i18next';
import type { AsylumStatus, ChildSummary, HubRole } from '../../common/schemas/children.ts';

/** Statuses that call for action soon; shown with a marker in words, not colour alone. */
const urgentStatuses: readonly AsylumStatus[] = ['rejected', 'final', 'return_in_progress'];

export function AsylumStatusText({ status }: { status: AsylumStatus }) {
  const { t } = useTranslation();
  const urgent = urgentStatuses.includes(status);
  return (
    <span className={`status ${urgent ? 'status--urgent' : ''}`}>
      {urgent ? <span aria-hidden="true">● </span> : null}
      {t(`asylumStatus.${status}`)}
    </span>
  );
}

export function CaseStatusText({ status }: { status: ChildSummary['caseStatus'] }) {
  const { t } = useTranslation();
  return <>{t(`caseStatus.${status}`)}</>;
}

/** A list of hub roles in words, e.g. "god man, kontaktperson". */
export function useHubRoleList(): (roles: readonly HubRole[]) => string {
  const { t, i18n } = useTranslation();
  return (roles) =>
    new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(
      roles.map((r) => t(`hubRole.${r}`)),
    );
}

/** The guide's core three without anyone in place: a gap in the child's hub. */
export function MissingCoreRoles({ roles }: { roles: readonly HubRole[] }) {
  const { t } = useTranslation();
  const list = useHubRoleList();
  if (roles.length === 0) return null;
  return (
    <p className="flag">
      <span className="flag__icon" aria-hidden="true">
        ⚠
      </span>
      <span>
        <strong>{t('child.missingLabel')}</strong> {list(roles)}
      </span>
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../common/schemas/tenancy.ts';

/** Active, disabled or locked, in words; a warning marker besides the colour. */
export function UserStatus({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  if (user.disabledAt) return <span className="status status--urgent">{t('admin.status.disabled')}</span>;
  if (user.lockedUntil) return <span className="status status--urgent">{t('admin.status.locked')}</span>;
  return <span>{t('admin.status.active')}</span>;
}

/** "Socialsekreterare, Strömsunds kommun" for each active membership of a user. */
export function useActiveRoles(): (user: AdminUser) => string[] {
  const { t } = useTranslation();
  return (user) =>
    user.memberships.filter((m) => !m.endedAt).map((m) => `${t(`role.${m.role}`)}, ${m.organisationName}`);
}

import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadCount } from './api.ts';
import './notices.css';

/** "Notices" in the navigation, with the unread count the live stream keeps current. */
export function NoticesNavItem() {
  const { t } = useTranslation();
  const count = useUnreadCount().data ?? 0;
  return (
    <li>
      <NavLink to="/notifications">
        {t('notices.nav')}
        {count > 0 ? (
          <span className="notice-count" data-testid="unread-count">
            {t('notices.navUnread', { count })}
          </span>
        ) : null}
      </NavLink>
    </li>
  );
}

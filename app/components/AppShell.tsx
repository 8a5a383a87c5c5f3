import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../api/auth.ts';
import type { LoginState } from '../session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NoticesNavItem } from './notifications/NoticesNavItem.tsx';
import { ErrorRegion } from './Notice.tsx';
import { useSession } from './RequireSession.tsx';

// The dialog library is large and this dialog rare, and the live notices show nothing until a notice comes:
// both come in files of their own, after the page, so the first load stays small.
const ConfirmDialog = lazy(async () => ({ default: (await import('./ConfirmDialog.tsx')).ConfirmDialog }));
const LiveNotices = lazy(async () => ({ default: (await import('./notifications/LiveNotices.tsx')).LiveNotices }));

/** Header, navigation and main landmark around every logged-in page. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // After client-side navigation, move focus to the new content, as a page load would.
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  const logOut = (scope: 'this' | 'everywhere') => {
    logout.mutate(scope, {
      onSuccess: () => {
        const state: LoginState = { reason: scope === 'this' ? 'loggedOut' : 'loggedOutEverywhere' };
        void navigate('/login', { replace: true, state });
      },
    });
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <div className="brand">
            <NavLink to="/" className="brand__name">
              {t('app.name')}
            </NavLink>
            <span className="brand__tenant">{me.tenant.name}</span>
          </div>
          <div className="user-bar">
            <span className="user-bar__name">
              <span className="visually-hidden">{t('shell.loggedInAs')} </span>
              {me.user.displayName}
            </span>
            <LanguageSwitch loggedIn />
            <button type="button" className="button button--quiet" onClick={() => logOut('this')}>
              {t('shell.logout')}
            </button>
            <Suspense
              fallback={
                <button type="button" className="button button--quiet" disabled>
                  {t('shell.logoutEverywhere')}
                </button>
              }
            >
              <ConfirmDialog
                trigger={t('shell.logoutEverywhere')}
                title={t('shell.logoutEverywhereTitle')}
                body={t('shell.logoutEverywhereBody')}
                confirm={t('shell.logoutEverywhereConfirm')}
                onConfirm={() => logOut('everywhere')}
              />
            </Suspense>
          </div>
        </div>
        <nav className="main-nav" aria-label={t('shell.navLabel')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.start')}
              </NavLink>
            </li>
            <NoticesNavItem />
            <li>
              <NavLink to="/tasks">{t('tasks.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/me/data">{t('myData.nav')}</NavLink>
            </li>
            {me.memberships.some((m) => m.role !== 'volunteer') ? (
              <li>
                <NavLink to="/collaborations">{t('nav.collaborations')}</NavLink>
              </li>
            ) : null}
            {me.memberships.some((m) => m.role !== 'volunteer') ? (
              <li>
                <NavLink to="/knowledge">{t('competenceNav.knowledge')}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/may-i-share">{t('competenceNav.mayIShare')}</NavLink>
            </li>
            {me.memberships.some((m) => m.role === 'manager' || m.role === 'coordinator') ? (
              <li>
                <NavLink to="/followup">{t('followupNav.link')}</NavLink>
              </li>
            ) : null}
            {me.abilities.readAuditLog ? (
              <li>
                <NavLink to="/audit/reviews">{t('nav.reviews')}</NavLink>
              </li>
            ) : null}
            {me.abilities.manageUsers ? (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <Suspense fallback={null}>
          <LiveNotices />
        </Suspense>
        {me.tenant.isDemo ? (
          <div className="demo-banner">
            <p className="demo-banner__inner">
              <strong>{t('demo.bannerTitle')}</strong> {t('demo.banner')}
            </p>
          </div>
        ) : null}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="content">
        <ErrorRegion error={logout.error} />
        <Outlet />
      </main>
    </div>
  );
}

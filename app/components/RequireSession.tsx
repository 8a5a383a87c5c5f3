import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { MeResponse } from '../../common/schemas/auth.ts';
import { useMe } from '../api/auth.ts';
import { isApiError } from '../api/client.ts';
import type { LoginState } from '../session.ts';
import { ErrorRegion, Loading } from './Notice.tsx';

const SessionContext = createContext<MeResponse | null>(null);

/** The logged-in user, tenant and abilities. Only inside RequireSession. */
export function useSession(): MeResponse {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside RequireSession');
  return me;
}

/** Shows its children only with a live session; otherwise sends the user to login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return (
      <main id="main" className="page-centered">
        <Loading />
      </main>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const state: LoginState = { from: location.pathname + location.search };
      return <Navigate to="/login" replace state={state} />;
    }
    return (
      <main id="main" className="page-centered">
        <h1>{t('app.name')}</h1>
        <ErrorRegion error={me.error} />
        <button type="button" className="button" onClick={() => void me.refetch()}>
          {t('common.retry')}
        </button>
      </main>
    );
  }
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}

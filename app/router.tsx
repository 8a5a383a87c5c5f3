import { createBrowserRouter } from 'react-router';
import { AppShell } from './components/AppShell.tsx';
import { RequireSession } from './components/RequireSession.tsx';
import { ChildAuditPage } from './pages/Audit/ChildAuditPage.tsx';
import { ReviewsPage } from './pages/Audit/ReviewsPage.tsx';
import { ChildPage } from './pages/Child/ChildPage.tsx';
import { LoginPage } from './pages/Login/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFound/NotFoundPage.tsx';
import { StartPage } from './pages/Start/StartPage.tsx';

/** Every route of the client. All but /login need a session. */
export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      element: (
        <RequireSession>
          <AppShell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <StartPage /> },
        { path: 'children/:id', element: <ChildPage /> },
        { path: 'children/:id/audit', element: <ChildAuditPage /> },
        { path: 'audit/reviews', element: <ReviewsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

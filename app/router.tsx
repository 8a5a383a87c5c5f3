import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppShell } from './components/AppShell.tsx';
import { RequireAbility } from './components/Forbidden.tsx';
import { RequireSession } from './components/RequireSession.tsx';
import { AdminPage } from './pages/Admin/AdminPage.tsx';
import { NewUserPage } from './pages/Admin/NewUserPage.tsx';
import { OrganisationsPage } from './pages/Admin/OrganisationsPage.tsx';
import { UserPage } from './pages/Admin/UserPage.tsx';
import { UsersPage } from './pages/Admin/UsersPage.tsx';
import { ChildAuditPage } from './pages/Audit/ChildAuditPage.tsx';
import { ReviewsPage } from './pages/Audit/ReviewsPage.tsx';
import { BeskedPage } from './pages/Besked/BeskedPage.tsx';
import { ChildPage } from './pages/Child/ChildPage.tsx';
import { ConsentPage } from './pages/Consent/ConsentPage.tsx';
import { EditChildPage } from './pages/Child/EditChildPage.tsx';
import { NewChildPage } from './pages/Children/NewChildPage.tsx';
import { TopicsPage } from './pages/Children/TopicsPage.tsx';
import { ChildViewPage } from './pages/ChildView/ChildViewPage.tsx';
import { LoginPage } from './pages/Login/LoginPage.tsx';
import { MeetingNewPage } from './pages/Meeting/MeetingNewPage.tsx';
import { MeetingPage } from './pages/Meeting/MeetingPage.tsx';
import { NotFoundPage } from './pages/NotFound/NotFoundPage.tsx';
import { PlanPage } from './pages/Plan/PlanPage.tsx';
import { NotificationsPage } from './pages/Notifications/NotificationsPage.tsx';
import { StartPage } from './pages/Start/StartPage.tsx';
import { TasksPage } from './pages/Tasks/TasksPage.tsx';

const audit = (page: ReactNode) => <RequireAbility ability="readAuditLog">{page}</RequireAbility>;
const admin = (page: ReactNode) => <RequireAbility ability="manageUsers">{page}</RequireAbility>;

/** Every route of the client. All but /login need a session. */
export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    // The child's own view: no adult session, its own language and layout.
    { path: '/c/:token?', element: <ChildViewPage /> },
    {
      element: (
        <RequireSession>
          <AppShell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <StartPage /> },
        {
          path: 'children/new',
          element: (
            <RequireAbility ability="createChild">
              <NewChildPage />
            </RequireAbility>
          ),
        },
        { path: 'children/:id', element: <ChildPage /> },
        { path: 'children/:id/edit', element: <EditChildPage /> },
        { path: 'children/:id/consents', element: <ConsentPage /> },
        { path: 'plans/:id', element: <PlanPage /> },
        { path: 'children/:id/audit', element: audit(<ChildAuditPage />) },
        { path: 'children/:id/besked', element: <BeskedPage /> },
        { path: 'meetings/new', element: <MeetingNewPage /> },
        { path: 'meetings/:id', element: <MeetingPage /> },
        { path: 'tasks', element: <TasksPage /> },
        { path: 'audit/reviews', element: audit(<ReviewsPage />) },
        { path: 'admin', element: admin(<AdminPage />) },
        { path: 'admin/organisations', element: admin(<OrganisationsPage />) },
        { path: 'admin/topics', element: admin(<TopicsPage />) },
        { path: 'admin/users', element: admin(<UsersPage />) },
        { path: 'admin/users/new', element: admin(<NewUserPage />) },
        { path: 'admin/users/:id', element: admin(<UserPage />) },
        { path: 'notifications', element: <NotificationsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

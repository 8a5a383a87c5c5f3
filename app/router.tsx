import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppShell } from './components/AppShell.tsx';
import { RequireSession } from './components/RequireSession.tsx';
import { route } from './lazyRoute.tsx';

/**
 * The pages inside the logged-in shell. A new page is one line:
 * `route('path', () => import('./pages/X/XPage.tsx'), 'XPage', ability?)`. Its code becomes a
 * separate file fetched on the first visit, so the first load stays small (`npm run test:e2e`
 * fails when it outgrows its budget, see scripts/check-bundle.mjs).
 */
const shellPages: RouteObject[] = [
  route('', () => import('./pages/Start/StartPage.tsx'), 'StartPage', undefined, [
    'collaborationSetup',
    'levels',
    'childForm',
    'everyday',
    'besked',
  ]),
  route('children/new', () => import('./pages/Children/NewChildPage.tsx'), 'NewChildPage', 'createChild', [
    'childForm',
  ]),
  route('children/:id', () => import('./pages/Child/ChildPage.tsx'), 'ChildPage', undefined, [
    'childPage',
    'records',
    'childvoice',
    'consent',
    'childForm',
    'besked',
  ]),
  route('children/:id/edit', () => import('./pages/Child/EditChildPage.tsx'), 'EditChildPage', undefined, [
    'childForm',
  ]),
  route('children/:id/consents', () => import('./pages/Consent/ConsentPage.tsx'), 'ConsentPage', undefined, [
    'consent',
  ]),
  route('children/:id/audit', () => import('./pages/Audit/ChildAuditPage.tsx'), 'ChildAuditPage', 'readAuditLog', [
    'review',
    'deniedAccess',
    'auditAction',
  ]),
  route(
    'children/:id/extracts',
    () => import('./pages/Records/ChildExtractsPage.tsx'),
    'ChildExtractsPage',
    undefined,
    ['records'],
  ),
  route('me/data', () => import('./pages/Records/MyDataPage.tsx'), 'MyDataPage', undefined, ['records']),
  route('children/:id/besked', () => import('./pages/Besked/BeskedPage.tsx'), 'BeskedPage', undefined, ['besked']),
  route('plans/:id', () => import('./pages/Plan/PlanPage.tsx'), 'PlanPage', undefined, ['everyday', 'consent']),
  route('meetings/new', () => import('./pages/Meeting/MeetingNewPage.tsx'), 'MeetingNewPage', undefined, ['everyday']),
  route('meetings/:id', () => import('./pages/Meeting/MeetingPage.tsx'), 'MeetingPage', undefined, ['everyday']),
  route('tasks', () => import('./pages/Tasks/TasksPage.tsx'), 'TasksPage'),
  route('notifications', () => import('./pages/Notifications/NotificationsPage.tsx'), 'NotificationsPage', undefined, [
    'everyday',
  ]),
  route('audit/reviews', () => import('./pages/Audit/ReviewsPage.tsx'), 'ReviewsPage', 'readAuditLog', [
    'review',
    'deniedAccess',
    'auditAction',
  ]),
  route(
    'audit/sampled-reviews',
    () => import('./pages/Audit/ReviewSampledListPage.tsx'),
    'ReviewSampledListPage',
    'readAuditLog',
    ['retention'],
  ),
  route(
    'audit/sampled-reviews/:id',
    () => import('./pages/Audit/ReviewSampledPage.tsx'),
    'ReviewSampledPage',
    'readAuditLog',
    ['retention', 'deniedAccess', 'auditAction'],
  ),
  route('admin/retention', () => import('./pages/Retention/RetentionPage.tsx'), 'RetentionPage', 'manageUsers', [
    'retention',
  ]),
  route('admin/retention/holds', () => import('./pages/Retention/HoldsPage.tsx'), 'HoldsPage', 'manageUsers', [
    'retention',
  ]),
  route('admin', () => import('./pages/Admin/AdminPage.tsx'), 'AdminPage', 'manageUsers', [
    'identity',
    'grants',
    'noticeSettings',
  ]),
  route('audit/users/:id', () => import('./pages/Audit/UserAuditPage.tsx'), 'UserAuditPage', 'readAuditLog', [
    'review',
    'deniedAccess',
    'auditAction',
  ]),
  route('admin/notices', () => import('./pages/Admin/NoticeSettingsPage.tsx'), 'NoticeSettingsPage', 'manageUsers', [
    'noticeSettings',
  ]),
  route('admin/identity', () => import('./pages/Admin/IdentityPage.tsx'), 'IdentityPage', 'manageUsers', ['identity']),
  route('admin/organisations', () => import('./pages/Admin/OrganisationsPage.tsx'), 'OrganisationsPage', 'manageUsers'),
  route('admin/grants', () => import('./pages/Admin/GrantsPage.tsx'), 'GrantsPage', 'manageUsers', ['grants']),
  route('admin/topics', () => import('./pages/Children/TopicsPage.tsx'), 'TopicsPage', 'manageUsers', ['tenantTopics']),
  route('admin/users', () => import('./pages/Admin/UsersPage.tsx'), 'UsersPage', 'manageUsers', [
    'everyday',
    'loginThrottle',
  ]),
  route('admin/users/new', () => import('./pages/Admin/NewUserPage.tsx'), 'NewUserPage', 'manageUsers'),
  route('admin/users/:id', () => import('./pages/Admin/UserPage.tsx'), 'UserPage', 'manageUsers', [
    'grants',
    'loginThrottle',
  ]),
  route('followup', () => import('./pages/Followup/FollowupPage.tsx'), 'FollowupPage', undefined, [
    'followup',
    'levels',
  ]),
  route('followup/indicators/:id', () => import('./pages/Followup/IndicatorPage.tsx'), 'IndicatorPage', undefined, [
    'followup',
  ]),
  route(
    'collaborations',
    () => import('./pages/Collaboration/CollaborationsPage.tsx'),
    'CollaborationsPage',
    undefined,
    ['collaborationSetup'],
  ),
  route(
    'collaborations/:id',
    () => import('./pages/Collaboration/CollaborationPage.tsx'),
    'CollaborationPage',
    undefined,
    ['collaborationSetup'],
  ),
  route(
    'collaborations/:id/competence',
    () => import('./pages/Competence/CompetencePage.tsx'),
    'CompetencePage',
    undefined,
    ['competence', 'collaborationSetup'],
  ),
  route('competence/mine', () => import('./pages/Competence/MyTrainingPage.tsx'), 'MyTrainingPage', undefined, [
    'competence',
  ]),
  route('may-i-share', () => import('./pages/Competence/MayISharePage.tsx'), 'MayISharePage', undefined, [
    'consent',
    'competence',
  ]),
  route('knowledge', () => import('./pages/Knowledge/KnowledgePage.tsx'), 'KnowledgePage', undefined, ['competence']),
  route('knowledge/:articleId', () => import('./pages/Knowledge/ArticlePage.tsx'), 'ArticlePage', undefined, [
    'competence',
  ]),
  route(
    'collaborations/:id/decisions',
    () => import('./pages/Collaboration/DecisionsPage.tsx'),
    'DecisionsPage',
    undefined,
    ['collaborationSetup'],
  ),
  route(
    'collaborations/:id/proposals',
    () => import('./pages/Collaboration/ProposalsPage.tsx'),
    'ProposalsPage',
    undefined,
    ['collaborationSetup'],
  ),
  route(
    'collaborations/:id/governance',
    () => import('./pages/Collaboration/GovernancePage.tsx'),
    'GovernancePage',
    undefined,
    ['collaborationSetup'],
  ),
  route('collaborations/:id/process-maps', () => import('./pages/ProcessMaps/MapsPage.tsx'), 'MapsPage', undefined, [
    'processmaps',
  ]),
  route(
    'collaborations/:id/process-maps/:mapId',
    () => import('./pages/ProcessMaps/MapPage.tsx'),
    'MapPage',
    undefined,
    ['processmaps'],
  ),
  route('collaborations/:id/reviews', () => import('./pages/Collaboration/ReviewsPage.tsx'), 'ReviewsPage', undefined, [
    'collaborationSetup',
  ]),
  route('collaborations/:id/forum', () => import('./pages/Forum/ForumPage.tsx'), 'ForumPage', undefined, [
    'collaborationSetup',
    'levels',
  ]),
  route(
    'collaborations/:id/strategic',
    () => import('./pages/Strategic/StrategicPage.tsx'),
    'StrategicPage',
    undefined,
    ['collaborationSetup', 'levels'],
  ),
  route('*', () => import('./pages/NotFound/NotFoundPage.tsx'), 'NotFoundPage'),
];

/** Every route of the client. All but /login and the child's own view need a session. */
export function createAppRouter() {
  return createBrowserRouter([
    route('/login', () => import('./pages/Login/LoginPage.tsx'), 'LoginPage', undefined, ['identity']),
    // The child's own view: no adult session, its own language and layout.
    route('/invite', () => import('./pages/Login/InvitationPage.tsx'), 'InvitationPage', undefined, ['identity']),
    route('/forgot-password', () => import('./pages/Login/ForgotPasswordPage.tsx'), 'ForgotPasswordPage', undefined, [
      'identity',
    ]),
    route('/reset-password', () => import('./pages/Login/ResetPasswordPage.tsx'), 'ResetPasswordPage', undefined, [
      'identity',
    ]),
    route('/c/:token?', () => import('./pages/ChildView/ChildViewPage.tsx'), 'ChildViewPage'),
    {
      element: (
        <RequireSession>
          <AppShell />
        </RequireSession>
      ),
      children: shellPages,
    },
  ]);
}

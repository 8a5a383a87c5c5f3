import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { useChildOverview } from '../../api/childOverview.ts';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import { ChildFlags } from '../../components/hub/ChildFlags.tsx';
import { ChildHeader } from '../../components/hub/ChildHeader.tsx';
import '../../components/hub/hub.css';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useSession } from '../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { visibleViews } from './childViews.ts';
import { ChildNotFound } from './ChildNotFound.tsx';
import { ChildSummary } from './ChildSummary.tsx';
import { useShownView } from './useShownView.ts';
import { ViewNav } from './ViewNav.tsx';
import { ViewSections } from './ViewSections.tsx';

/**
 * One child and the hub around them. The header, the summary and the flags stand at the top of
 * every view; below them one view at a time (events, the hub, questions, meetings, …), chosen from
 * the view links and kept in the URL. Sections are self-contained, each taking `{ child }` (the
 * ChildDetail with its `abilities`) and deciding for itself whether it shows. Forms open on demand (Reveal).
 */
export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // The first view in one request; it fills the child's, hub's, dates', meetings' and questions' queries.
  const overview = useChildOverview(id);
  const child = useChild(id, overview.isSuccess);
  useDocumentTitle(child.data?.displayName ?? t('child.title'));

  const error = overview.error ?? child.error;
  // A malformed id (400) and a child outside one's scope (404) look the same to the user.
  if (isApiError(error) && (error.status === 404 || error.status === 400)) return <ChildNotFound />;
  if (error) {
    return (
      <div className="page">
        <h1>{t('child.title')}</h1>
        <ErrorRegion error={error} />
      </div>
    );
  }
  if (!child.data) return <Loading />;
  return <ChildLoaded child={child.data} />;
}

/** Once the child is here: the views depend on what this reader may see of them. */
function ChildLoaded({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const views = visibleViews(child, me.abilities.readAuditLog);
  const shown = useShownView(views);
  return (
    <div className="page hub-page">
      <p className="breadcrumb">
        <Link to="/">{t('child.back')}</Link>
      </p>
      <ChildHeader child={child} />
      <ChildSummary child={child} />
      <ChildFlags child={child} />
      <ViewNav views={views} shown={shown} />
      <ViewSections key={shown} view={shown} child={child} />
    </div>
  );
}

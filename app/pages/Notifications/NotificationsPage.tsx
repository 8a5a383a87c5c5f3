import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMarkAllRead, useNotifications } from '../../components/notifications/api.ts';
import '../../components/notifications/notices.css';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { useSession } from '../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { FailedJobs } from './FailedJobs.tsx';
import { MyDeadlines } from './MyDeadlines.tsx';
import { NoticeItem } from './NoticeItem.tsx';

const PAGE_SIZE = 25;

/** My notices, newest first, with my coming dates; the tenant admin also sees sending that failed. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ unread: unreadOnly || undefined, page, pageSize: PAGE_SIZE });
  useDocumentTitle(t('notices.title'));
  const isAdmin = me.memberships.some((m) => m.role === 'tenant_admin');
  const markAll = useMarkAllRead();
  const [marked, setMarked] = useState<number | null>(null);

  return (
    <div className="page">
      <h1>{t('notices.title')}</h1>
      <p className="lead">{t('everyday.notices.intro')}</p>
      <div className="notice-toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setPage(1);
            }}
          />{' '}
          {t('notices.unreadOnly')}
        </label>
        {list.data && list.data.unreadCount > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onSuccess: (r) => setMarked(r.marked) })}
          >
            {t('everyday.notices.markAll')}
          </button>
        ) : null}
      </div>
      <p role="status" className="hub-saved">
        {marked !== null ? t('everyday.notices.markedAll', { count: marked }) : null}
      </p>
      <ErrorRegion error={list.error ?? markAll.error} />
      {list.isPending ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{t('notices.empty')}</p> : null}
      <ul className="notice-list" aria-label={t('notices.title')}>
        {list.data?.items.map((n) => (
          <NoticeItem key={n.id} n={n} />
        ))}
      </ul>
      {list.data ? <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} /> : null}
      <MyDeadlines />
      {isAdmin ? <FailedJobs /> : null}
    </div>
  );
}

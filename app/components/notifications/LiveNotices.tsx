import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification, StreamNotice } from '../../../common/schemas/notifications.ts';
import { childKeys } from '../../api/children.ts';
import { useFormatDate, useFormatDateTime } from '../format.ts';
import { noticeKeys, useMarkNotice } from './api.ts';
import { noticeText } from './noticeText.ts';
import './notices.css';

const STREAM = '/api/notifications/stream';
/** Pop-ups kept on screen at once; older ones are in the list. */
const MAX_SHOWN = 3;

/**
 * Opens the live stream for this page and shows each new notice at once, with
 * "I have seen this". Every open page of the user gets its own stream, so all
 * of them update. The counter in the navigation reads the same cached count.
 */
export function LiveNotices() {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const mark = useMarkNotice();
  const [shown, setShown] = useState<Notification[]>([]);

  useEffect(() => {
    // EventSource reconnects by itself after a network blip; a closed session ends it (401).
    const source = new EventSource(STREAM);
    const onUnread = (e: MessageEvent<string>) => {
      const { unreadCount } = JSON.parse(e.data) as { unreadCount: number };
      queryClient.setQueryData(noticeKeys.unread(), unreadCount);
    };
    const onNotice = (e: MessageEvent<string>) => {
      const { notification, unreadCount } = JSON.parse(e.data) as StreamNotice;
      queryClient.setQueryData(noticeKeys.unread(), unreadCount);
      // Urgent first: a rejection never sits under a less important suggestion.
      setShown((list) =>
        [notification, ...list.filter((n) => n.id !== notification.id)]
          .sort((a, b) => Number(b.urgency === 'immediate') - Number(a.urgency === 'immediate'))
          .slice(0, MAX_SHOWN),
      );
      void queryClient.invalidateQueries({ queryKey: noticeKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: noticeKeys.myDeadlines() });
      // An event changes the child's status and dates: the child's page, if open, follows.
      if (notification.childId)
        void queryClient.invalidateQueries({ queryKey: childKeys.detail(notification.childId) });
    };
    source.addEventListener('unread', onUnread);
    source.addEventListener('notice', onNotice);
    return () => source.close();
  }, [queryClient]);

  const dismiss = (id: string) => setShown((list) => list.filter((n) => n.id !== id));

  return (
    <section className="live-notices" aria-label={t('notices.liveLabel')}>
      <div aria-live="polite" aria-atomic="false">
        {shown.map((n) => (
          <div key={n.id} className={`live-notice live-notice--${n.urgency}`}>
            <p>
              <strong>{n.urgency === 'immediate' ? t('notices.urgent') : t('notices.liveTitle')}:</strong>{' '}
              {noticeText(t, (k) => i18n.exists(k), n, formatDate, formatDateTime)}
            </p>
            <div className="notice-actions">
              {/* Only an urgent notice asks to be acknowledged; the others are opened or closed. */}
              {n.urgency === 'immediate' ? (
                <button
                  type="button"
                  className="button"
                  disabled={mark.isPending}
                  onClick={() => mark.mutate({ id: n.id, what: 'acknowledge' }, { onSuccess: () => dismiss(n.id) })}
                >
                  {t('notices.acknowledge')}
                </button>
              ) : null}
              <Link to={n.link} className="button button--secondary" onClick={() => dismiss(n.id)}>
                {t('notices.open')}
              </Link>
              <button type="button" className="button button--quiet" onClick={() => dismiss(n.id)}>
                {t('notices.dismiss')}
              </button>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../../common/schemas/notifications.ts';
import { useMarkNotice } from '../../components/notifications/api.ts';
import { noticeText } from '../../components/notifications/noticeText.ts';
import { useFormatDate, useFormatDateTime } from '../../components/format.ts';

/**
 * One notice: what, when, and one clear act on it. An urgent notice not yet acknowledged asks for
 * "I have seen this" (it escalates until then); any other unread one only needs reading. "Open"
 * goes to what it is about and counts as reading it.
 */
export function NoticeItem({ n }: { n: Notification }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const mark = useMarkNotice();
  const needsAck = n.urgency === 'immediate' && !n.acknowledgedAt;
  return (
    <li className={`notice-item${n.readAt ? '' : ' notice-item--unread'}${needsAck ? ' notice-item--urgent' : ''}`}>
      <p>
        {n.urgency === 'immediate' ? <strong className="status--urgent">{t('notices.urgent')}: </strong> : null}
        {noticeText(t, (k) => i18n.exists(k), n, formatDate, formatDateTime)}
      </p>
      <p className="hub-muted hub-small">
        {formatDateTime(n.createdAt)}
        {n.acknowledgedAt
          ? ` · ${t('notices.acknowledgedAt', { time: formatDateTime(n.acknowledgedAt) })}`
          : n.readAt
            ? ` · ${t('notices.readAt', { time: formatDateTime(n.readAt) })}`
            : ''}
      </p>
      {needsAck ? <p className="hub-small">{t('everyday.notices.ackHint')}</p> : null}
      <div className="notice-actions">
        {needsAck ? (
          <button
            type="button"
            className="button"
            disabled={mark.isPending}
            onClick={() => mark.mutate({ id: n.id, what: 'acknowledge' })}
          >
            {t('notices.acknowledge')}
          </button>
        ) : null}
        <Link
          to={n.link}
          className="button button--secondary"
          onClick={() => (n.readAt ? undefined : mark.mutate({ id: n.id, what: 'read' }))}
        >
          {t('notices.open')}
        </Link>
        {!needsAck && !n.readAt ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={mark.isPending}
            onClick={() => mark.mutate({ id: n.id, what: 'read' })}
          >
            {t('notices.markRead')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormatDateTime } from '../../components/format.ts';
import { Notice } from '../../components/Notice.tsx';
import { useCalendarFeed, useCreateFeed, useRevokeFeed } from '../Meeting/api.ts';
import { MeetingErrorRegion } from '../Meeting/values.tsx';

/**
 * My private calendar address, for a calendar app to subscribe to. It is
 * shown once when made (only its hash is kept); a new one replaces it, and
 * withdrawing it stops every app that polls it.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const feed = useCalendarFeed();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const active = feed.data?.active ?? false;

  return (
    <section className="panel" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('tasks.calendar.title')}</h2>
      <p>{t('tasks.calendar.intro')}</p>
      <MeetingErrorRegion error={feed.error ?? create.error ?? revoke.error} />
      <div role="status">
        {create.data?.url ? (
          <Notice kind="success" title={t('tasks.calendar.madeTitle')}>
            <p>{t('tasks.calendar.madeBody')}</p>
            <p className="mtg-feed-url">{create.data.url}</p>
          </Notice>
        ) : null}
      </div>
      {feed.data ? (
        <p>
          {active && feed.data.createdAt
            ? t('tasks.calendar.active', { at: formatDateTime(feed.data.createdAt) })
            : t('tasks.calendar.inactive')}
        </p>
      ) : null}
      <div className="hub-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => create.mutate()}
          disabled={create.isPending}
        >
          {active ? t('tasks.calendar.renew') : t('tasks.calendar.create')}
        </button>
        {active ? (
          <ConfirmDialog
            trigger={t('tasks.calendar.revoke')}
            title={t('tasks.calendar.revokeTitle')}
            body={t('tasks.calendar.revokeBody')}
            confirm={t('tasks.calendar.revokeConfirm')}
            onConfirm={() => revoke.mutate(undefined, { onSuccess: () => create.reset() })}
          />
        ) : null}
      </div>
    </section>
  );
}

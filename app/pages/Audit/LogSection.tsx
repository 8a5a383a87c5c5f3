import { useTranslation } from 'react-i18next';
import type { useChildLog } from '../../api/audit.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { LogTable } from './LogTable.tsx';

/** A child's or a user's log: the CSV download, the rows, and older pages on demand. */
export function LogSection({ log, csvHref }: { log: ReturnType<typeof useChildLog>; csvHref: string }) {
  const { t } = useTranslation();
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">{t('audit.entriesTitle')}</h2>
      <p>
        {/* A plain link: the browser downloads with the session cookie, and the server logs the export. */}
        <a className="button button--secondary" href={csvHref} download aria-describedby="csv-hint">
          {t('audit.downloadCsv')}
        </a>
      </p>
      <p id="csv-hint" className="field__hint">
        {t('audit.downloadCsvHint')}
      </p>
      <ErrorRegion error={log.error} />
      {log.isPending ? <Loading /> : null}
      {log.data && entries.length === 0 ? <p className="empty">{t('audit.empty')}</p> : null}
      {entries.length > 0 ? <LogTable entries={entries} labelledBy="log-heading" /> : null}
      {log.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
        >
          {log.isFetchingNextPage ? t('common.loading') : t('audit.older')}
        </button>
      ) : null}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, figuresExportUrl, yearlyReportUrl, type FiguresArgs } from '../../api/followup.ts';
import { ErrorRegion } from '../../components/Notice.tsx';

interface Props {
  /** The figures shown on the page. */
  args: FiguresArgs;
  /** The collaboration whose yearly report the reader may get (its strategic level), or null. */
  report: { id: string; year: number } | null;
}

/**
 * The figures as CSV or XLSX, and a collaboration's yearly report as PDF.
 * A file is fetched here rather than by a plain link so that the page can say,
 * in a live region, that it is being prepared and how much has arrived: the
 * report takes a while for a large collaboration.
 */
export function Downloads({ args, report }: Props) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);

  const run = async (name: string, url: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(t('followup.downloads.busy', { name }));
    try {
      await downloadFile(url, (bytes) =>
        setStatus(t('followup.downloads.busyBytes', { name, kb: String(Math.ceil(bytes / 1024)) })),
      );
      setStatus(t('followup.downloads.done', { name }));
    } catch (e) {
      setError(e);
      setStatus(t('followup.downloads.failed', { name }));
    } finally {
      setBusy(false);
    }
  };

  const files = [
    { name: t('followup.downloads.csv'), url: figuresExportUrl(args, 'csv') },
    { name: t('followup.downloads.xlsx'), url: figuresExportUrl(args, 'xlsx') },
    ...(report
      ? [
          {
            name: t('followup.downloads.report', { year: String(report.year) }),
            url: yearlyReportUrl(report.id, report.year, i18n.language),
          },
        ]
      : []),
  ];
  return (
    <section className="panel followup-downloads" aria-labelledby="followup-downloads" aria-busy={busy}>
      <h2 id="followup-downloads">{t('followup.downloads.title')}</h2>
      <p>{t('followup.downloads.intro')}</p>
      <div className="followup-download-buttons">
        {files.map((f) => (
          <button
            key={f.url}
            type="button"
            className="button button--secondary"
            aria-disabled={busy}
            onClick={() => void run(f.name, f.url)}
          >
            {f.name}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="followup-download-status">
        {status}
      </p>
      <ErrorRegion error={error} />
    </section>
  );
}

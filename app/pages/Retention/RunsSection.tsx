import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordType, RetentionRun } from '../../../common/schemas/retention.ts';
import { useApproveRun, useDryRun, useRetentionRuns } from '../../api/retention.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormatDate, useFormatDateTime } from '../../components/format.ts';
import { Loading, Notice } from '../../components/Notice.tsx';
import { RetentionError } from './RetentionError.tsx';

/** The newest dry run with its report, approval and progress; the daily job builds one, the admin may too. */
export function RunsSection() {
  const { t } = useTranslation();
  const runs = useRetentionRuns();
  const build = useDryRun();
  const latest = runs.data?.items[0];
  return (
    <section aria-labelledby="retention-runs">
      <h2 id="retention-runs">{t('retention.runsTitle')}</h2>
      <p>{t('retention.runsIntro')}</p>
      <button
        type="button"
        className="button button--secondary"
        disabled={build.isPending}
        onClick={() => build.mutate()}
      >
        {t('retention.buildRun')}
      </button>
      <RetentionError error={runs.error ?? build.error} />
      {runs.isPending ? <Loading /> : null}
      {runs.data && !latest ? <p>{t('retention.noRuns')}</p> : null}
      {latest ? <RunCard run={latest} /> : null}
    </section>
  );
}

function RunCard({ run }: { run: RetentionRun }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();
  const approve = useApproveRun();
  const [approved, setApproved] = useState(false);
  const typeName = (type: RecordType) => t(`retention.type.${type}`);
  const rows = run.counts.reduce((n, c) => n + c.rows, 0);
  return (
    <article className="review-card" aria-labelledby={`run-${run.id}`}>
      <h3 id={`run-${run.id}`}>{t('retention.runTitle', { time: formatDateTime(run.createdAt) })}</h3>
      <p>
        <strong>{t(`retention.status.${run.status}`)}</strong>
      </p>
      {run.counts.length === 0 ? <p>{t('retention.nothing')}</p> : null}
      {run.counts.length > 0 ? (
        <table className="table">
          <caption>{t('retention.countsLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('retention.colType')}</th>
              <th scope="col">{t('retention.colRows')}</th>
              <th scope="col">{t('retention.colCases')}</th>
              <th scope="col">{t('retention.colRule')}</th>
            </tr>
          </thead>
          <tbody>
            {run.counts.map((c) => (
              <tr key={c.type}>
                <th scope="row">{typeName(c.type)}</th>
                <td>{c.rows}</td>
                <td>{c.cases}</td>
                <td>{c.months}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {run.auditNeedsKey ? <p>{t('retention.auditNeedsKey')}</p> : null}
      {run.cases.length > 0 ? (
        <>
          <h4>{t('retention.casesTitle')}</h4>
          <ul>
            {run.cases.map((c) => (
              <li key={c.pseudonym}>
                {c.pseudonym} ({t('retention.closedOn', { date: formatDate(c.closedOn) })}):{' '}
                {c.types.map(typeName).join(', ')}
              </li>
            ))}
          </ul>
          {run.cases.some((c) => c.types.includes('child')) ? <p>{t('retention.anonymised')}</p> : null}
        </>
      ) : null}
      {run.held.length > 0 ? (
        <>
          <h4>{t('retention.holds.keptTitle')}</h4>
          <ul>
            {run.held.map((c) => (
              <li key={c.pseudonym}>
                {t('retention.holds.kept', { case: c.pseudonym, date: formatDate(c.closedOn) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <RetentionError error={approve.error} />
      <div role="status">
        {approved ? (
          <Notice kind="success">
            <p>{t('retention.approved')}</p>
          </Notice>
        ) : null}
      </div>
      {run.status === 'proposed' && run.counts.length > 0 ? (
        <ConfirmDialog
          trigger={t('retention.approve')}
          triggerClassName="button"
          title={t('retention.approveTitle')}
          body={t('retention.approveBody', {
            rows,
            cases: run.cases.length,
            types: run.counts.map((c) => `${typeName(c.type)}: ${c.rows}`).join(', '),
          })}
          confirm={t('retention.approve')}
          onConfirm={() => approve.mutate(run.id, { onSuccess: () => setApproved(true) })}
        />
      ) : null}
      {run.status === 'approved' || run.status === 'done' ? (
        <>
          <label htmlFor={`progress-${run.id}`}>{t('retention.progress')}</label>{' '}
          <progress id={`progress-${run.id}`} max={run.progress.total} value={run.progress.done} />{' '}
          <span>{t('retention.progressText', run.progress)}</span>
          {run.approvedByName && run.approvedAt ? (
            <p className="hub-muted hub-small">
              {t('retention.approvedBy', { name: run.approvedByName, time: formatDateTime(run.approvedAt) })}
            </p>
          ) : null}
        </>
      ) : null}
    </article>
  );
}

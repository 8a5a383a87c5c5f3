import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { historyKinds, type HistoryEntry } from '../../../common/schemas/records.ts';
import { useHistory } from '../../api/records.ts';
import { ErrorRegion, Loading, Notice } from '../Notice.tsx';
import { Pagination } from '../Pagination.tsx';
import { useFormatDateTime } from '../format.ts';

/** The child's whole history from the domain tables: filter by kind and period, paged; texts of the records area. */
export function History({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [applied, setApplied] = useState({ kinds: '', from: '', to: '', page: 1 });
  const history = useHistory(child.id, applied, child.abilities.readTimeline);
  const dateTime = useFormatDateTime();
  if (!child.abilities.readTimeline) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ kinds, from, to, page: 1 });
  };
  const line = (e: HistoryEntry) =>
    t(`records.history.event.${e.event.replace('.', '_') as 'plan_created'}`, {
      version: e.detail.version ?? '',
      name: e.detail.memberName ?? '',
    });

  return (
    <section className="panel hub-section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('records.history.title')}</h2>
      <form className="history-filter" aria-label={t('records.history.filter')} onSubmit={submit}>
        <label>
          {t('records.history.kind')}{' '}
          <select value={kinds} onChange={(e) => setKinds(e.target.value)}>
            <option value="">{t('records.history.allKinds')}</option>
            {historyKinds.map((k) => (
              <option key={k} value={k}>
                {t(`records.history.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('records.history.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>{' '}
        <label>
          {t('records.history.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>{' '}
        <button type="submit" className="button button--secondary">
          {t('records.history.filter')}
        </button>
      </form>
      <ErrorRegion error={history.error} />
      {history.isPending ? <Loading /> : null}
      {history.data?.someWithheld ? (
        <Notice kind="info" title={t('records.history.withheld')}>
          <p>{t('records.history.withheldBody')}</p>
        </Notice>
      ) : null}
      {history.data?.items.length === 0 ? <p>{t('records.history.empty')}</p> : null}
      <ol className="hub-timeline" aria-label={t('records.history.title')}>
        {history.data?.items.map((e) => (
          <li key={`${e.event}:${e.refId}:${e.at}`} className="hub-timeline__entry">
            <p className="hub-timeline__what">
              {t(`records.history.kinds.${e.kind}`)}: {line(e)}
            </p>
            <p className="hub-timeline__when">{dateTime(e.at)}</p>
          </li>
        ))}
      </ol>
      {history.data ? (
        <Pagination
          page={history.data.page}
          pageSize={history.data.pageSize}
          total={history.data.total}
          onPage={(page) => setApplied({ ...applied, page })}
        />
      ) : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Figure } from '../../../common/schemas/followup.ts';

/** One indicator: a text summary, a line chart (decorative beside them) and the same figures as a table. */
export function FigureCard({ figure }: { figure: Figure }) {
  const { t } = useTranslation();
  const name = t(`followup.indicators.${figure.indicator}.name`);
  const show = (v: number | null) =>
    v === null
      ? t('followup.masked')
      : figure.unit === 'share'
        ? `${Math.round(v * 100)} %`
        : t('followup.hours', { value: v.toLocaleString() });
  const periods = figure.points.filter((p) => p.period !== 'total');
  const latest = periods.filter((p) => p.value !== null).at(-1);
  const headingId = `fig-${figure.indicator}`;
  const summaryId = `${headingId}-summary`;
  const data = periods.map((p) => ({
    period: p.period,
    value: p.value === null ? null : figure.unit === 'share' ? Math.round(p.value * 100) : p.value,
  }));
  const target = figure.target === null ? null : figure.unit === 'share' ? figure.target * 100 : figure.target;
  return (
    <section className="panel followup-figure" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p>
        <Link to={`/followup/indicators/${figure.indicator}`}>{t('followup.definition')}</Link>
      </p>
      {figure.points.length === 0 ? (
        <p className="followup-empty">{t('followup.empty')}</p>
      ) : (
        <>
          <p id={summaryId}>
            {t('followup.summary', {
              value: latest ? show(latest.value) : t('followup.masked'),
              period: latest?.period ?? '–',
              target: figure.target === null ? t('followup.noTarget') : show(figure.target),
              status: t(`followup.status.${figure.status}`),
              trend: t(`followup.trend.${figure.trend}`),
            })}
          </p>
          <div
            className="followup-chart"
            role="img"
            tabIndex={0}
            aria-label={t('followup.chartLabel', { name })}
            aria-describedby={summaryId}
          >
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="period" />
                <YAxis />
                <Tooltip />
                {target === null ? null : <ReferenceLine y={target} stroke="#6b3fa0" strokeDasharray="6 3" />}
                <Line type="monotone" dataKey="value" stroke="#0b5394" strokeWidth={2} connectNulls={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <div className="table-scroll" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
            <table className="table">
              <caption id={`${headingId}-caption`}>{t('followup.table.caption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.table.period')}</th>
                  <th scope="col">{t('followup.table.children')}</th>
                  <th scope="col">{t('followup.table.base')}</th>
                  <th scope="col">{t('followup.table.hits')}</th>
                  <th scope="col">{t('followup.table.value')}</th>
                  {figure.unit === 'working_hours' ? <th scope="col">{t('followup.table.p90')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {figure.points.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.period === 'total' ? t('followup.table.total') : p.period}</th>
                    <td>{p.children}</td>
                    <td>{p.base}</td>
                    <td>{p.hits}</td>
                    <td>{show(p.value)}</td>
                    {figure.unit === 'working_hours' ? <td>{show(p.p90)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

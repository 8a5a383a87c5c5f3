import { useTranslation } from 'react-i18next';
import type { CompetenceOverview } from '../../../common/schemas/competence.ts';

/** Coverage per party and topic, as the server counted and masked it ("<5"). */
export function CoverageTable({ data }: { data: CompetenceOverview }) {
  const { t } = useTranslation();
  const topics = new Map(data.topics.map((x) => [x.id, x.name]));
  return (
    <section className="panel" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('competence.coverage.title')}</h2>
      {data.coverage.length === 0 ? (
        <p>{t('competence.coverage.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="coverage-caption" tabIndex={0}>
          <table className="table" data-testid="coverage">
            <caption id="coverage-caption">{t('competence.coverage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('competence.coverage.party')}</th>
                <th scope="col">{t('competence.coverage.topic')}</th>
                <th scope="col">{t('competence.coverage.staff')}</th>
                <th scope="col">{t('competence.coverage.valid')}</th>
                <th scope="col">{t('competence.coverage.share')}</th>
              </tr>
            </thead>
            <tbody>
              {data.coverage.map((r) => (
                <tr key={`${r.partyId}:${r.topicId}`}>
                  <th scope="row">{r.partyName}</th>
                  <td>{topics.get(r.topicId) ?? '—'}</td>
                  <td>{r.staff}</td>
                  <td>{r.valid}</td>
                  <td>{r.percent === null ? '–' : `${r.percent} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useMyTraining } from '../../api/competence.ts';
import { useFormatDate } from '../../components/format.ts';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CompetenceError } from './errors.tsx';

/** The actor's own trainings: where the lapse reminder leads. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  useDocumentTitle(t('competence.mine.title'));
  const mine = useMyTraining();
  return (
    <div className="page">
      <h1>{t('competence.mine.title')}</h1>
      {mine.isPending ? <Loading /> : null}
      <CompetenceError error={mine.error} />
      {mine.data?.items.length === 0 ? <p>{t('competence.mine.none')}</p> : null}
      {mine.data && mine.data.items.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="mine-caption" tabIndex={0}>
          <table className="table">
            <caption id="mine-caption" className="visually-hidden">
              {t('competence.mine.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('competence.mine.topic')}</th>
                <th scope="col">{t('competence.mine.lastHeld')}</th>
                <th scope="col">{t('competence.mine.validUntil')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.data.items.map((r) => (
                <tr key={r.topicId}>
                  <th scope="row">{r.topicName}</th>
                  <td>{formatDate(r.lastHeldOn)}</td>
                  <td>
                    {r.validUntil === null ? t('competence.mine.forever') : formatDate(r.validUntil)}
                    {r.valid ? '' : ` (${t('competence.mine.lapsed')})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

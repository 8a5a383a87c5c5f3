import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { IndicatorId } from '../../../common/schemas/followup.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/** What an indicator counts, from which data, why the guide cares and its known limits. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const parsed = IndicatorId.safeParse(useParams().id);
  const id = parsed.success ? parsed.data : null;
  useDocumentTitle(id ? t(`followup.indicators.${id}.name`) : t('followup.unknownIndicator'));
  return (
    <div className="page followup-page">
      <p className="breadcrumb">
        <Link to="/followup">{t('followup.back')}</Link>
      </p>
      {id === null ? (
        <h1>{t('followup.unknownIndicator')}</h1>
      ) : (
        <>
          <h1>{t(`followup.indicators.${id}.name`)}</h1>
          <dl className="followup-definition">
            <dt>{t('followup.what')}</dt>
            <dd>{t(`followup.indicators.${id}.what`)}</dd>
            <dt>{t('followup.data')}</dt>
            <dd>{t(`followup.indicators.${id}.data`)}</dd>
            <dt>{t('followup.why')}</dt>
            <dd>{t(`followup.indicators.${id}.why`)}</dd>
            <dt>{t('followup.limits')}</dt>
            <dd>{t(`followup.indicators.${id}.limits`)}</dd>
          </dl>
        </>
      )}
    </div>
  );
}

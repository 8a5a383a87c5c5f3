import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { AsylumStatusText, CaseStatusText, useHubRoleList } from '../ChildValues.tsx';
import { useFormatDate } from '../format.ts';
import { useLanguageName } from './values.tsx';

/** Name, age, languages and the case at a glance; only what the API sent for this reader. */
export function ChildHeader({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const roleList = useHubRoleList();
  const formatDate = useFormatDate();
  const languages = child.languages.map(languageName).join(', ');
  const full = child.view === 'full' ? child : null;

  return (
    <header className="hub-header">
      <h1>{child.displayName}</h1>
      <dl className="facts facts--large">
        {full ? (
          <div>
            <dt>{t('child.age')}</dt>
            <dd>{full.age === null ? t('child.ageUnknown') : t('child.years', { count: full.age })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('child.languages')}</dt>
          <dd>{languages || t('child.noLanguages')}</dd>
        </div>
        <div>
          <dt>{t('child.interpreter')}</dt>
          <dd>
            {child.interpreterNeeded
              ? child.interpreterLanguage
                ? t('child.interpreterIn', { language: languageName(child.interpreterLanguage) })
                : t('child.interpreterYes')
              : t('child.interpreterNo')}
          </dd>
        </div>
        {full ? (
          <div>
            <dt>{t('child.asylumStatus')}</dt>
            <dd>
              <AsylumStatusText status={full.asylumStatus} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('child.caseStatus')}</dt>
          <dd>
            <CaseStatusText status={child.caseStatus} />
            {full?.closedReason ? ` (${t(`child.closedReason.${full.closedReason}`)})` : null}
          </dd>
        </div>
        {full?.caseNumber ? (
          <div>
            <dt>{t('child.caseNumber')}</dt>
            <dd>
              <span className="code">{full.caseNumber}</span>
              {full.caseNumberMasked ? <span className="hub-muted"> {t('child.caseNumberMasked')}</span> : null}
            </dd>
          </div>
        ) : null}
        {full?.placement ? (
          <div>
            <dt>{t('child.placement')}</dt>
            <dd>
              {t(`child.placementKind.${full.placement.kind}`)}: {full.placement.organisationName}
            </dd>
          </div>
        ) : null}
        {full?.arrivalDate ? (
          <div>
            <dt>{t('child.arrivalDate')}</dt>
            <dd>{formatDate(full.arrivalDate)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('child.myRole')}</dt>
          <dd>{child.myHubRoles.length > 0 ? roleList(child.myHubRoles) : t('child.noOwnRole')}</dd>
        </div>
      </dl>
      {child.abilities.edit ? (
        <p>
          <Link to={`/children/${child.id}/edit`} className="button button--secondary">
            {t('child.edit')}
          </Link>
        </p>
      ) : null}
    </header>
  );
}

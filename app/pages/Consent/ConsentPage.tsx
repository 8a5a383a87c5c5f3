import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useConsents } from '../../components/plans/api.ts';
import '../../components/plans/plans.css';
import { PlanErrorRegion, Saved } from '../../components/plans/values.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ChildNotFound } from '../Child/ChildNotFound.tsx';
import { ConsentForm } from './ConsentForm.tsx';
import { ConsentItem } from './ConsentItem.tsx';
import { SharesSection } from './SharesSection.tsx';
import { childViewPath } from '../../components/hub/sections.ts';

/** A child's consents (and shares on a legal basis): what may be shared, between whom, for what, until when. */
export function ConsentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useChild(id);
  const full = child.data?.view === 'full';
  const consents = useConsents(id, full);
  const [saved, setSaved] = useState<string | null>(null);
  const name = child.data?.displayName ?? '';
  useDocumentTitle(child.data ? t('consent.pageTitle', { name }) : t('consent.title'));

  if (isApiError(child.error) && (child.error.status === 404 || child.error.status === 400)) return <ChildNotFound />;
  if (child.isPending) return <Loading />;
  if (child.isError || !full) {
    return (
      <div className="page">
        <h1>{t('consent.title')}</h1>
        <ErrorRegion error={child.error} />
        {!child.isError ? <p>{t('consent.notForYou')}</p> : null}
      </div>
    );
  }
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={childViewPath(id, 'plan')}>{t('consent.back', { name })}</Link>
      </p>
      <h1>{t('consent.pageTitle', { name })}</h1>
      <p className="lead">{t('consent.intro')}</p>
      <Saved message={saved} />
      <section className="panel" aria-labelledby="consents-heading">
        <h2 id="consents-heading">{t('consent.listTitle')}</h2>
        <PlanErrorRegion error={consents.error} />
        {consents.isPending ? <Loading /> : null}
        {consents.data?.items.length === 0 ? <p>{t('consent.none')}</p> : null}
        <ul className="plan-list">
          {consents.data?.items.map((c) => (
            <ConsentItem key={c.id} consent={c} onSaved={setSaved} />
          ))}
        </ul>
      </section>
      {consents.data?.abilities.record ? (
        <ConsentForm childId={id} onSaved={() => setSaved(t('consent.form.saved'))} />
      ) : null}
      <SharesSection childId={id} />
    </div>
  );
}

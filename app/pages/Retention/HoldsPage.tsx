import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActiveHold } from '../../../common/schemas/retention.ts';
import { isApiError } from '../../api/client.ts';
import { useLegalHolds, usePlaceHold, useReleaseHold } from '../../api/retention.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate, useFormatDateTime } from '../../components/format.ts';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFocusFirstError } from '../../components/useFocusFirstError.ts';

/** How the admin knows the case: its pseudonym, and the child's name only where the server gave it. */
function useCaseName() {
  const { t } = useTranslation();
  return (h: Pick<ActiveHold, 'pseudonym' | 'childName'>) =>
    h.childName ? t('retention.holds.caseNamed', { case: h.pseudonym, name: h.childName }) : h.pseudonym;
}

/** The tenant admin's legal holds: place one on a case, see those in force, lift one. */
export function HoldsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('retention.holds.title'));
  const holds = useLegalHolds();
  const [said, setSaid] = useState<string | null>(null);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin/retention">{t('retention.holds.back')}</Link>
      </p>
      <h1>{t('retention.holds.title')}</h1>
      <p className="lead">{t('retention.holds.intro')}</p>
      <div role="status">
        {said ? (
          <Notice kind="success">
            <p>{said}</p>
          </Notice>
        ) : null}
      </div>
      <PlaceForm onPlaced={setSaid} />
      <section aria-labelledby="holds-active">
        <h2 id="holds-active">{t('retention.holds.activeTitle')}</h2>
        <ErrorRegion error={holds.error} />
        {holds.isPending ? <Loading /> : null}
        {holds.data?.items.length === 0 ? <p className="empty">{t('retention.holds.empty')}</p> : null}
        {holds.data && holds.data.items.length > 0 ? (
          <ul className="review-list" aria-labelledby="holds-active">
            {holds.data.items.map((h) => (
              <HoldItem key={h.id} hold={h} onReleased={setSaid} />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

function PlaceForm({ onPlaced }: { onPlaced: (text: string | null) => void }) {
  const { t } = useTranslation();
  const caseName = useCaseName();
  const place = usePlaceHold();
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const formRef = useFocusFirstError(place.error);
  const error = place.error;
  const referenceError = !isApiError(error)
    ? null
    : !error.hasIssue('reference')
      ? null
      : error.status === 404
        ? t('retention.holds.errors.referenceUnknown')
        : reference.trim() === ''
          ? t('retention.holds.errors.referenceMissing')
          : t('retention.holds.errors.referenceAmbiguous');
  const reasonError = isApiError(error) && error.hasIssue('reason') ? t('retention.holds.errors.reasonMissing') : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPlaced(null);
    place.mutate(
      { reference, reason },
      {
        onSuccess: (hold) => {
          setReference('');
          setReason('');
          onPlaced(t('retention.holds.placed', { case: caseName(hold) }));
        },
      },
    );
  };

  return (
    <section aria-labelledby="holds-place">
      <h2 id="holds-place">{t('retention.holds.placeTitle')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate className="form">
        <Field
          name="reference"
          label={t('retention.holds.reference')}
          hint={t('retention.holds.referenceHint')}
          error={referenceError}
          value={reference}
          maxLength={100}
          autoComplete="off"
          onChange={(e) => setReference(e.target.value)}
        />
        <TextAreaField
          name="reason"
          label={t('retention.holds.reason')}
          hint={t('retention.holds.reasonHint')}
          error={reasonError}
          value={reason}
          maxLength={2000}
          rows={3}
          onChange={(e) => setReason(e.target.value)}
        />
        {/* Field errors are said at their fields; anything else here. */}
        <ErrorRegion error={referenceError || reasonError ? null : error} />
        <button type="submit" className="button" disabled={place.isPending}>
          {t('retention.holds.place')}
        </button>
      </form>
    </section>
  );
}

function HoldItem({ hold, onReleased }: { hold: ActiveHold; onReleased: (text: string) => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const name = useCaseName()(hold);
  const release = useReleaseHold();
  const headingId = `hold-${hold.id}`;
  return (
    <li className="review-card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="review-card__title">
          {name}
        </h3>
        <p className="results-count">
          {hold.closedOn
            ? t('retention.holds.closedOn', { date: formatDate(hold.closedOn) })
            : t('retention.holds.openCase')}
        </p>
        <p className="review-card__findings-label">{t('retention.holds.reason')}</p>
        <p className="review-card__findings">{hold.reason}</p>
        <dl className="facts">
          <div>
            <dt>{t('retention.holds.placedBy')}</dt>
            <dd>{hold.placedByName ?? t('retention.holds.unknownUser')}</dd>
          </div>
          <div>
            <dt>{t('retention.holds.placedAt')}</dt>
            <dd>{formatDateTime(hold.placedAt)}</dd>
          </div>
        </dl>
        <ErrorRegion error={release.error} />
        <ConfirmDialog
          trigger={t('retention.holds.releaseOf', { case: name })}
          triggerClassName="button button--secondary"
          title={t('retention.holds.releaseTitle', { case: name })}
          body={t('retention.holds.releaseBody')}
          confirm={t('retention.holds.release')}
          onConfirm={() =>
            release.mutate(hold.childId, { onSuccess: () => onReleased(t('retention.holds.released', { case: name })) })
          }
        />
      </article>
    </li>
  );
}

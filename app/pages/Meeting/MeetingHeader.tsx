import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting, ParticipantResponse } from '../../../common/schemas/meetings.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Field } from '../../components/Field.tsx';
import { useRespond, useTransition } from './api.ts';
import { MeetingErrorRegion, ResponseText, StatusText, useMeetingTime } from './values.tsx';

interface Props {
  meeting: Meeting;
  onSaved: (message: string) => void;
}

const answers: Exclude<ParticipantResponse, 'pending'>[] = ['accepted', 'tentative', 'declined'];

/** When, where, who organises; the reader's own answer; and the organiser's start, close and cancel. */
export function MeetingHeader({ meeting: m, onSaved }: Props) {
  const { t } = useTranslation();
  const when = useMeetingTime();
  const respond = useRespond(m.id);
  const transition = useTransition(m.id);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);

  const answer = (response: Exclude<ParticipantResponse, 'pending'>) =>
    respond.mutate({ response }, { onSuccess: () => onSaved(t(`meetings.respond.saved.${response}`)) });
  const move = (to: 'start' | 'close') =>
    transition.mutate(
      { to },
      { onSuccess: () => onSaved(t(`meetings.page.${to === 'start' ? 'started' : 'closed'}`)) },
    );
  const cancel = (e: FormEvent) => {
    e.preventDefault();
    setReasonMissing(!reason.trim());
    if (!reason.trim()) return;
    transition.mutate(
      { to: 'cancel', reason: reason.trim() },
      {
        onSuccess: () => {
          setCancelling(false);
          onSaved(t('meetings.page.cancelled'));
        },
      },
    );
  };

  return (
    <section className="panel hub-section" aria-labelledby="meeting-facts-heading">
      <h2 id="meeting-facts-heading" className="visually-hidden">
        {t('meetings.page.facts')}
      </h2>
      <dl className="facts facts--large">
        <div>
          <dt>{t('meetings.page.kind')}</dt>
          <dd>{t(`meetings.kind.${m.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('meetings.page.status')}</dt>
          <dd>
            <StatusText status={m.status} />
          </dd>
        </div>
        <div>
          <dt>{t('meetings.page.when')}</dt>
          <dd>{when(m.startsAt, m.endsAt)}</dd>
        </div>
        {m.location ? (
          <div>
            <dt>{t('meetings.page.where')}</dt>
            <dd>{m.location}</dd>
          </div>
        ) : null}
        {m.videoLink ? (
          <div>
            <dt>{t('meetings.page.video')}</dt>
            <dd>
              <a href={m.videoLink} rel="noreferrer noopener" target="_blank">
                {t('meetings.page.videoLink')}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('meetings.page.organiser')}</dt>
          <dd>{m.organiser.displayName}</dd>
        </div>
        {m.child ? (
          <div>
            <dt>{t('meetings.page.child')}</dt>
            <dd>
              <Link to={`/children/${m.child.id}`}>{m.child.displayName}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <p>
        <a href={`/api/meetings/${m.id}/calendar.ics`} download className="button button--secondary">
          {t('meetings.page.download')}
        </a>{' '}
        <span className="hub-muted hub-small">{t('meetings.page.downloadHint')}</span>
      </p>
      <MeetingErrorRegion error={respond.error ?? transition.error} />
      {m.myResponse && m.abilities.respond ? (
        <div className="mtg-respond" role="group" aria-labelledby="respond-label">
          <p id="respond-label">
            {t('meetings.respond.yourAnswer')} <ResponseText response={m.myResponse} />
          </p>
          <div className="hub-actions">
            {answers.map((a) => (
              <button
                key={a}
                type="button"
                className={a === 'accepted' ? 'button' : 'button button--secondary'}
                aria-pressed={m.myResponse === a}
                disabled={respond.isPending}
                onClick={() => answer(a)}
              >
                {t(`meetings.respond.${a}`)}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {m.abilities.manage && !cancelling ? (
        <div className="hub-actions">
          {m.status === 'planned' ? (
            <button type="button" className="button" onClick={() => move('start')} disabled={transition.isPending}>
              {t('meetings.page.start')}
            </button>
          ) : null}
          {/* Closing is offered once the meeting has started; before that, the page says when it can be. */}
          {m.status === 'in_progress' ? (
            <ConfirmDialog
              trigger={t('meetings.page.close')}
              triggerClassName="button button--secondary"
              title={t('meetings.page.closeTitle')}
              body={t('meetings.page.closeBody')}
              confirm={t('meetings.page.closeConfirm')}
              onConfirm={() => move('close')}
            />
          ) : null}
          <button type="button" className="button button--quiet" onClick={() => setCancelling(true)}>
            {t('meetings.page.cancel')}
          </button>
          {m.status === 'planned' ? <p className="hub-muted hub-small">{t('everyday.meeting.closeLater')}</p> : null}
        </div>
      ) : null}
      {m.abilities.manage && cancelling ? (
        <form className="form hub-form hub-form--inline" onSubmit={cancel} noValidate>
          <Field
            label={t('meetings.page.cancelReason')}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
            error={reasonMissing ? t('meetings.page.cancelReasonMissing') : null}
          />
          <div className="hub-actions">
            <button type="submit" className="button button--danger" disabled={transition.isPending}>
              {t('meetings.page.cancelConfirm')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setCancelling(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

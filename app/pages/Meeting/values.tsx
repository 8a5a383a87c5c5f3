import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Decision, MeetingStatus, ParticipantResponse } from '../../../common/schemas/meetings.ts';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../components/errors.ts';
import { Notice } from '../../components/Notice.tsx';

/** Error ids of the meeting, decision, besked and calendar routes that have their own words. */
const codes = [
  'meeting_closed',
  'meeting_cancelled',
  'meeting_not_closed',
  'minutes_conflict',
  'version_conflict',
  'organiser_stays',
  'already_marked',
  'child_closed',
  'forbidden',
  'not_found',
] as const;
type Code = (typeof codes)[number];
const isCode = (code: string): code is Code => (codes as readonly string[]).includes(code);

export function meetingErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error) && isCode(error.code)) return t(`meetings.errors.${error.code}`);
  return errorText(t, error);
}

/** Always in the page, so a screen reader announces the error when it appears. */
export function MeetingErrorRegion({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div role="alert" aria-live="assertive">
      {error ? (
        <Notice kind="error" title={t('errors.title')}>
          <p>{meetingErrorText(t, error)}</p>
        </Notice>
      ) : null}
    </div>
  );
}

/**
 * Meeting times in Swedish time, whatever the reader's computer says: a
 * meeting in Strömsund is at 09:00 there. "3 dec. 2026 09:00–10:30".
 */
export function useMeetingTime(): (startsAt: string, endsAt?: string) => string {
  const { i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/Stockholm',
  });
  const time = new Intl.DateTimeFormat(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Stockholm',
  });
  return (startsAt, endsAt) => {
    const start = new Date(startsAt);
    const range = endsAt ? `${time.format(start)}–${time.format(new Date(endsAt))}` : time.format(start);
    return `${day.format(start)} ${range}`;
  };
}

/** An answer to an invitation, in words and a symbol (never colour alone). */
export function ResponseText({ response }: { response: ParticipantResponse }) {
  const { t } = useTranslation();
  const icon = { pending: '…', accepted: '✓', tentative: '?', declined: '✗' }[response];
  return (
    <span className={`mtg-response mtg-response--${response}`}>
      <span aria-hidden="true">{icon} </span>
      {t(`meetings.response.${response}`)}
    </span>
  );
}

export function StatusText({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <span className={`mtg-status mtg-status--${status}`}>{t(`meetings.status.${status}`)}</span>;
}

/** Overdue in words and a symbol. */
export function OverdueMark({ decision }: { decision: Pick<Decision, 'overdue'> }) {
  const { t } = useTranslation();
  if (!decision.overdue) return null;
  return (
    <span className="hub-warning-text">
      <span aria-hidden="true">⚠ </span>
      {t('meetings.decisions.overdue')}
    </span>
  );
}

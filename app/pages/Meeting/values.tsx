import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Decision, MeetingStatus, ParticipantResponse } from '../../../common/schemas/meetings.ts';
import { isApiError } from '../../api/client.ts';
import { errorText, errorTitle, isFieldError } from '../../components/errors.ts';
import { useFormatMeetingTime } from '../../components/format.ts';
import { Notice } from '../../components/Notice.tsx';
import { shownBy } from '../../../common/errors-shown.ts';
import { meetingErrors } from '../../../common/errors-shown-pages.ts';

export function meetingErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error) && shownBy(meetingErrors, error.code)) return t(`meetings.errors.${error.code}`);
  return errorText(t, error);
}

/** Always in the page, so a screen reader announces the error when it appears. */
export function MeetingErrorRegion({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div role="alert" aria-live="assertive">
      {error ? (
        <Notice kind={isFieldError(error) ? 'warning' : 'error'} title={errorTitle(t, error)}>
          <p>{meetingErrorText(t, error)}</p>
        </Notice>
      ) : null}
    </div>
  );
}

/** Meeting times in Swedish time; the formatter lives with the others in components/format.ts. */
export const useMeetingTime = useFormatMeetingTime;

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

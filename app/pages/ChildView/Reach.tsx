import type { ChildViewAdult } from '../../../common/schemas/child-view.ts';
import type { ChildT } from './childText.ts';
import { Icon } from './Icon.tsx';

/** A phone number as a `tel:` target, or null when the text is not one (e.g. "ask at reception"). */
function phoneHref(detail: string): string | null {
  const digits = detail.replace(/[\s\-().]/g, '');
  return /^\+?[0-9]{5,15}$/.test(digits) ? digits : null;
}

function emailHref(detail: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(detail.trim()) ? detail.trim() : null;
}

/**
 * How to reach one adult: when, and one large button for the way they
 * prefer. The adults write availability and contact details in their own
 * words (often Swedish); those are shown as written.
 */
export function Reach({ adult, t }: { adult: ChildViewAdult; t: ChildT }) {
  const { availability, preferredChannel, contactDetail } = adult.reach;
  const name = adult.displayName;
  const detail = contactDetail ?? '';
  let action = null;
  switch (preferredChannel) {
    case 'phone':
    case 'sms': {
      const number = phoneHref(detail);
      if (number)
        action = (
          <a
            className="cv-button cv-button--contact"
            href={`${preferredChannel === 'phone' ? 'tel' : 'sms'}:${number}`}
          >
            <span className="cv-button__label">
              <Icon name={preferredChannel === 'phone' ? 'phone' : 'message'} />
              <span>{preferredChannel === 'phone' ? t('contact.call', { name }) : t('contact.sms', { name })}</span>
            </span>
            <span className="cv-button__detail" dir="ltr">
              {detail}
            </span>
          </a>
        );
      break;
    }
    case 'email': {
      const address = emailHref(detail);
      if (address)
        action = (
          <a className="cv-button cv-button--contact" href={`mailto:${address}`}>
            <span className="cv-button__label">
              <Icon name="mail" />
              <span>{t('contact.email', { name })}</span>
            </span>
            <span className="cv-button__detail" dir="ltr">
              {address}
            </span>
          </a>
        );
      break;
    }
    case 'meeting':
      action = (
        <p className="cv-meet">
          <Icon name="people" /> <strong>{t('channels.meeting')}</strong>
          {detail ? (
            <>
              {' – '}
              <bdi lang="sv">{detail}</bdi>
            </>
          ) : null}
        </p>
      );
      break;
    case null:
      break;
  }

  return (
    <>
      {availability ? (
        <p>
          <span className="cv-strong">{t('adult.availability', { name })}</span> <bdi lang="sv">{availability}</bdi>
        </p>
      ) : null}
      {action ?? <p>{t('adult.noChannels', { name })}</p>}
    </>
  );
}

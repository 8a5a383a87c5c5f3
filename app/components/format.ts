import { useTranslation } from 'react-i18next';

/**
 * The one place dates become text. Swedish reads as sv-SE ("4 dec. 2026 14:42"); English as British
 * English, day before month ("4 Dec 2026, 14:42"), never the US order; both with a 24-hour clock.
 * Other languages use their own conventions, still with a 24-hour clock.
 */
export function dateLocale(language: string): string {
  if (language === 'sv' || language.startsWith('sv-')) return 'sv-SE';
  if (language === 'en' || language.startsWith('en-')) return 'en-GB';
  return language;
}

type Options = Intl.DateTimeFormatOptions;

/** A formatter for the language with a 24-hour clock; `options` add the parts wanted. */
export function dateFormat(language: string, options: Options): Intl.DateTimeFormat {
  const withClock = options.timeStyle || options.hour ? { hourCycle: 'h23' as const } : {};
  return new Intl.DateTimeFormat(dateLocale(language), { ...options, ...withClock });
}

/** Date and time in the reader's language, e.g. "3 mars 2026 14:05" / "3 Mar 2026, 14:05". */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = dateFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => format.format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) in the reader's language, without shifting it across time zones. */
export function useFormatDate(): (isoDate: string) => string {
  const { i18n } = useTranslation();
  const format = dateFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (isoDate) => format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/**
 * Meeting times in Swedish time, whatever the reader's computer says: a meeting in Strömsund is at
 * 09:00 there. "tors 3 dec. 2026 09:00–10:30" / "Thu 3 Dec 2026 09:00–10:30".
 */
export function useFormatMeetingTime(): (startsAt: string, endsAt?: string) => string {
  const { i18n } = useTranslation();
  const zone = 'Europe/Stockholm';
  const day = dateFormat(i18n.language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: zone,
  });
  const time = dateFormat(i18n.language, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  return (startsAt, endsAt) => {
    const start = new Date(startsAt);
    const range = endsAt ? `${time.format(start)}–${time.format(new Date(endsAt))}` : time.format(start);
    return `${day.format(start)} ${range}`;
  };
}

/** Today as YYYY-MM-DD in local time, for date inputs. */
export function localIsoDate(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

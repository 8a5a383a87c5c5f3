import { useTranslation } from 'react-i18next';

/** Date and time in the reader's language, e.g. "3 mars 2026 14:05". */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => format.format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) in the reader's language, without shifting it across time zones. */
export function useFormatDate(): (isoDate: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (isoDate) => format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** Today as YYYY-MM-DD in local time, for date inputs. */
export function localIsoDate(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

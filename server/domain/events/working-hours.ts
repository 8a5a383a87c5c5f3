import { todayInSweden } from '../../../common/schemas/children.ts';
import { addDays } from '../children/dates.ts';

/** Working hours for escalation: weekdays 08–17, Swedish time. Public holidays are not known here. */
export const WORKDAY_START_MIN = 8 * 60;
export const WORKDAY_END_MIN = 17 * 60;

interface Local {
  date: string;
  minutes: number;
  weekday: number; // 1 = Monday … 7 = Sunday
}

function localInSweden(d: Date): Local {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { date: todayInSweden(d), minutes: Number(get('hour')) * 60 + Number(get('minute')), weekday };
}

/** The instant of a wall-clock time in Sweden (CET or CEST), e.g. 08:00 on a date. */
export function swedishTime(date: string, minutes: number): Date {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  for (const offset of ['+01:00', '+02:00']) {
    const d = new Date(`${date}T${hh}:${mm}:00${offset}`);
    const l = localInSweden(d);
    if (l.date === date && l.minutes === minutes) return d;
  }
  return new Date(`${date}T${hh}:${mm}:00+01:00`); // a time skipped by the spring change
}

/**
 * `hours` working hours after `from`: a notice recorded on Friday at 16:00
 * with 4 hours escalates on Monday at 11:00. Outside working hours the clock
 * starts at the next 08:00.
 */
export function addWorkingHours(from: Date, hours: number): Date {
  let remaining = Math.round(hours * 60);
  const { date: first, minutes } = localInSweden(from);
  let date = first;
  let start = minutes;
  for (let guard = 0; guard < 400; guard++) {
    const weekday = localInSweden(swedishTime(date, 12 * 60)).weekday;
    if (weekday <= 5 && start < WORKDAY_END_MIN) {
      const begin = Math.max(start, WORKDAY_START_MIN);
      const available = WORKDAY_END_MIN - begin;
      if (remaining <= available) {
        // Still on the day of `from` and inside working hours: count from `from` itself, seconds kept.
        const fromItself = begin === start && date === first;
        return fromItself ? new Date(from.getTime() + remaining * 60_000) : swedishTime(date, begin + remaining);
      }
      remaining -= available;
    }
    date = addDays(date, 1);
    start = 0;
  }
  throw new Error('working hours out of range');
}

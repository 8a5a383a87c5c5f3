import { todayInSweden } from '../../../common/schemas/children.ts';

/** A calendar date plus whole days (UTC arithmetic on the date alone, no clock involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function hourInSweden(d: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' }).format(d),
  );
}

/** The instant a calendar day starts in Sweden (CET or CEST). */
export function startOfDayInSweden(date: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const d = new Date(`${date}T00:00:00${offset}`);
    if (todayInSweden(d) === date && hourInSweden(d) === 0) return d;
  }
  return new Date(`${date}T00:00:00Z`);
}

/** The instant after the last moment of a calendar day in Sweden: when "last day D" ends. */
export function endOfDayInSweden(date: string): Date {
  return startOfDayInSweden(addDays(date, 1));
}

/**
 * Wall-clock time in Sweden. Meetings are entered and shown in Swedish local
 * time; the database keeps instants. Intl knows the Europe/Stockholm rules
 * (CET in winter, CEST in summer), so no offset is ever hard-coded.
 */

export const TIME_ZONE = 'Europe/Stockholm';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface Wall {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function wallOf(instant: Date): Wall {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(instant)) out[p.type] = p.value;
  return out as unknown as Wall;
}

/** "2026-12-03T09:00" for an instant, in Swedish local time. */
export function toLocal(instant: Date): string {
  const w = wallOf(instant);
  return `${w.year}-${w.month}-${w.day}T${w.hour}:${w.minute}`;
}

/** "20261203T090000" for an instant, in Swedish local time (iCalendar's local form). */
export function toIcalLocal(instant: Date): string {
  const w = wallOf(instant);
  return `${w.year}${w.month}${w.day}T${w.hour}${w.minute}${w.second}`;
}

/** Minutes Sweden is ahead of UTC at that instant (60 or 120). */
function offsetMinutes(instant: Date): number {
  const w = wallOf(instant);
  const asUtc = Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour, +w.minute, +w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of a Swedish wall-clock time, or null for a time that does not
 * exist (the hour skipped when clocks go forward in March). In the hour that
 * occurs twice in October, the first (summer time) is taken.
 */
export function fromLocal(local: string): Date | null {
  const naive = Date.parse(`${local}:00Z`);
  if (Number.isNaN(naive)) return null;
  for (const guess of [offsetMinutes(new Date(naive - 120 * 60_000)), offsetMinutes(new Date(naive))]) {
    const candidate = new Date(naive - guess * 60_000);
    if (toLocal(candidate) === local) return candidate;
  }
  return null;
}

/** The Swedish calendar day of an instant, YYYY-MM-DD. */
export function dayOf(instant: Date): string {
  return toLocal(instant).slice(0, 10);
}

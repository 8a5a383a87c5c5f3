/**
 * iCalendar (RFC 5545) output, written by hand: the format is small, and
 * the parts that go wrong (line folding by octets, escaping, the time zone)
 * are easier to get right here than to configure in a library.
 */
import { TIME_ZONE, toIcalLocal } from './stockholm.ts';

/** One event, already reduced to what the reader of the calendar may see. */
export interface IcsEvent {
  uid: string;
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  summary: string;
  start: Date;
  end: Date;
  /** When the event last changed (DTSTAMP). */
  stamp: Date;
  location: string | null;
  url: string | null;
  description: string | null;
  /** A recurring series: the RFC 5545 rule (FREQ=…;COUNT=…), DTSTART being the first meeting. */
  rrule?: string;
}

/** Europe/Stockholm: CET in winter, CEST from the last Sunday of March to the last Sunday of October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'X-LIC-LOCATION:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Lines longer than 75 octets are folded: CRLF and one space (RFC 5545 3.1).
 * Counted in UTF-8 octets, and never inside a character, so "å" survives.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `SEQUENCE:${e.sequence}`,
    `STATUS:${e.status}`,
    `DTSTART;TZID=${TIME_ZONE}:${toIcalLocal(e.start)}`,
    `DTEND;TZID=${TIME_ZONE}:${toIcalLocal(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.rrule) lines.push(`RRULE:${e.rrule}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole calendar, METHOD:PUBLISH (a feed or a download, not a scheduling message). */
export function buildCalendar(name: string, events: IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Navet//Meetings//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE,
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

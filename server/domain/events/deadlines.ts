import { and, eq, inArray } from 'drizzle-orm';
import type { DeadlineKind, EventType } from '../../../common/schemas/events.ts';
import type { Db } from '../../db/connect.ts';
import { enqueue } from '../../jobs/index.ts';
import { addDays, endOfDayInSweden } from '../children/dates.ts';
import { childDeadlines } from './tables.ts';
import { swedishTime } from './working-hours.ts';

export type DeadlineRow = typeof childDeadlines.$inferSelect;

/** Days from the notice of a rejection: the appeal's last day, and the day it becomes final unappealed. */
export const APPEAL_DAYS = 21;
export const FINAL_DAYS = 22;
/** The guide: voluntary departure usually 2–4 weeks after finality. The longer one, until a date is set. */
export const VOLUNTARY_DEPARTURE_DAYS = 28;
export const REMIND_JOB = 'deadlines.remind';

/** When reminders go out before a deadline (at 08:00 Swedish time). Turning 18 ends the god man's task. */
export const reminderOffsets: Record<DeadlineKind, { days?: number; months?: number }[]> = {
  appeal: [{ days: 7 }, { days: 2 }],
  becomes_final: [{ days: 2 }],
  voluntary_departure: [{ days: 7 }, { days: 2 }],
  departure: [{ days: 7 }, { days: 1 }],
  turns_18: [{ months: 6 }, { months: 3 }, { months: 1 }],
};

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function isPassed(row: Pick<DeadlineRow, 'status' | 'dueOn'>, now: Date): boolean {
  return row.status === 'open' && now.getTime() >= endOfDayInSweden(row.dueOn).getTime();
}

async function close(tx: Db, childId: string, kinds: DeadlineKind[], status: 'done' | 'superseded', now: Date) {
  await tx
    .update(childDeadlines)
    .set({ status, closedAt: now })
    .where(
      and(eq(childDeadlines.childId, childId), inArray(childDeadlines.kind, kinds), eq(childDeadlines.status, 'open')),
    );
}

/** Adds an open deadline (replacing an open one of the same kind) and schedules its reminders. */
export async function openDeadline(
  tx: Db,
  input: { tenantId: string; childId: string; kind: DeadlineKind; dueOn: string; sourceEventId: string | null },
  now: Date,
): Promise<DeadlineRow> {
  await close(tx, input.childId, [input.kind], 'superseded', now);
  const [row] = await tx
    .insert(childDeadlines)
    .values({ ...input, createdAt: now })
    .returning();
  if (!row) throw new Error('deadline insert returned nothing');
  const times = reminderOffsets[input.kind]
    .map((o) => swedishTime(o.months ? addMonths(row.dueOn, -o.months) : addDays(row.dueOn, -(o.days ?? 0)), 8 * 60))
    .filter((t) => t.getTime() > now.getTime());
  // Every planned reminder already passed but the day has not: one reminder now.
  if (times.length === 0 && !isPassed(row, now)) times.push(now);
  for (const [i, runAt] of times.entries()) {
    await enqueue(tx, {
      tenantId: input.tenantId,
      kind: REMIND_JOB,
      runAt,
      payload: { deadlineId: row.id },
      dedupeKey: `remind:${row.id}:${i}`,
    });
  }
  return row;
}

interface EventFacts {
  id: string;
  tenantId: string;
  childId: string;
  type: EventType;
  occurredOn: string;
  departureDate: string | null;
}

/**
 * What an event does to the child's dates. A rejection opens the appeal
 * deadline and the day it becomes final; an appeal settles the first and
 * voids the second; finality of a rejection opens the voluntary departure
 * period; a set departure date replaces it; a grant voids them all.
 */
export async function deriveDeadlines(tx: Db, e: EventFacts, statusBefore: string, now: Date): Promise<void> {
  const open = (kind: DeadlineKind, dueOn: string) =>
    openDeadline(tx, { tenantId: e.tenantId, childId: e.childId, kind, dueOn, sourceEventId: e.id }, now);
  switch (e.type) {
    case 'asylum_rejected':
    case 'asylum_rejected_removal':
      await close(tx, e.childId, ['voluntary_departure', 'departure'], 'superseded', now);
      await open('appeal', addDays(e.occurredOn, APPEAL_DAYS));
      await open('becomes_final', addDays(e.occurredOn, FINAL_DAYS));
      return;
    case 'asylum_granted':
      await close(tx, e.childId, ['appeal', 'becomes_final', 'voluntary_departure', 'departure'], 'superseded', now);
      return;
    case 'appeal_filed':
      await close(tx, e.childId, ['appeal'], 'done', now);
      await close(tx, e.childId, ['becomes_final'], 'superseded', now);
      return;
    case 'decision_final':
      await close(tx, e.childId, ['becomes_final'], 'done', now);
      await close(tx, e.childId, ['appeal'], 'superseded', now);
      if (['rejected', 'appealed'].includes(statusBefore))
        await open('voluntary_departure', addDays(e.occurredOn, VOLUNTARY_DEPARTURE_DAYS));
      return;
    case 'departure_date_set':
      await close(tx, e.childId, ['voluntary_departure'], 'superseded', now);
      if (e.departureDate) await open('departure', e.departureDate);
      return;
    case 'turned_18':
      await close(tx, e.childId, ['turns_18'], 'done', now);
      return;
    case 'return_talk_held':
    case 'wellbeing_changed':
    case 'school_absence':
    case 'absconded':
    case 'found':
    case 'placement_changed':
    case 'age_assessment':
      return;
  }
}

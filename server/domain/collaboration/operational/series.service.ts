import type { SeriesBody } from '../../../../common/schemas/forum.ts';
import { audit } from '../../../audit/write.ts';
import type { Actor } from '../../../context.ts';
import type { Deps } from '../../../deps.ts';
import { errors, type Issue } from '../../../errors.ts';
import { buildCalendar } from '../../meetings/ics.ts';
import { insertParticipants } from '../../meetings/repo.ts';
import { fromLocal } from '../../meetings/stockholm.ts';
import { authorize, authorizeRun, loadLevels } from './policy.ts';
import { presentMeeting } from './presenter.ts';
import * as repo from './repo.ts';

/** The wall-clock starts of the series: the same local time each week or month, so 09:00 stays 09:00. */
export function occurrences(body: Pick<SeriesBody, 'startsAt' | 'frequency' | 'interval' | 'count'>): string[] {
  const [datePart, time] = body.startsAt.split('T') as [string, string];
  const [y, m, d] = datePart.split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let i = 0; i < body.count; i++) {
    const at =
      body.frequency === 'weekly'
        ? new Date(Date.UTC(y, m - 1, d + 7 * body.interval * i))
        : new Date(Date.UTC(y, m - 1 + body.interval * i, d));
    out.push(`${at.toISOString().slice(0, 10)}T${time}`);
  }
  return out;
}

export const rruleOf = (b: Pick<SeriesBody, 'frequency' | 'interval' | 'count'>): string =>
  `FREQ=${b.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY'};INTERVAL=${b.interval};COUNT=${b.count}`;

const kindOf = (level: 'strategic' | 'operational') => (level === 'strategic' ? 'strategic' : 'operational_forum');

export async function createSeries(deps: Deps, actor: Actor, id: string, body: SeriesBody) {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorizeRun(a, body.level);
    const issues: Issue[] = [];
    // A monthly series on the 29th–31st would skip short months: RFC 5545 and Navet would disagree.
    if (body.frequency === 'monthly' && Number(body.startsAt.slice(8, 10)) > 28)
      issues.push({ path: 'body.startsAt', message: 'A monthly series starts on day 1–28.' });
    const starts = occurrences(body).map((local) => fromLocal(local));
    if (starts.some((s) => s === null))
      issues.push({ path: 'body.startsAt', message: 'One of the meetings falls in the hour the clocks skip.' });
    if (issues.length > 0) throw errors.validation(issues);
    const series = await repo.insertSeries(tx, {
      collaborationId: id,
      tenantId: actor.tenantId,
      level: body.level,
      title: body.title,
      rrule: rruleOf(body),
      createdBy: actor.userId,
    });
    const rows = await repo.insertLevelMeetings(
      tx,
      starts.map((s) => ({
        tenantId: actor.tenantId,
        kind: kindOf(body.level),
        collaborationId: id,
        seriesId: series.id,
        title: body.title,
        startsAt: s!,
        endsAt: new Date(s!.getTime() + body.durationMinutes * 60_000),
        location: body.location,
        organiserId: actor.userId,
        childWishes: { attendees: null, raise: null, avoid: null },
      })),
    );
    await insertParticipants(
      tx,
      rows.map((m) => ({
        tenantId: actor.tenantId,
        meetingId: m.id,
        userId: actor.userId,
        response: 'accepted',
        respondedAt: new Date(),
      })),
    );
    await audit(tx, { action: 'meeting_series.create', entity: 'meeting_series', entityId: series.id });
    return {
      id: series.id,
      level: series.level,
      title: series.title,
      rrule: series.rrule,
      meetings: rows.map(presentMeeting),
    };
  });
}

export async function listSeries(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'read');
    const list = await repo.seriesOf(tx, id);
    const meetings = await repo.levelMeetings(tx, [id], 'all');
    await audit(tx, { action: 'meeting_series.list', entity: 'collaboration', entityId: id });
    return {
      items: list.map((s) => ({
        id: s.id,
        level: s.level,
        title: s.title,
        rrule: s.rrule,
        meetings: meetings.filter((m) => m.seriesId === s.id).map(presentMeeting),
      })),
    };
  });
}

/** The series as one recurring event (RRULE), for a calendar app; a cancelled meeting is not excluded here. */
export async function seriesCalendar(deps: Deps, actor: Actor, id: string, seriesId: string): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'read');
    const series = await repo.findSeries(tx, id, seriesId);
    if (!series) throw errors.notFound('series');
    const first = (await repo.levelMeetings(tx, [id], 'all')).find((m) => m.seriesId === series.id);
    if (!first) throw errors.conflict('series_empty', 'The series holds no meetings.');
    await audit(tx, { action: 'meeting_series.calendar', entity: 'meeting_series', entityId: series.id });
    return buildCalendar(series.title, [
      {
        uid: `${series.id}@navet`,
        sequence: 0,
        status: 'CONFIRMED',
        summary: series.title,
        start: first.startsAt,
        end: first.endsAt,
        stamp: series.createdAt,
        location: first.location,
        url: null,
        description: null,
        rrule: series.rrule,
      },
    ]);
  });
}

export async function listMeetings(deps: Deps, actor: Actor, id: string, when: 'upcoming' | 'past' | 'all') {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'read');
    const rows = await repo.levelMeetings(tx, [id], when);
    await audit(tx, { action: 'meeting.list', entity: 'collaboration', entityId: id });
    return { items: rows.map(presentMeeting) };
  });
}

/** Each representative confirms, after a held forum meeting, that they fed it back to their staff. */
export async function feedbackState(deps: Deps, actor: Actor, id: string, meetingId: string, confirm?: string | null) {
  return deps.db.transaction(async (tx) => {
    const a = await loadLevels(tx, actor, id);
    authorize(a, 'read');
    const meeting = await repo.findLevelMeeting(tx, id, meetingId);
    if (!meeting || meeting.kind !== 'operational_forum') throw errors.notFound('meeting');
    if (confirm !== undefined) {
      authorize(a, 'feedback');
      if (meeting.status !== 'closed')
        throw errors.conflict('meeting_not_closed', 'Feed back to your staff after the meeting is closed.');
      await repo.insertFeedback(tx, meetingId, actor.userId, confirm);
      await audit(tx, { action: 'forum.feedback', entity: 'meeting', entityId: meetingId });
    }
    const [reps, done] = [await repo.representatives(tx, id), await repo.feedbackOf(tx, meetingId)];
    return {
      meetingId,
      representatives: reps.map((r) => ({
        id: r.id!,
        name: r.name,
        confirmedAt: done.find((f) => f.userId === r.id)?.confirmedAt.toISOString() ?? null,
      })),
    };
  });
}

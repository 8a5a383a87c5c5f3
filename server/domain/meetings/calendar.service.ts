import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { Role } from '../../../common/roles.ts';
import type { CalendarFeed, MeetingKind } from '../../../common/schemas/meetings.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { isVolunteerOnly, visibleChildren } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { memberships, users } from '../tenancy/tables.ts';
import { buildCalendar, type IcsEvent } from './ics.ts';
import { authorize, loadMeeting } from './policy.ts';
import type { MeetingRow } from './repo.ts';
import { calendarFeeds, meetingParticipants, meetings } from './tables.ts';

/*
 * What a calendar shows of a meeting: its kind ("Hub meeting"), time, place
 * and a link into Navet, never its title, the child's name, the participants
 * or the agenda. A calendar lives outside Navet (a phone, a mail provider's
 * servers), and a title often names the child; the link asks for a login.
 */

const labels: Record<'sv' | 'en', Record<MeetingKind, string> & { cancelled: string; calendar: string }> = {
  sv: {
    first_hub: 'Första navetmötet',
    hub: 'Navetmöte',
    sip: 'SIP-möte',
    operational_forum: 'Verksamhetsforum',
    strategic: 'Strategiskt möte',
    cancelled: 'Inställt',
    calendar: 'Navet: mina möten',
  },
  en: {
    first_hub: 'First hub meeting',
    hub: 'Hub meeting',
    sip: 'SIP meeting',
    operational_forum: 'Operational forum',
    strategic: 'Strategic meeting',
    cancelled: 'Cancelled',
    calendar: 'Navet: my meetings',
  },
};

/** Feeds show meetings from this many days back, so last week's stay visible. */
const FEED_PAST_DAYS = 90;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function localeOf(value: string): 'sv' | 'en' {
  return value === 'en' ? 'en' : 'sv';
}

function eventOf(m: MeetingRow, locale: 'sv' | 'en', publicUrl: string): IcsEvent {
  const l = labels[locale];
  const kind = l[m.kind as MeetingKind] ?? l.hub;
  const cancelled = m.status === 'cancelled';
  return {
    uid: `${m.id}@navet`,
    sequence: m.sequence,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    // Calendars that ignore STATUS still say it in words.
    summary: cancelled ? `${l.cancelled}: ${kind}` : kind,
    start: m.startsAt,
    end: m.endsAt,
    stamp: m.updatedAt,
    location: m.videoLink ? [m.location, m.videoLink].filter(Boolean).join(' – ') : m.location,
    url: new URL(`/meetings/${m.id}`, publicUrl).toString(),
    description: null,
  };
}

async function localeOfUser(tx: Db, userId: string): Promise<'sv' | 'en'> {
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return localeOf(row?.locale ?? 'sv');
}

/** One meeting as an .ics download, for whoever may read the meeting. */
export async function meetingIcs(deps: Deps, actor: Actor, id: string): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id);
    authorize(m, 'read');
    await audit(tx, { action: 'meeting.ics_read', entity: 'meeting', entityId: id, childId: m.meeting.childId });
    const locale = await localeOfUser(tx, actor.userId);
    return buildCalendar(labels[locale].calendar, [eventOf(m.meeting, locale, deps.config.publicUrl)]);
  });
}

function authorizeFeed(actor: Actor): void {
  if (isVolunteerOnly(actor)) throw errors.forbidden('Calendar feeds are for the staff who take part in meetings.');
}

async function activeFeed(tx: Db, userId: string) {
  const [row] = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}

export async function getFeed(deps: Deps, actor: Actor): Promise<CalendarFeed> {
  authorizeFeed(actor);
  const row = await activeFeed(deps.db, actor.userId);
  return { active: row !== null, createdAt: row?.createdAt.toISOString() ?? null, url: null };
}

/** A new private feed address; any earlier one stops working. The address is shown this once. */
export async function createFeed(deps: Deps, actor: Actor): Promise<CalendarFeed> {
  authorizeFeed(actor);
  return deps.db.transaction(async (tx) => {
    await revokeAll(tx, actor.userId);
    const token = randomBytes(32).toString('base64url');
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ tenantId: actor.tenantId, userId: actor.userId, tokenHash: sha256(token) })
      .returning();
    await audit(tx, { action: 'calendar.feed_created', entity: 'calendar_feed', entityId: row!.id });
    const url = new URL(`/api/calendar/feeds/${token}.ics`, deps.config.publicUrl).toString();
    return { active: true, createdAt: row!.createdAt.toISOString(), url };
  });
}

async function revokeAll(tx: Db, userId: string): Promise<string[]> {
  const rows = await tx
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.map((r) => r.id);
}

export async function revokeFeed(deps: Deps, actor: Actor): Promise<CalendarFeed> {
  authorizeFeed(actor);
  return deps.db.transaction(async (tx) => {
    const ids = await revokeAll(tx, actor.userId);
    if (ids.length === 0) throw errors.notFound('calendar feed');
    await audit(tx, { action: 'calendar.feed_revoked', entity: 'calendar_feed', entityId: ids[0] });
    return { active: false, createdAt: null, url: null };
  });
}

async function actorOfFeed(tx: Db, feedId: string, userId: string): Promise<Actor | null> {
  const [user] = await tx
    .select({ id: users.id, tenantId: users.tenantId, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const rows = await tx
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), isNull(memberships.endedAt)));
  return {
    userId: user.id,
    tenantId: user.tenantId,
    displayName: user.displayName,
    sessionId: `calendar-feed:${feedId}`,
    memberships: rows.map((r) => ({ organisationId: r.organisationId, role: Role.parse(r.role) })),
  };
}

export const feedRevoked = () =>
  new AppError(410, 'feed_revoked', 'This calendar address was withdrawn. Make a new one in Navet.');

/**
 * The public feed, by token. Meetings the user organises or is invited to
 * (and has not declined), from 90 days back; a child's meeting only while
 * the child is in the user's scope, by the same rule as every other read.
 */
export async function feedByToken(deps: Deps, rawToken: string): Promise<string> {
  const token = rawToken.endsWith('.ics') ? rawToken.slice(0, -4) : rawToken;
  return deps.db.transaction(async (tx) => {
    const [feed] = await tx
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.tokenHash, sha256(token)));
    if (!feed) throw errors.notFound('calendar feed');
    if (feed.revokedAt) throw feedRevoked();
    const actor = await actorOfFeed(tx, feed.id, feed.userId);
    if (!actor) throw feedRevoked();
    const since = new Date(Date.now() - FEED_PAST_DAYS * 24 * 60 * 60_000);
    const invited = sql`exists (select 1 from ${meetingParticipants} where ${and(
      eq(meetingParticipants.meetingId, meetings.id),
      eq(meetingParticipants.userId, actor.userId),
      sql`${meetingParticipants.response} <> 'declined'`,
    )})`;
    const rows = await tx
      .select({ meeting: meetings })
      .from(meetings)
      .leftJoin(children, eq(children.id, meetings.childId))
      .where(
        and(
          eq(meetings.tenantId, actor.tenantId),
          gte(meetings.endsAt, since),
          or(eq(meetings.organiserId, actor.userId), invited),
          or(isNull(meetings.childId), visibleChildren(actor)),
        ),
      )
      .limit(1000);
    const childIds = [...new Set(rows.map((r) => r.meeting.childId).filter((id): id is string => id !== null))];
    await tx.update(calendarFeeds).set({ lastReadAt: new Date() }).where(eq(calendarFeeds.id, feed.id));
    await audit(
      tx,
      childIds.map((childId) => ({
        action: 'calendar.feed_read',
        entity: 'child',
        entityId: childId,
        childId,
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        detail: { feedId: feed.id },
      })),
    );
    const locale = await localeOfUser(tx, actor.userId);
    return buildCalendar(
      labels[locale].calendar,
      rows.map((r) => eventOf(r.meeting, locale, deps.config.publicUrl)),
    );
  });
}

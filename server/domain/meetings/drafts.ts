import { todayInSweden } from '../../../common/schemas/children.ts';
import { audit } from '../../audit/write.ts';
import type { Db } from '../../db/connect.ts';
import { addDays } from '../children/dates.ts';
import * as drafts from './drafts-repo.ts';
import * as repo from './repo.ts';
import { dayOf, fromLocal } from './stockholm.ts';

/** Working days ahead Navet suggests for a meeting it drafts: soon, with time for people to gather. */
const SUGGEST_AFTER_WORKING_DAYS = 3;

/** The suggested day: that many working days (Monday to Friday) after today in Sweden. */
export function suggestedDay(now: Date): string {
  let day = todayInSweden(now);
  for (let left = SUGGEST_AFTER_WORKING_DAYS; left > 0;) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day;
}

/**
 * An event whose rule proposes a hub meeting (a changed wellbeing, a rejection) drafts the meeting at
 * once, not just a notice: kind `hub`, the hub's social worker as organiser, the hub's staff on the list,
 * 09:00–10:00 on a suggested day. It stays unresolved (on the child's summary and the social worker's
 * start page) until it is held or cancelled with a reason. A child with an unresolved proposal keeps
 * it (a second event does not draft a second meeting); a hub without a social worker gets no draft.
 * Returns the meeting's id, or null.
 */
export async function draftHubMeeting(
  tx: Db,
  event: { id: string; tenantId: string; childId: string; type: string },
  now: Date,
): Promise<string | null> {
  const open = await drafts.unresolvedProposal(tx, event.childId);
  if (open) return open.id;
  const members = await drafts.invitableMembersOf(tx, event.childId);
  const organiser = members.find((m) => m.hubRole === 'social_worker');
  if (!organiser) return null;
  const day = suggestedDay(now);
  const meeting = await drafts.insertMeeting(tx, {
    tenantId: event.tenantId,
    kind: 'hub',
    childId: event.childId,
    // Stored text, shown in Navet only (calendars show the kind): Swedish, the working language.
    title: 'Navetmöte (föreslaget av Navet)',
    startsAt: fromLocal(`${day}T09:00`)!,
    endsAt: fromLocal(`${day}T10:00`)!,
    organiserId: organiser.userId,
    childWishes: { attendees: null, raise: null, avoid: null },
    proposedByEventId: event.id,
  });
  const invitees = [...new Set(members.map((m) => m.userId))].filter((id) => id !== organiser.userId);
  await repo.insertParticipants(tx, [
    {
      tenantId: event.tenantId,
      meetingId: meeting.id,
      userId: organiser.userId,
      response: 'accepted',
      respondedAt: now,
    },
    ...invitees.map((userId) => ({ tenantId: event.tenantId, meetingId: meeting.id, userId })),
  ]);
  await audit(tx, {
    action: 'meeting.created',
    entity: 'meeting',
    entityId: meeting.id,
    childId: event.childId,
    tenantId: event.tenantId,
    actorUserId: null,
    organisationId: null,
    detail: { kind: 'hub', invited: invitees.length, guests: 0, drafted: event.type },
  });
  // A draft, as the I-SIP's: no notices from Navet. The hub sees the invitation in its meetings and tasks;
  // the organiser hears through the proposal notice, and a change of time tells everyone invited.
  return meeting.id;
}

/**
 * Planning the first meeting: the child's first meeting of kind `first_hub` becomes the checklist's
 * meeting and its day the proposed date. A later first hub meeting (the first was moved to a new
 * meeting, say) does not replace a linked one.
 */
export async function linkFirstHubMeeting(tx: Db, m: repo.MeetingRow): Promise<void> {
  if (m.kind !== 'first_hub' || !m.childId) return;
  const linked = await drafts.linkFirstMeeting(tx, {
    tenantId: m.tenantId,
    childId: m.childId,
    meetingId: m.id,
    proposedOn: dayOf(m.startsAt),
  });
  if (linked)
    await audit(tx, {
      action: 'hub.first_meeting_linked',
      entity: 'first_meeting',
      entityId: m.childId,
      childId: m.childId,
      detail: { meetingId: m.id },
    });
}

/** A held meeting that is the child's first meeting ticks the checklist's "meeting held". */
export async function tickFirstMeetingHeld(tx: Db, m: repo.MeetingRow, actorUserId: string): Promise<void> {
  if (m.kind !== 'first_hub' || !m.childId) return;
  const first = await drafts.firstMeetingOf(tx, m.childId);
  if (first?.meetingId !== m.id) return;
  const ticked = await drafts.tickMeetingHeld(tx, {
    tenantId: m.tenantId,
    childId: m.childId,
    recordedBy: actorUserId,
  });
  if (ticked.length > 0)
    await audit(tx, {
      action: 'hub.checklist_recorded',
      entity: 'first_meeting',
      entityId: m.childId,
      childId: m.childId,
      detail: { item: 'meeting_held', done: true, fromMeeting: m.id },
    });
}

import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { DeadlineKind, EventType, type Audience } from '../../../common/schemas/events.ts';
import { categoryOfEvent } from '../../../common/schemas/sharing.ts';
import type { Db } from '../../db/connect.ts';
import { enqueue, registerJob } from '../../jobs/index.ts';
import { notify } from '../../notify/index.ts';
import { hubRecipients, managersOfSocialWorkers } from '../../notify/recipients.ts';
import { notifications } from '../../notify/tables.ts';
import { addDays } from '../children/dates.ts';
import { draftHubMeeting } from '../meetings/drafts.ts';
import { draftIsip } from '../plans/drafts.ts';
import { children } from '../children/tables.ts';
import { tenants } from '../tenancy/tables.ts';
import { addMonths, isPassed, openDeadline, REMIND_JOB } from './deadlines.ts';
import { effectiveSettings } from './rules.ts';
import { navetOwner, ROUTE_JOB, writeEvent } from './service.ts';
import { childDeadlines, childEvents } from './tables.ts';
import { addWorkingHours, swedishTime } from './working-hours.ts';

/*
 * The jobs that turn an event into notices. Each resolves its recipients when
 * it runs, from the hub's open memberships at that moment, so someone who left
 * the hub in between is not told.
 */

export const ESCALATE_JOB = 'events.escalate';
export const SWEEP_JOB = 'events.sweep';
export const SWEEP_TENANT_JOB = 'events.sweep_tenant';
const core: Audience[] = ['social_worker', 'god_man', 'contact_person'];

const childLink = (childId: string) => `/children/${childId}`;

async function loadEvent(tx: Db, id: unknown) {
  const [event] = await tx
    .select()
    .from(childEvents)
    .where(eq(childEvents.id, String(id)));
  return event ? { ...event, type: EventType.parse(event.type) } : null;
}

/** The event's notices, by the tenant's rule: who, how urgently, and what is proposed. */
registerJob(ROUTE_JOB, async (tx, payload, job) => {
  const event = await loadEvent(tx, payload.eventId);
  if (!event) return;
  const settings = await effectiveSettings(tx, event.tenantId);
  const rule = settings.rules[event.type];
  const audiences = (urgency: 'immediate' | 'normal') =>
    rule.notify.filter((n) => n.urgency === urgency).map((n) => n.audience);
  // The one who recorded it knows already.
  const notMe = (ids: string[]) => ids.filter((id) => id !== event.recordedBy);
  const immediate = notMe(await hubRecipients(tx, event.childId, audiences('immediate')));
  const normal = notMe(await hubRecipients(tx, event.childId, audiences('normal'))).filter(
    (id) => !immediate.includes(id),
  );
  const base = {
    tenantId: event.tenantId,
    childId: event.childId,
    params: { eventType: event.type },
    link: childLink(event.childId),
    sourceId: event.id,
    at: job.now,
  };
  await notify(tx, { ...base, kind: 'event.recorded', userIds: immediate, urgency: 'immediate' });
  await notify(tx, { ...base, kind: 'event.recorded', userIds: normal, urgency: 'normal' });
  if (rule.escalate)
    await enqueue(tx, {
      tenantId: event.tenantId,
      kind: ESCALATE_JOB,
      runAt: addWorkingHours(job.now, settings.escalationWorkingHours),
      payload: { eventId: event.id },
      dedupeKey: `escalate:${event.id}`,
    });
  const leads = await hubRecipients(tx, event.childId, ['social_worker']);
  for (const proposal of rule.propose) {
    if (proposal === 'isip' && !settings.usesIsip) continue;
    // The proposal is drafted at once (an I-SIP where it is the rule, a hub meeting) and the notice leads to it.
    const drafted =
      proposal === 'isip'
        ? await draftIsip(tx, event.tenantId, event.childId, event.type)
        : await draftHubMeeting(tx, event, job.now);
    const draftLink = proposal === 'isip' ? `/plans/${drafted}` : `/meetings/${drafted}`;
    await notify(tx, {
      ...base,
      ...(drafted ? { params: { ...base.params, drafted: true }, link: draftLink } : {}),
      kind: `proposal.${proposal}`,
      userIds: leads,
      urgency: 'normal',
    });
  }
});

/**
 * Escalation: the hub's social worker has not acknowledged the notice (and did
 * not record the event) within the working hours: the social worker's manager
 * is told at once.
 */
registerJob(ESCALATE_JOB, async (tx, payload, job) => {
  const event = await loadEvent(tx, payload.eventId);
  if (!event) return;
  const socialWorkers = await hubRecipients(tx, event.childId, ['social_worker']);
  if (event.recordedBy && socialWorkers.includes(event.recordedBy)) return;
  if (socialWorkers.length > 0) {
    const [seen] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.sourceId, event.id),
          eq(notifications.kind, 'event.recorded'),
          inArray(notifications.userId, socialWorkers),
          isNotNull(notifications.acknowledgedAt),
        ),
      )
      .limit(1);
    if (seen) return;
  }
  await notify(tx, {
    tenantId: event.tenantId,
    userIds: await managersOfSocialWorkers(tx, event.childId),
    kind: 'event.escalated',
    childId: event.childId,
    params: { eventType: event.type },
    link: childLink(event.childId),
    urgency: 'immediate',
    sourceId: event.id,
    at: job.now,
  });
});

/** A reminder before a deadline, to the core three, while it is still open and ahead. */
registerJob(REMIND_JOB, async (tx, payload, job) => {
  const [deadline] = await tx
    .select()
    .from(childDeadlines)
    .where(eq(childDeadlines.id, String(payload.deadlineId)));
  if (!deadline || deadline.status !== 'open' || isPassed(deadline, job.now)) return;
  await notify(tx, {
    tenantId: deadline.tenantId,
    userIds: await hubRecipients(tx, deadline.childId, core),
    kind: 'deadline.reminder',
    childId: deadline.childId,
    params: { deadlineKind: DeadlineKind.parse(deadline.kind), dueOn: deadline.dueOn },
    link: childLink(deadline.childId),
    urgency: 'normal',
    sourceId: deadline.id,
    at: job.now,
  });
});

/** Once a day, across tenants: one sweep per tenant, and tomorrow's run. */
registerJob(SWEEP_JOB, async (tx, _payload, job) => {
  const today = todayInSweden(job.now);
  for (const t of await tx.select({ id: tenants.id }).from(tenants))
    await enqueue(tx, {
      tenantId: t.id,
      kind: SWEEP_TENANT_JOB,
      runAt: job.now,
      payload: {},
      dedupeKey: `sweep:${t.id}:${today}`,
    });
  await scheduleDailySweep(tx, swedishTime(addDays(today, 1), 2 * 60));
});

/** Months before the 18th birthday when its deadline appears (the first reminder is at six). */
const TURNS_18_LEAD_MONTHS = 7;

/**
 * Turning 18, from the date of birth: the deadline (with reminders at 6, 3
 * and 1 months) appears seven months ahead, and on the day Navet records the
 * event itself, which notifies the hub and sets the status.
 */
registerJob(SWEEP_TENANT_JOB, async (tx, _payload, job) => {
  if (!job.tenantId) return;
  const today = todayInSweden(job.now);
  const due = await tx
    .select()
    .from(children)
    .where(
      and(
        eq(children.tenantId, job.tenantId),
        eq(children.caseStatus, 'active'),
        isNotNull(children.dateOfBirth),
        lte(children.dateOfBirth, addMonths(today, TURNS_18_LEAD_MONTHS - 18 * 12)),
      ),
    );
  for (const child of due) {
    const birthday = addMonths(child.dateOfBirth!, 18 * 12);
    if (birthday <= today) {
      const [done] = await tx
        .select({ id: childEvents.id })
        .from(childEvents)
        .where(and(eq(childEvents.childId, child.id), eq(childEvents.type, 'turned_18')));
      if (!done)
        await writeEvent(
          tx,
          child,
          {
            type: 'turned_18',
            occurredOn: birthday,
            source: 'navet',
            note: '',
            departureDate: null,
            recordedBy: null,
            ownerOrganisationId: await navetOwner(tx, child),
            category: categoryOfEvent('turned_18'),
          },
          job.now,
        );
      continue;
    }
    const [known] = await tx
      .select({ id: childDeadlines.id })
      .from(childDeadlines)
      .where(and(eq(childDeadlines.childId, child.id), eq(childDeadlines.kind, 'turns_18')));
    if (!known)
      await openDeadline(
        tx,
        { tenantId: child.tenantId, childId: child.id, kind: 'turns_18', dueOn: birthday, sourceEventId: null },
        job.now,
      );
  }
});

/** Schedules the daily sweep (once per day, whoever asks). The server calls it when its runner starts. */
export async function scheduleDailySweep(tx: Db, at: Date = new Date()): Promise<void> {
  await enqueue(tx, {
    tenantId: null,
    kind: SWEEP_JOB,
    runAt: at,
    payload: {},
    dedupeKey: `sweep:${todayInSweden(at)}`,
  });
}

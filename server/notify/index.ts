import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { users } from '../domain/tenancy/tables.ts';
import { enqueue, registerJob } from '../jobs/index.ts';
import { publish } from './channel.ts';
import { sendPing } from './mail.ts';
import { stillConcerned } from './recipients.ts';
import { notifications } from './tables.ts';

export type Urgency = 'immediate' | 'normal';

export interface NotifyInput {
  tenantId: string;
  /** Duplicates are sent once; users of another tenant, or disabled, are skipped. */
  userIds: string[];
  /** A stable key the client translates, e.g. "event.recorded". */
  kind: string;
  childId?: string | null;
  /** Keys, ids and dates only: never names, notes or case data. */
  params?: Record<string, unknown>;
  /** Path inside Navet, e.g. "/children/<id>". */
  link: string;
  urgency: Urgency;
  /** What caused it (event, deadline, meeting id). */
  sourceId?: string | null;
  /** The clock: a job passes its own `now` so tests can move time. */
  at?: Date;
}

/** Channel of the live stream: payload {userIds, ids}; each process pushes to its own open pages. */
export const NOTICES_CHANNEL = 'navet_notices';
export const EMAIL_JOB = 'notify.email';
/** A normal notice pings by e-mail only if still unread this long after it arrived. */
export const NORMAL_PING_DELAY_MS = 30 * 60_000;

/**
 * Writes one in-app notice per recipient in the caller's transaction, schedules
 * each one's e-mail ping, and publishes to the live stream with NOTIFY, which
 * the database delivers only when the transaction commits (so a rolled-back
 * write never reaches a screen). Returns the new notices' ids.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<string[]> {
  const wanted = [...new Set(input.userIds)];
  if (wanted.length === 0) return [];
  const recipients = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, wanted), eq(users.tenantId, input.tenantId), isNull(users.disabledAt)));
  if (recipients.length === 0) return [];
  const at = input.at ?? new Date();
  const rows = await tx
    .insert(notifications)
    .values(
      recipients.map((r) => ({
        tenantId: input.tenantId,
        userId: r.id,
        kind: input.kind,
        childId: input.childId ?? null,
        params: input.params ?? {},
        link: input.link,
        urgency: input.urgency,
        sourceId: input.sourceId ?? null,
        createdAt: at,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  for (const row of rows) {
    await enqueue(tx, {
      tenantId: input.tenantId,
      kind: EMAIL_JOB,
      runAt: input.urgency === 'immediate' ? at : new Date(at.getTime() + NORMAL_PING_DELAY_MS),
      payload: { notificationId: row.id },
      dedupeKey: `email:${row.id}`,
    });
  }
  await publish(
    tx,
    NOTICES_CHANNEL,
    JSON.stringify({ userIds: rows.map((r) => r.userId), ids: rows.map((r) => r.id) }),
  );
  return rows.map((r) => r.id);
}

/**
 * The e-mail ping. Sent inside the job's transaction, before the 'done' mark
 * commits: delivery is at-least-once. A crash (or a failed commit) after the
 * mail server accepted the message and before the commit sends the ping again
 * on the retry; the alternative, recording first, could lose a ping for a
 * rejection, which is worse than a duplicate "something waits in Navet".
 */
registerJob(EMAIL_JOB, async (tx, payload, job) => {
  if (!job.config.smtpUrl) return; // no mail server configured: in-app only
  const id = String(payload.notificationId);
  const [n] = await tx
    .select({
      userId: notifications.userId,
      childId: notifications.childId,
      urgency: notifications.urgency,
      readAt: notifications.readAt,
      emailedAt: notifications.emailedAt,
      email: users.email,
      locale: users.locale,
      disabledAt: users.disabledAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, id));
  if (!n || n.emailedAt || n.disabledAt || !n.email.includes('@')) return;
  if (n.urgency === 'normal' && n.readAt) return; // already seen: no ping needed
  if (n.childId && !(await stillConcerned(tx, n.userId, n.childId))) return; // left the hub
  await sendPing(job.config, {
    to: n.email,
    locale: n.locale,
    link: new URL('/notifications', job.config.publicUrl).toString(),
    urgent: n.urgency === 'immediate',
  });
  await tx.update(notifications).set({ emailedAt: job.now }).where(eq(notifications.id, id));
});

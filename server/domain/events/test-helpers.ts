import { asc, eq } from 'drizzle-orm';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { notifications } from '../../notify/tables.ts';
import type { TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import type { HubWorld } from '../hub/test-world.ts';

export const eventsUrl = (w: HubWorld) => `/api/children/${w.child.id}/events`;

/** A rejection notified `daysAgo` days ago. */
export function rejection(daysAgo = 1, extra: Record<string, unknown> = {}) {
  return {
    type: 'asylum_rejected',
    occurredOn: addDays(todayInSweden(), -daysAgo),
    source: 'migrationsverket',
    note: 'Avslag, se beslutet',
    ...extra,
  };
}

/** Runs the world's tenant's due jobs at `now` (only its own: test files share PostgreSQL). */
export const runJobs = (t: TestApp, w: HubWorld, now = new Date()) =>
  runDueJobs(t.deps, now, { tenantId: w.tenant.id });

export async function noticesOf(t: TestApp, userId: string) {
  return t.database.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.createdAt));
}

/** Records an event through the API as `who` and expects 201. */
export async function record(w: HubWorld, who: keyof HubWorld['clients'], body: Record<string, unknown>) {
  const res = await w.clients[who].post(eventsUrl(w), body);
  if (res.statusCode !== 201) throw new Error(`record failed: ${res.statusCode} ${res.body}`);
  return res.json<{ event: { id: string }; asylumStatus: string; deadlines: { kind: string; dueOn: string }[] }>();
}

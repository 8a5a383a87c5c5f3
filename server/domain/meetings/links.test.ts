import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { childEvents } from '../events/tables.ts';
import { followupWorld } from '../followup/test-fixtures.ts';
import { firstMeetings } from '../hub/tables.ts';
import { meetings } from './tables.ts';

/** The links between a meeting and what made it: kept by the database, cleared when retention removes either side. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('meeting links', () => {
  it('a drafted meeting names an event that exists, and loses the link when the event is removed', async () => {
    const db = t.database.db;
    const w = await followupWorld(t.app, db);
    const c = await w.child();
    const e = await w.rejection(c.id, new Date());
    const m = await w.meeting(c.id, new Date(), { status: 'planned', proposedByEventId: e.id });
    await expect(w.meeting(c.id, new Date(), { proposedByEventId: crypto.randomUUID() })).rejects.toThrow();
    await db.delete(childEvents).where(eq(childEvents.id, e.id));
    const [row] = await db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(row!.proposedByEventId).toBeNull();
  });

  it('the first hub meeting names a meeting that exists, and loses the link when the meeting is removed', async () => {
    const db = t.database.db;
    const w = await followupWorld(t.app, db);
    const c = await w.child();
    const m = await w.meeting(c.id, new Date(), { kind: 'first_hub', status: 'planned' });
    await expect(
      db.insert(firstMeetings).values({ childId: c.id, tenantId: w.tenant.id, meetingId: crypto.randomUUID() }),
    ).rejects.toThrow();
    await db
      .insert(firstMeetings)
      .values({ childId: c.id, tenantId: w.tenant.id, meetingId: m.id })
      .onConflictDoUpdate({ target: firstMeetings.childId, set: { meetingId: m.id } });
    await db.delete(meetings).where(eq(meetings.id, m.id));
    const [row] = await db.select().from(firstMeetings).where(eq(firstMeetings.childId, c.id));
    expect(row!.meetingId).toBeNull();
  });
});

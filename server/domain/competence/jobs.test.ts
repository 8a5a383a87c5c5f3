import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { enqueue, runDueJobs } from '../../jobs/index.ts';
import { notifications } from '../../notify/tables.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { buildCollabWorld, twoMunicipalities } from '../collaboration/test-world.ts';
import { LAPSE_TENANT_JOB } from './jobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('training lapse reminders', () => {
  it('notify a person 30 days before their training lapses, once, and not after a newer session', async () => {
    const w = await buildCollabWorld(t);
    const c = await twoMunicipalities(w);
    const url = `/api/collaborations/${c.id}/competence`;
    const coord = w.a.clients.coordinator;
    const topic = (await coord.post(`${url}/topics`, { name: 'Sekretess', renewalMonths: 24 })).json<{ id: string }>();
    const today = todayInSweden();
    const held = new Date(`${today}T12:00:00Z`);
    held.setUTCMonth(held.getUTCMonth() - 24);
    // Last valid day = held + 24 months - 1 day: held so that it is 30 days from today.
    const heldOn = addDays(held.toISOString().slice(0, 10), 31);
    const res = await coord.post(`${url}/sessions`, {
      topicId: topic.id,
      heldOn,
      attendeeUserIds: [w.a.users.mentor.id, w.a.users.manager.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    // The manager went again last week: not lapsing.
    await coord.post(`${url}/sessions`, {
      topicId: topic.id,
      heldOn: addDays(today, -7),
      attendeeUserIds: [w.a.users.manager.id],
    });

    const deps = t.deps;
    const run = async () => {
      await enqueue(t.database.db, {
        tenantId: w.a.tenant.id,
        kind: LAPSE_TENANT_JOB,
        runAt: new Date(),
        payload: {},
      });
      await runDueJobs(deps, new Date(), { tenantId: w.a.tenant.id });
    };
    await run();
    await run();
    const sent = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.tenantId, w.a.tenant.id), eq(notifications.kind, 'training.lapsing')));
    expect(sent.map((n) => n.userId)).toEqual([w.a.users.mentor.id]);
    expect(sent[0]!.params).toEqual({ topicId: topic.id, validUntil: addDays(today, 30) });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { enqueue } from '../../jobs/index.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { children } from '../children/tables.ts';
import { buildHubWorld, type HubWorld } from '../hub/test-world.ts';
import { addMonths } from './deadlines.ts';
import { SWEEP_TENANT_JOB } from './jobs.ts';
import { childDeadlines, childEvents } from './tables.ts';
import { noticesOf, record, rejection, runJobs } from './test-helpers.ts';
import { swedishTime } from './working-hours.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const eightOn = (date: string) => swedishTime(date, 8 * 60);
const minuteBefore = (d: Date) => new Date(d.getTime() - 60_000);

async function reminders(w: HubWorld, person: 'social_worker' | 'god_man' | 'contact_person' | 'school_mentor') {
  return (await noticesOf(t, w.people[person].id))
    .filter((n) => n.kind === 'deadline.reminder')
    .map((n) => `${String(n.params.deadlineKind)}:${String(n.params.dueOn)}`);
}

describe('reminders before deadlines (controllable clock)', () => {
  it('the core three are reminded a week and two days before the last day to appeal, once each', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    const due = addDays(todayInSweden(), 20);
    await runJobs(t, w);
    await runJobs(t, w, minuteBefore(eightOn(addDays(due, -7))));
    expect(await reminders(w, 'social_worker')).toEqual([]);
    await runJobs(t, w, eightOn(addDays(due, -7)));
    expect(await reminders(w, 'social_worker')).toEqual([`appeal:${due}`]);
    await runJobs(t, w, eightOn(addDays(due, -2)));
    await runJobs(t, w, eightOn(addDays(due, -2))); // a second run adds nothing
    const expected = [`appeal:${due}`, `appeal:${due}`];
    expect(await reminders(w, 'social_worker')).toEqual(expected);
    expect(await reminders(w, 'god_man')).toEqual(expected);
    expect(await reminders(w, 'contact_person')).toEqual(expected);
    expect(await reminders(w, 'school_mentor')).toEqual([]);
    // The day before it becomes final, if not appealed.
    await runJobs(t, w, eightOn(addDays(due, 1)));
    expect((await reminders(w, 'god_man')).at(-1)).toBe(`becomes_final:${addDays(due, 1)}`);
  });

  it('no reminder for a deadline an appeal has settled', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await record(w, 'god_man', { type: 'appeal_filed', occurredOn: todayInSweden(), source: 'god_man' });
    await runJobs(t, w, eightOn(addDays(todayInSweden(), 30)));
    expect(await reminders(w, 'social_worker')).toEqual([]);
  });
});

describe('turning 18, from the date of birth', () => {
  it('the deadline appears ahead with reminders at 3 and 1 months; on the day Navet records the event', async () => {
    const w = await buildHubWorld(t);
    const birthday = addMonths(todayInSweden(), 5);
    await t.database.db
      .update(children)
      .set({ dateOfBirth: addMonths(birthday, -18 * 12), asylumStatus: 'final' })
      .where(eq(children.id, w.child.id));
    const sweep = async (now: Date) => {
      await enqueue(t.database.db, {
        tenantId: w.tenant.id,
        kind: SWEEP_TENANT_JOB,
        runAt: now,
        payload: {},
        dedupeKey: `sweep:${w.tenant.id}:${todayInSweden(now)}`,
      });
      await runJobs(t, w, now);
    };
    await sweep(new Date());
    await sweep(new Date()); // the same day again: nothing new
    const deadlines = (await w.clients.god_man.get(`/api/children/${w.child.id}/deadlines`)).json().items;
    expect(deadlines.map((d: { kind: string; dueOn: string }) => `${d.kind}:${d.dueOn}`)).toEqual([
      `turns_18:${birthday}`,
    ]);

    await runJobs(t, w, eightOn(addMonths(birthday, -1)));
    expect(await reminders(w, 'god_man')).toEqual([`turns_18:${birthday}`, `turns_18:${birthday}`]);

    await sweep(eightOn(birthday));
    const events = await t.database.db.select().from(childEvents).where(eq(childEvents.childId, w.child.id));
    expect(events.map((e) => [e.type, e.occurredOn, e.source, e.recordedBy])).toEqual([
      ['turned_18', birthday, 'navet', null],
    ]);
    const [child] = await t.database.db.select().from(children).where(eq(children.id, w.child.id));
    expect(child?.asylumStatus).toBe('turned_18');
    const [deadline] = await t.database.db.select().from(childDeadlines).where(eq(childDeadlines.childId, w.child.id));
    expect(deadline?.status).toBe('done');
    const told = (await noticesOf(t, w.people.social_worker.id)).filter((n) => n.kind === 'event.recorded');
    expect(told.map((n) => n.params.eventType)).toEqual(['turned_18']);
    await sweep(new Date(eightOn(birthday).getTime() + 86_400_000));
    expect(await t.database.db.select().from(childEvents).where(eq(childEvents.childId, w.child.id))).toHaveLength(1);
  });
});

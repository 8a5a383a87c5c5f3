import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { notifications } from '../../notify/tables.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { reminderAt } from '../meetings/notices.ts';
import { buildHubWorld, consentForHub, type HubWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const overdueNotices = (userId: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'question.overdue')));

async function raise(w: HubWorld, owner: keyof HubWorld['members'], text: string, dueOn: string) {
  const res = await w.clients.social_worker.post(`/api/children/${w.child.id}/questions`, {
    text,
    ownerMemberId: w.members[owner],
    dueOn,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

describe('overdue questions for the child: reminded like decisions', () => {
  it('the morning after the due date its holder is reminded once; a raised question is not', async () => {
    const w = await buildHubWorld(t);
    // The social worker's questions reach the other organisations under the child's consent.
    await consentForHub(w);
    const due = addDays(todayInSweden(), 4);
    const q1 = await raise(w, 'contact_person', 'Vet han vad avslaget betyder?', due);
    const q2 = await raise(w, 'contact_person', 'Hur sover han?', due);
    const run = (now: Date) => runDueJobs(t.deps, now, { tenantId: w.tenant.id });

    await run(new Date(reminderAt(due).getTime() - 60_000));
    expect(await overdueNotices(w.people.contact_person.id)).toHaveLength(0);

    await w.clients.contact_person.patch(`/api/children/${w.child.id}/questions/${q2.id}`, { status: 'done' });
    await run(new Date(reminderAt(due).getTime() + 60_000));
    await run(new Date(reminderAt(due).getTime() + 120_000));
    const notes = await overdueNotices(w.people.contact_person.id);
    expect(notes.map((n) => n.sourceId)).toEqual([q1.id]);
    // Ids and the date only: the question's text never travels in a notice (it may be e-mailed).
    expect(notes[0]).toMatchObject({ link: '/tasks', childId: w.child.id, params: { questionId: q1.id, dueOn: due } });
    expect(JSON.stringify(notes[0]!.params)).not.toContain('avslaget');
  });

  it('goes to whoever holds the question when it falls due, on its current date, only while they are in the hub', async () => {
    const w = await buildHubWorld(t);
    // The social worker's questions reach the other organisations under the child's consent.
    await consentForHub(w);
    const due = addDays(todayInSweden(), 2);
    const later = addDays(todayInSweden(), 6);
    const moved = await raise(w, 'contact_person', 'Flyttad fråga', due);
    const handed = await raise(w, 'contact_person', 'Överlämnad fråga', due);
    await raise(w, 'school_mentor', 'Mentorns fråga', due);
    const url = (id: string) => `/api/children/${w.child.id}/questions/${id}`;
    expect((await w.clients.social_worker.patch(url(moved.id), { dueOn: later })).statusCode).toBe(200);
    expect((await w.clients.social_worker.patch(url(handed.id), { ownerMemberId: w.members.god_man })).statusCode).toBe(
      200,
    );
    await w.clients.social_worker.post(`/api/children/${w.child.id}/hub/members/${w.members.school_mentor}/end`, {});
    const run = (now: Date) => runDueJobs(t.deps, now, { tenantId: w.tenant.id });

    await run(new Date(reminderAt(due).getTime() + 60_000));
    expect((await overdueNotices(w.people.contact_person.id)).map((n) => n.sourceId)).toEqual([]);
    expect((await overdueNotices(w.people.god_man.id)).map((n) => n.sourceId)).toEqual([handed.id]);
    expect(await overdueNotices(w.people.school_mentor.id)).toHaveLength(0);

    await run(new Date(reminderAt(later).getTime() + 60_000));
    expect((await overdueNotices(w.people.contact_person.id)).map((n) => n.sourceId)).toEqual([moved.id]);
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Meeting } from '../../../common/schemas/meetings.ts';
import type { Task } from '../../../common/schemas/tasks.ts';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { childDeadlines } from '../events/tables.ts';
import { buildHubWorld, consentForHub } from '../hub/test-world.ts';
import { localAt, schedule } from '../meetings/test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const kinds = (items: Task[]) => items.map((i) => `${i.kind}:${i.text}`);

describe('GET /api/me/tasks', () => {
  it('401 without a session, 403 for a volunteer', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get('/api/me/tasks')).statusCode).toBe(401);
    expect((await w.clients.volunteer.get('/api/me/tasks')).statusCode).toBe(403);
  });

  it('decisions, questions and unanswered invitations in one list, overdue first; only the child’s hub sees them', async () => {
    const w = await buildHubWorld(t);
    // The question is social services information: the school takes it under the child's consent.
    const consentId = await consentForHub(w);
    const m = await schedule(w, { title: 'Uppföljning', inviteeUserIds: [w.people.school_mentor.id] });
    await w.clients.social_worker.post(`/api/meetings/${m.id}/decisions`, {
      text: 'Kontakta skolsköterskan',
      ownerUserId: w.people.school_mentor.id,
      dueOn: addDays(todayInSweden(), 30),
    });
    await w.clients.social_worker.post(`/api/children/${w.child.id}/questions`, {
      text: 'Hur går läxorna?',
      ownerMemberId: w.members.school_mentor,
      dueOn: addDays(todayInSweden(), 2),
    });
    const mine = (await w.clients.school_mentor.get('/api/me/tasks')).json();
    expect(kinds(mine.items)).toEqual([
      'question:Hur går läxorna?',
      'invitation:Uppföljning',
      'decision:Kontakta skolsköterskan',
    ]);
    expect(mine.items[1]).toMatchObject({ link: `/meetings/${m.id}`, child: { displayName: 'Amir' }, overdue: false });

    // Answering the invitation takes it off the list.
    await w.clients.school_mentor.put(`/api/meetings/${m.id}/response`, { response: 'accepted' });
    expect(kinds((await w.clients.school_mentor.get('/api/me/tasks')).json().items)).toEqual([
      'question:Hur går läxorna?',
      'decision:Kontakta skolsköterskan',
    ]);

    // A withdrawn consent takes the question's text away on the very next request; the withholding is logged.
    const withdrawn = await w.clients.social_worker.post(`/api/consents/${consentId}/withdraw`, {
      withdrawnOn: todayInSweden(),
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(kinds((await w.clients.school_mentor.get('/api/me/tasks')).json().items)).toEqual([
      'decision:Kontakta skolsköterskan',
    ]);
    const withheld = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, w.people.school_mentor.id), eq(auditLog.action, 'sharing.withheld')));
    expect(withheld.map((r) => r.entity)).toContain('hub_questions');

    // Leaving the hub takes the child's tasks away: the scope rule, not the owner column, decides.
    await w.clients.social_worker.post(`/api/children/${w.child.id}/hub/members/${w.members.school_mentor}/end`, {});
    expect((await w.clients.school_mentor.get('/api/me/tasks')).json().items).toEqual([]);
  });

  it('open deadlines of the case reach the core three, not the school mentor; passed ones are overdue', async () => {
    const w = await buildHubWorld(t);
    await t.database.db.insert(childDeadlines).values([
      { tenantId: w.tenant.id, childId: w.child.id, kind: 'appeal', dueOn: addDays(todayInSweden(), -1) },
      { tenantId: w.tenant.id, childId: w.child.id, kind: 'turns_18', dueOn: addDays(todayInSweden(), 200) },
      {
        tenantId: w.tenant.id,
        childId: w.child.id,
        kind: 'departure',
        dueOn: addDays(todayInSweden(), 5),
        status: 'superseded',
      },
    ]);
    const gm = (await w.clients.god_man.get('/api/me/tasks')).json();
    expect(gm.items.map((i: Task) => [i.kind, i.deadlineKind, i.overdue, i.link])).toEqual([
      ['deadline', 'appeal', true, `/children/${w.child.id}`],
      ['deadline', 'turns_18', false, `/children/${w.child.id}`],
    ]);
    expect(gm.overdueCount).toBe(1);
    expect((await w.clients.school_mentor.get('/api/me/tasks')).json().items).toEqual([]);
  });

  it('an operational forum (no child): the invited see it and its decisions; others get 404', async () => {
    const w = await buildHubWorld(t);
    const res = await w.clients.manager.post('/api/meetings', {
      kind: 'operational_forum',
      title: 'Verksamhetsforum januari',
      startsAt: localAt(10, 13),
      endsAt: localAt(10, 15),
      inviteeUserIds: [w.people.social_worker.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const forum = res.json<Meeting>();
    expect(forum.child).toBeNull();
    expect((await w.clients.god_man.get(`/api/meetings/${forum.id}`)).statusCode).toBe(404);
    const invited = (await w.clients.social_worker.get('/api/me/tasks')).json();
    expect(kinds(invited.items)).toEqual(['invitation:Verksamhetsforum januari']);
    expect(invited.items[0].child).toBeNull();
    const decided = await w.clients.social_worker.post(`/api/meetings/${forum.id}/decisions`, {
      text: 'Ta fram rutin för avslagsbesked',
      ownerUserId: w.people.social_worker.id,
      dueOn: addDays(todayInSweden(), 40),
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const outsider = await w.clients.social_worker.post(`/api/meetings/${forum.id}/decisions`, {
      text: 'x',
      ownerUserId: w.people.god_man.id,
      dueOn: addDays(todayInSweden(), 40),
    });
    expect(outsider.statusCode).toBe(400);
    expect(kinds((await w.clients.social_worker.get('/api/me/tasks')).json().items)).toContain(
      'decision:Ta fram rutin för avslagsbesked',
    );
  });
});

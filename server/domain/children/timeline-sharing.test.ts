import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineActions, todayInSweden, type TimelineAction } from '../../../common/schemas/children.ts';
import { infoCategories } from '../../../common/schemas/sharing.ts';
import { auditLog } from '../../audit/tables.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from './dates.ts';
import { buildHubWorld, type HubWorld, type Person } from '../hub/test-world.ts';
import { actionsAbout, timelineEntries } from './timeline-entries.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const today = () => todayInSweden();

/** The free text of the guarded items this walk writes: none may reach a reader who may not see the item. */
const secrets = {
  question: 'Fråga om pappans missbruk, hemligt 7f3a',
  dropReason: 'Socialtjänstens utredning pågår, hemligt 9c1e',
  eventNote: 'Advokatens bedömning, hemligt 2b8d',
};

interface Walk {
  w: HubWorld;
  childId: string;
  url: string;
  /** The tenant's own topic the question is about: its key must not reach an outsider either. */
  topicKey: string;
  questionId: string;
}

async function ok(res: { statusCode: number; body: string }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body || 'null') as Record<string, unknown>;
}

async function member(walk: Walk, person: Person, hubRole: string): Promise<string> {
  const res = await walk.w.clients.social_worker.post(`${walk.url}/hub/members`, {
    userId: walk.w.people[person].id,
    hubRole,
  });
  return (await ok(res, 201)).memberId as string;
}

async function link(walk: Walk) {
  return (await ok(await walk.w.clients.social_worker.post(`${walk.url}/child-links`), 201)) as {
    id: string;
    token: string;
    code: string;
  };
}

const redeem = (token: string, code: string) =>
  t.app.inject({ method: 'POST', url: '/api/child-view/redeem', payload: { token, code } });

/**
 * One step per action that reaches the timeline, each through the real routes. Typed by the action list, so
 * a new timeline action without a step here does not compile; the walk then checks every action was written.
 */
const steps: Record<TimelineAction, (walk: Walk) => Promise<void>> = {
  'child.created': async () => {}, // the walk opens the case through the API
  'hub.member_added': async () => {}, // the social worker, on opening, and everyone the walk adds
  'hub.first_meeting_proposed': async () => {}, // once the core three are in
  'child.updated': async (walk) => {
    await ok(await walk.w.clients.social_worker.patch(walk.url, { version: 1, displayName: 'Amir K' }));
  },
  'hub.agreement_updated': async (walk) => {
    const me = await member(walk, 'spare_god_man', 'god_man');
    const res = await walk.w.clients.spare_god_man.put(`${walk.url}/hub/members/${me}/agreement`, {
      availability: 'Vardagar',
      preferredChannel: null,
      contactDetail: null,
    });
    await ok(res);
  },
  'hub.member_ended': async (walk) => {
    const volunteer = await member(walk, 'volunteer', 'civil_society');
    await ok(await walk.w.clients.social_worker.post(`${walk.url}/hub/members/${volunteer}/end`, {}));
  },
  'hub.topic_assigned': async (walk) => {
    const hub = (await ok(await walk.w.clients.social_worker.get(`${walk.url}/hub`))) as {
      members: { memberId: string; hubRole: string }[];
    };
    const sw = hub.members.find((m) => m.hubRole === 'social_worker')!.memberId;
    await ok(await walk.w.clients.social_worker.put(`${walk.url}/topics/school`, { responsibleMemberId: sw }));
  },
  'hub.first_meeting_updated': async (walk) => {
    await ok(await walk.w.clients.social_worker.put(`${walk.url}/first-meeting`, { proposedOn: addDays(today(), 5) }));
  },
  'hub.checklist_recorded': async (walk) => {
    await ok(
      await walk.w.clients.social_worker.put(`${walk.url}/first-meeting/items/put_faces`, { done: true, note: null }),
    );
  },
  'hub.question_created': async (walk) => {
    const hub = (await ok(await walk.w.clients.social_worker.get(`${walk.url}/hub`))) as {
      members: { memberId: string; hubRole: string }[];
    };
    const sw = hub.members.find((m) => m.hubRole === 'social_worker')!.memberId;
    const res = await walk.w.clients.social_worker.post(`${walk.url}/questions`, {
      text: secrets.question,
      ownerMemberId: sw,
      dueOn: addDays(today(), 3),
      topic: walk.topicKey,
      category: 'social_services',
    });
    walk.questionId = (await ok(res, 201)).id as string;
  },
  'hub.question_updated': async (walk) => {
    const res = await walk.w.clients.social_worker.patch(`${walk.url}/questions/${walk.questionId}`, {
      status: 'dropped',
      dropReason: secrets.dropReason,
    });
    await ok(res);
  },
  'child_link.created': async () => {}, // with the next three
  'child_link.redeemed': async (walk) => {
    const l = await link(walk);
    await ok(await redeem(l.token, l.code), 204);
  },
  'child_link.revoked': async (walk) => {
    const l = await link(walk);
    expect((await walk.w.clients.social_worker.delete(`${walk.url}/child-links/${l.id}`)).statusCode).toBe(204);
  },
  'child_link.burnt': async (walk) => {
    const l = await link(walk);
    const wrong = String((Number(l.code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) await redeem(l.token, wrong);
  },
  'event.recorded': async (walk) => {
    const res = await walk.w.clients.social_worker.post(`${walk.url}/events`, {
      type: 'asylum_rejected',
      occurredOn: addDays(today(), -1),
      source: 'migrationsverket',
      note: secrets.eventNote,
    });
    await ok(res, 201);
  },
  'child.closed': async (walk) => {
    const child = await ok(await walk.w.clients.social_worker.get(walk.url));
    await ok(await walk.w.clients.social_worker.post(`${walk.url}/close`, { version: child.version, reason: 'moved' }));
  },
};

/**
 * A case opened through the API and taken through every timeline action by the social worker (social
 * services). The god man's organisation is named with social services in the child's consent for the hub;
 * the school mentor's is not, so the school may not see social services' question.
 */
async function walkEveryAction(opts: { close: boolean } = { close: true }): Promise<Walk> {
  const w = await buildHubWorld(t);
  const created = await ok(await w.clients.social_worker.post('/api/children', { displayName: 'Amir' }), 201);
  const topic = await ok(
    await w.clients.admin.post('/api/hub/topics', { labelSv: 'Hemligt ämne', labelEn: 'Secret' }),
    201,
  );
  const walk: Walk = {
    w,
    childId: created.id as string,
    url: `/api/children/${created.id as string}`,
    topicKey: topic.key as string,
    questionId: '',
  };
  await member(walk, 'god_man', 'god_man');
  await member(walk, 'contact_person', 'contact_person');
  await member(walk, 'school_mentor', 'school_mentor');
  const consent = await w.clients.social_worker.post(`${walk.url}/consents`, {
    givenBy: 'both',
    organisationIds: [w.orgs.social.id, w.orgs.guardian.id],
    categories: [...infoCategories],
    purposes: ['hub'],
    validFrom: today(),
    validTo: addDays(today(), 180),
    form: 'written',
  });
  await ok(consent, 201);
  // Closing last: a closed case takes no more writes.
  const order = [...timelineActions].sort((a, b) => Number(a === 'child.closed') - Number(b === 'child.closed'));
  for (const action of order) if (opts.close || action !== 'child.closed') await steps[action](walk);
  return walk;
}

async function timelineOf(walk: Walk, who: Person) {
  const res = await walk.w.clients[who].get(`${walk.url}/timeline?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, page: res.json<{ items: { action: string }[]; someWithheld: boolean }>() };
}

describe('the timeline follows the sharing rule', () => {
  it('every timeline action has a decision: who sees it, and which detail keys', () => {
    expect(Object.keys(timelineEntries).sort()).toEqual([...timelineActions].sort());
    expect(actionsAbout('hub_question').sort()).toEqual(['hub.question_created', 'hub.question_updated']);
  });

  it('a reader who may not see an item gets no entry about it and no text of it, only that something is withheld', async () => {
    const walk = await walkEveryAction();
    const { body, page } = await timelineOf(walk, 'school_mentor');
    // Every hub-wide action reached the timeline, so the walk exercised them all …
    expect(new Set(page.items.map((i) => i.action))).toEqual(new Set(actionsAbout('hub')));
    // … and nothing about the guarded question, nor any of its text, nor any guarded text at all.
    for (const text of [...Object.values(secrets), walk.topicKey, walk.questionId]) expect(body).not.toContain(text);
    expect(page.someWithheld).toBe(true);
  });

  it('a reader who may see the item (by consent, and its owner) sees every entry, with its topic', async () => {
    const walk = await walkEveryAction();
    for (const who of ['god_man', 'social_worker'] as const) {
      const { body, page } = await timelineOf(walk, who);
      expect(new Set(page.items.map((i) => i.action))).toEqual(new Set(timelineActions));
      expect(page.items.find((i) => i.action === 'hub.question_created')).toMatchObject({
        detail: { status: 'open', topic: walk.topicKey },
      });
      expect(page.items.find((i) => i.action === 'hub.question_updated')).toMatchObject({
        detail: { status: 'dropped' },
      });
      expect(page.someWithheld).toBe(false);
      // Free text of items never travels through the log, even to those who may read the item itself.
      for (const text of Object.values(secrets)) expect(body).not.toContain(text);
    }
    // The question itself still carries its reason, for those who may see it.
    const questions = await walk.w.clients.god_man.get(`${walk.url}/questions?status=all`);
    expect(questions.body).toContain(secrets.dropReason);
  });

  it('the withholding and the share are audited; the log itself keeps ids and kinds, never the reason', async () => {
    const walk = await walkEveryAction();
    await timelineOf(walk, 'school_mentor');
    await timelineOf(walk, 'god_man');
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, walk.childId), eq(auditLog.entity, 'timeline')));
    const byWho = (userId: string) => rows.filter((r) => r.actorUserId === userId).map((r) => r.action);
    expect(byWho(walk.w.people.school_mentor.id)).toEqual(['sharing.withheld']);
    expect(byWho(walk.w.people.god_man.id)).toEqual(['sharing.disclosed']);
    const all = await t.database.db.select().from(auditLog).where(eq(auditLog.childId, walk.childId));
    expect(JSON.stringify(all.map((r) => r.detail))).not.toContain(secrets.dropReason);
  });

  it('a consent that ends takes the question’s entries off the god man’s timeline at once', async () => {
    const walk = await walkEveryAction({ close: false });
    const before = await timelineOf(walk, 'god_man');
    expect(before.page.items.some((i) => i.action.startsWith('hub.question_'))).toBe(true);
    const consents = await ok(await walk.w.clients.social_worker.get(`${walk.url}/consents`));
    const id = (consents.items as { id: string }[])[0]!.id;
    await ok(await walk.w.clients.social_worker.post(`/api/consents/${id}/withdraw`, { withdrawnOn: today() }));
    const after = await timelineOf(walk, 'god_man');
    expect(after.page.items.some((i) => i.action.startsWith('hub.question_'))).toBe(false);
    expect(after.page.someWithheld).toBe(true);
    expect(after.body).not.toContain(walk.topicKey);
  });
});

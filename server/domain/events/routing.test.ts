import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { Plan } from '../../../common/schemas/plans.ts';
import { jobs } from '../../jobs/tables.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { hubMembers } from '../children/tables.ts';
import { buildHubWorld, type HubWorld, type Person } from '../hub/test-world.ts';
import { noticesOf, record, rejection, runJobs } from './test-helpers.ts';
import { swedishTime } from './working-hours.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** What each person received: "kind/urgency" per notice. */
async function received(w: HubWorld, people: Person[]) {
  const out: Partial<Record<Person, string[]>> = {};
  for (const p of people) out[p] = (await noticesOf(t, w.people[p].id)).map((n) => `${n.kind}/${n.urgency}`).sort();
  return out;
}
const everyone: Person[] = [
  'social_worker',
  'god_man',
  'contact_person',
  'school_mentor',
  'volunteer',
  'manager',
  'outsider',
];

describe('routing by the default rules', () => {
  it('a rejection reaches the social worker at once and the rest of the core three; a hub meeting is proposed', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    expect(await noticesOf(t, w.people.social_worker.id)).toEqual([]); // nothing before the job runs
    expect(await runJobs(t, w)).toBeGreaterThan(0);
    expect(await received(w, everyone)).toEqual({
      social_worker: ['event.recorded/immediate', 'proposal.hub_meeting/normal'],
      god_man: ['event.recorded/normal'],
      contact_person: [], // she recorded it
      school_mentor: [], // on the drafted meeting's list, but a draft sends nothing
      volunteer: [],
      manager: [],
      outsider: [],
    });
    const [notice] = await noticesOf(t, w.people.social_worker.id);
    expect(notice).toMatchObject({
      childId: w.child.id,
      link: `/children/${w.child.id}`,
      params: { eventType: 'asylum_rejected' },
    });
    // An e-mail ping is scheduled per notice (sent only if a mail server is configured).
    const pings = await t.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.tenantId, w.tenant.id), eq(jobs.kind, 'notify.email')));
    expect(pings).toHaveLength(3);
  });

  it('absconded: the core three and the manager, all at once', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'school_mentor', { type: 'absconded', occurredOn: todayInSweden(), source: 'residence' });
    await runJobs(t, w);
    expect(await received(w, ['social_worker', 'god_man', 'contact_person', 'manager', 'school_mentor'])).toEqual({
      social_worker: ['event.recorded/immediate'],
      god_man: ['event.recorded/immediate'],
      contact_person: ['event.recorded/immediate'],
      manager: ['event.recorded/immediate'],
      school_mentor: [],
    });
  });

  it('a member who left the hub before the job runs is not notified', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await t.database.db
      .update(hubMembers)
      .set({ endedAt: new Date(Date.now() - 1000) })
      .where(eq(hubMembers.id, w.members.god_man));
    await runJobs(t, w);
    expect(await noticesOf(t, w.people.god_man.id)).toEqual([]);
    expect(await noticesOf(t, w.people.social_worker.id)).toHaveLength(2);
  });

  it('a tenant that uses I-SIP gets an I-SIP proposal too; a changed rule changes who is told', async () => {
    const w = await buildHubWorld(t);
    const put = await w.clients.admin.put('/api/notices/settings', {
      usesIsip: true,
      rules: {
        wellbeing_changed: {
          notify: [{ audience: 'school_mentor', urgency: 'immediate' }],
          escalate: false,
          propose: [],
        },
      },
    });
    expect(put.statusCode).toBe(200);
    await record(w, 'social_worker', rejection(1));
    await record(w, 'contact_person', { type: 'wellbeing_changed', occurredOn: todayInSweden(), source: 'residence' });
    await runJobs(t, w);
    expect(await received(w, ['social_worker', 'school_mentor', 'god_man'])).toEqual({
      social_worker: ['proposal.hub_meeting/normal', 'proposal.isip/normal'],
      school_mentor: ['event.recorded/immediate'],
      god_man: ['event.recorded/normal'],
    });
  });
});

describe('where I-SIP is the rule', () => {
  it('a rejection drafts the I-SIP at once: the social worker initiates, the hub is called, the notice leads to it', async () => {
    const w = await buildHubWorld(t);
    expect((await w.clients.admin.put('/api/notices/settings', { usesIsip: true })).statusCode).toBe(200);
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w);
    const proposal = (await noticesOf(t, w.people.social_worker.id)).find((n) => n.kind === 'proposal.isip');
    expect(proposal?.params).toMatchObject({ drafted: true });
    const planId = /^\/plans\/([0-9a-f-]{36})$/.exec(proposal?.link ?? '')?.[1];
    expect(planId).toBeDefined();
    const plan = Plan.parse((await w.clients.social_worker.get(`/api/plans/${planId}`)).json());
    expect(plan).toMatchObject({ kind: 'isip', status: 'draft', invitationsSentAt: null });
    expect(plan.initiator.userId).toBe(w.people.social_worker.id);
    const open = Object.keys(w.members).length;
    expect(plan.participants.map((p) => p.userId)).toContain(w.people.god_man.id);
    expect(plan.participants).toHaveLength(open);
    // Another rejection while the draft stands makes no second plan.
    await record(w, 'social_worker', rejection(2, { type: 'asylum_rejected_removal' }));
    await runJobs(t, w);
    const plans = (await w.clients.social_worker.get(`/api/children/${w.child.id}/plans`)).json<{ items: unknown[] }>();
    expect(plans.items).toHaveLength(1);
  });

  it('without the setting, a rejection drafts nothing', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w);
    const plans = (await w.clients.social_worker.get(`/api/children/${w.child.id}/plans`)).json<{ items: unknown[] }>();
    expect(plans.items).toEqual([]);
  });
});

describe('escalation after working hours', () => {
  // Friday 2030-03-01 15:00 in Sweden; four working hours later is Monday 10:00.
  const friday = swedishTime('2030-03-01', 15 * 60);
  const mondayTen = swedishTime('2030-03-04', 10 * 60);

  it('an unacknowledged rejection notice reaches the social worker’s manager after four working hours', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w, friday);
    await runJobs(t, w, new Date(mondayTen.getTime() - 60_000));
    expect(await noticesOf(t, w.people.manager.id)).toEqual([]);
    await runJobs(t, w, mondayTen);
    const escalated = await noticesOf(t, w.people.manager.id);
    expect(escalated.map((n) => `${n.kind}/${n.urgency}`)).toEqual(['event.escalated/immediate']);
    await runJobs(t, w, new Date(mondayTen.getTime() + 86_400_000));
    expect(await noticesOf(t, w.people.manager.id)).toHaveLength(1); // once
  });

  it('no escalation once the social worker has acknowledged it', async () => {
    const w = await buildHubWorld(t);
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w, friday);
    const [notice] = await noticesOf(t, w.people.social_worker.id);
    const ack = await w.clients.social_worker.post(`/api/notifications/${notice!.id}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    await runJobs(t, w, mondayTen);
    expect(await noticesOf(t, w.people.manager.id)).toEqual([]);
  });

  it('the escalation time is the tenant’s to set', async () => {
    const w = await buildHubWorld(t);
    await w.clients.admin.put('/api/notices/settings', { escalationWorkingHours: 1 });
    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w, friday);
    await runJobs(t, w, swedishTime('2030-03-01', 16 * 60));
    expect(await noticesOf(t, w.people.manager.id)).toHaveLength(1);
  });
});

describe('/api/notices/settings', () => {
  it('GET: 401, 403 for hub staff, the defaults for a manager', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get('/api/notices/settings')).statusCode).toBe(401);
    expect((await w.clients.social_worker.get('/api/notices/settings')).statusCode).toBe(403);
    const res = await w.clients.manager.get('/api/notices/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ usesIsip: false, escalationWorkingHours: 4 });
    expect(res.json().rules.asylum_rejected.notify[0]).toEqual({ audience: 'social_worker', urgency: 'immediate' });
  });

  it('PUT: 401, 403 but for the tenant admin, 400 with paths, and a reset to the default', async () => {
    const w = await buildHubWorld(t);
    const body = { usesIsip: true };
    expect((await anonymous(t.app).put('/api/notices/settings', body)).statusCode).toBe(401);
    expect((await w.clients.manager.put('/api/notices/settings', body)).statusCode).toBe(403);
    const bad = await w.clients.admin.put('/api/notices/settings', {
      escalationWorkingHours: 0,
      rules: {
        asylum_maybe: { notify: [], escalate: false, propose: [] },
        found: { notify: [{ audience: 'mayor', urgency: 'now' }] },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.escalationWorkingHours']),
    );
    const changed = await w.clients.admin.put('/api/notices/settings', {
      rules: { found: { notify: [{ audience: 'manager', urgency: 'immediate' }], escalate: false, propose: [] } },
    });
    expect(changed.json().rules.found.notify).toEqual([{ audience: 'manager', urgency: 'immediate' }]);
    const reset = await w.clients.admin.put('/api/notices/settings', { rules: { found: null } });
    expect(reset.json().rules.found.notify).toHaveLength(4);
  });
});

describe('GET /api/notices/measures', () => {
  it('401, 403 for hub staff, 400 for a bad month, and durations per event type and month', async () => {
    const w = await buildHubWorld(t);
    const month = todayInSweden().slice(0, 7);
    const url = `/api/notices/measures?from=${month}&to=${month}`;
    expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    expect((await w.clients.social_worker.get(url)).statusCode).toBe(403);
    const bad = await w.clients.manager.get('/api/notices/measures?from=2026-13&to=2026-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toContain('query.from');

    await record(w, 'contact_person', rejection(1));
    await runJobs(t, w);
    const [notice] = await noticesOf(t, w.people.social_worker.id);
    await w.clients.social_worker.get('/api/notifications'); // on the screen
    await w.clients.social_worker.post(`/api/notifications/${notice!.id}/acknowledge`);
    const res = await w.clients.manager.get(url);
    expect(res.statusCode).toBe(200);
    const [row] = res.json().items;
    expect(row).toMatchObject({ month, eventType: 'asylum_rejected', notices: 2 });
    expect(row.delivered.count).toBe(1);
    expect(row.acknowledged.count).toBe(1);
    expect(row.acknowledged.medianSeconds).toBeGreaterThanOrEqual(0);
    expect(row.acknowledged.p90Seconds).toBeGreaterThanOrEqual(row.acknowledged.medianSeconds);
  });
});

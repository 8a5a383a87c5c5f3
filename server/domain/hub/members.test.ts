import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { auditLog } from '../../audit/tables.ts';
import { buildOrganisation, buildUser } from '../../test/factories.ts';
import { anonymous, startTestApp, type TestApp } from '../../test/harness.ts';
import { addDays } from '../children/dates.ts';
import { buildHubWorld, consentForHub, type HubWorld } from './test-world.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path).sort();
const hubUrl = (w: HubWorld) => `/api/children/${w.child.id}/hub`;

describe('GET /api/children/:id/hub', () => {
  it('401, 404 outside the hub, 400 on a bad id', async () => {
    const w = await buildHubWorld(t);
    expect((await anonymous(t.app).get(hubUrl(w))).statusCode).toBe(401);
    expect((await w.clients.outsider.get(hubUrl(w))).statusCode).toBe(404);
    expect((await w.clients.social_worker.get('/api/children/nope/hub')).statusCode).toBe(400);
  });

  it('full view: members in role order with organisation and abilities', async () => {
    const w = await buildHubWorld(t);
    const body = (await w.clients.social_worker.get(hubUrl(w))).json();
    expect(body.view).toBe('full');
    expect(body.members.map((m: { hubRole: string }) => m.hubRole)).toEqual([
      'social_worker',
      'god_man',
      'contact_person',
      'school_mentor',
      'civil_society',
    ]);
    expect(body.members[1]).toMatchObject({
      displayName: 'Göran Ek',
      initials: 'GE',
      isCore: true,
      organisation: { id: w.orgs.guardian.id },
      abilities: { end: true, editAgreement: true },
    });
    expect(body).toMatchObject({ former: [], missingCoreRoles: [], abilities: { addMember: true } });
    const asMentor = (await w.clients.school_mentor.get(hubUrl(w))).json();
    expect(asMentor.abilities.addMember).toBe(false);
    expect(asMentor.members[3].abilities).toEqual({ end: false, editAgreement: true });
  });

  it('civil society sees names, roles and how to reach people, no ids or dates', async () => {
    const w = await buildHubWorld(t);
    const body = (await w.clients.volunteer.get(hubUrl(w))).json();
    expect(body.view).toBe('narrow');
    expect(Object.keys(body.members[0]).sort()).toEqual(
      ['agreement', 'displayName', 'hubRole', 'initials', 'memberId', 'organisationName'].sort(),
    );
  });
});

describe('POST /api/children/:id/hub/members', () => {
  it('401, 404 outside, 403 for a member who does not lead the hub', async () => {
    const w = await buildHubWorld(t);
    const body = { userId: w.people.outsider.id, hubRole: 'school_health' };
    expect((await anonymous(t.app).post(`${hubUrl(w)}/members`, body)).statusCode).toBe(401);
    expect((await w.clients.outsider.post(`${hubUrl(w)}/members`, body)).statusCode).toBe(404);
    expect((await w.clients.god_man.post(`${hubUrl(w)}/members`, body)).statusCode).toBe(403);
  });

  it('400 with field paths: bad role, future start, unknown person, volunteer in a staff role', async () => {
    const w = await buildHubWorld(t);
    const url = `${hubUrl(w)}/members`;
    const a = await w.clients.social_worker.post(url, {
      userId: w.people.outsider.id,
      hubRole: 'boss',
      startsOn: addDays(todayInSweden(), 1),
    });
    expect(a.statusCode).toBe(400);
    expect(paths(a.json())).toEqual(['body.hubRole', 'body.startsOn']);
    const b = await w.clients.social_worker.post(url, { userId: randomUUID(), hubRole: 'other_staff' });
    expect(paths(b.json())).toEqual(['body.userId']);
    const volunteer = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: w.orgs.civil.id,
      role: 'volunteer',
    });
    const c = await w.clients.social_worker.post(url, { userId: volunteer.id, hubRole: 'god_man' });
    expect(c.statusCode).toBe(400);
    expect(paths(c.json())).toEqual(['body.hubRole']);
  });

  it('409 when the person already has an open place, nothing added', async () => {
    const w = await buildHubWorld(t);
    const res = await w.clients.social_worker.post(`${hubUrl(w)}/members`, {
      userId: w.people.god_man.id,
      hubRole: 'interpreter',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'already_member', issues: [{ path: 'body.userId' }] });
    expect((await w.clients.social_worker.get(hubUrl(w))).json().members).toHaveLength(5);
  });

  it('adds: the new member sees the child at once; the change is audited and in the timeline', async () => {
    const w = await buildHubWorld(t);
    const res = await w.clients.social_worker.post(`${hubUrl(w)}/members`, {
      userId: w.people.outsider.id,
      hubRole: 'other_staff',
      startsOn: '2025-01-15',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ hubRole: 'other_staff', startsOn: '2025-01-15', active: true });
    expect((await w.clients.outsider.get(`/api/children/${w.child.id}`)).statusCode).toBe(200);
    const timeline = (await w.clients.social_worker.get(`/api/children/${w.child.id}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({
      action: 'hub.member_added',
      detail: { hubRole: 'other_staff', memberName: 'Olle Utanför' },
    });
  });
});

describe('POST /api/children/:id/hub/members/:memberId/end', () => {
  it('401, 404 for an unknown member, 403 for a member who does not lead the hub', async () => {
    const w = await buildHubWorld(t);
    const url = `${hubUrl(w)}/members/${w.members.school_mentor}/end`;
    expect((await anonymous(t.app).post(url, {})).statusCode).toBe(401);
    expect((await w.clients.outsider.post(url, {})).statusCode).toBe(404);
    expect((await w.clients.contact_person.post(url, {})).statusCode).toBe(403);
    expect((await w.clients.social_worker.post(`${hubUrl(w)}/members/${randomUUID()}/end`, {})).statusCode).toBe(404);
  });

  it('an ended membership loses access at once: the very next request is 404', async () => {
    const w = await buildHubWorld(t);
    const child = `/api/children/${w.child.id}`;
    expect((await w.clients.school_mentor.get(child)).statusCode).toBe(200);
    const res = await w.clients.social_worker.post(`${hubUrl(w)}/members/${w.members.school_mentor}/end`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().ended).toMatchObject({ active: false, hubRole: 'school_mentor' });
    expect((await w.clients.school_mentor.get(child)).statusCode).toBe(404);
    expect((await w.clients.school_mentor.get('/api/children')).json().total).toBe(0);
    const again = await w.clients.social_worker.post(`${hubUrl(w)}/members/${w.members.school_mentor}/end`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('already_ended');
    const hub = (await w.clients.social_worker.get(hubUrl(w))).json();
    expect(hub.former.map((m: { displayName: string }) => m.displayName)).toEqual(['Mats Holm']);
  });

  it('refuses to end the last core member without a replacement or confirm; nothing changes', async () => {
    const w = await buildHubWorld(t);
    const url = `${hubUrl(w)}/members/${w.members.god_man}/end`;
    const res = await w.clients.social_worker.post(url, {});
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'last_core_member', issues: [{ path: 'body.replacementUserId' }] });
    expect((await w.clients.god_man.get(`/api/children/${w.child.id}`)).statusCode).toBe(200);

    const confirmed = await w.clients.social_worker.post(url, { confirm: true });
    expect(confirmed.statusCode).toBe(200);
    const child = (await w.clients.social_worker.get(`/api/children/${w.child.id}`)).json();
    expect(child).toMatchObject({ missingCoreRoles: ['god_man'], flags: { missingCoreRoles: true } });
  });

  it('with a replacement: the new person takes the role, the topics and the open questions', async () => {
    const w = await buildHubWorld(t);
    // The god man may take the social worker's question under the child's consent.
    await consentForHub(w);
    const child = `/api/children/${w.child.id}`;
    await w.clients.social_worker.put(`${child}/topics/asylum_case`, {
      responsibleMemberId: w.members.god_man,
      fallbackMemberId: null,
    });
    const q = await w.clients.social_worker.post(`${child}/questions`, {
      text: 'What does the appeal mean?',
      ownerMemberId: w.members.god_man,
      dueOn: addDays(todayInSweden(), 5),
    });
    expect(q.statusCode).toBe(201);

    const res = await w.clients.social_worker.post(`${hubUrl(w)}/members/${w.members.god_man}/end`, {
      replacementUserId: w.people.spare_god_man.id,
    });
    expect(res.statusCode).toBe(200);
    const replacement = res.json().replacement;
    expect(replacement).toMatchObject({ hubRole: 'god_man', displayName: 'Greta Ny', active: true });

    expect((await w.clients.god_man.get(child)).statusCode).toBe(404);
    const topics = (await w.clients.spare_god_man.get(`${child}/topics`)).json();
    const asylum = topics.items.find((i: { topic: { key: string } }) => i.topic.key === 'asylum_case');
    expect(asylum.responsible).toMatchObject({ memberId: replacement.memberId });
    const mine = (await w.clients.spare_god_man.get('/api/me/questions')).json();
    expect(mine.items.map((i: { text: string }) => i.text)).toEqual(['What does the appeal mean?']);

    const timeline = (await w.clients.social_worker.get(`${child}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({
      action: 'hub.member_ended',
      detail: { memberName: 'Göran Ek', replacementName: 'Greta Ny', hubRole: 'god_man' },
    });
  });

  it('a replacement whose organisation may not read the open questions: 400, nothing ended or moved', async () => {
    const w = await buildHubWorld(t);
    await consentForHub(w, ['social_services'], ['social', 'guardian']);
    const child = `/api/children/${w.child.id}`;
    const q = await w.clients.social_worker.post(`${child}/questions`, {
      text: 'What does the appeal mean?',
      ownerMemberId: w.members.god_man,
      dueOn: addDays(todayInSweden(), 5),
    });
    expect(q.statusCode, q.body).toBe(201);
    // A god man from another överförmyndare, which the child's consent does not name.
    const otherOrg = await buildOrganisation(t.database.db, w.tenant.id);
    const stranger = await buildUser(t.database.db, {
      tenantId: w.tenant.id,
      organisationId: otherOrg.id,
      role: 'god_man',
    });

    const res = await w.clients.social_worker.post(`${hubUrl(w)}/members/${w.members.god_man}/end`, {
      replacementUserId: stranger.id,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(paths(res.json())).toEqual(['body.replacementUserId']);
    expect((await w.clients.god_man.get(child)).statusCode).toBe(200);
    const mine = (await w.clients.god_man.get('/api/me/questions')).json();
    expect(mine.items.map((i: { text: string }) => i.text)).toEqual(['What does the appeal mean?']);
    const hub = (await w.clients.social_worker.get(hubUrl(w))).json();
    expect(JSON.stringify(hub)).not.toContain(stranger.id);
  });

  it('a replacement who is already in the hub: 409 at body.replacementUserId, nothing ended', async () => {
    const w = await buildHubWorld(t);
    const res = await w.clients.social_worker.post(`${hubUrl(w)}/members/${w.members.god_man}/end`, {
      replacementUserId: w.people.contact_person.id,
    });
    expect(res.statusCode).toBe(409);
    expect(paths(res.json())).toEqual(['body.replacementUserId']);
    expect((await w.clients.god_man.get(`/api/children/${w.child.id}`)).statusCode).toBe(200);
  });

  it('with a last day: access stays until that day ends; a past day is refused', async () => {
    const w = await buildHubWorld(t);
    const url = `${hubUrl(w)}/members/${w.members.school_mentor}/end`;
    const past = await w.clients.social_worker.post(url, { endsOn: '2020-01-01' });
    expect(paths(past.json())).toEqual(['body.endsOn']);
    const res = await w.clients.social_worker.post(url, { endsOn: addDays(todayInSweden(), 3) });
    expect(res.statusCode).toBe(200);
    expect(res.json().ended.active).toBe(true);
    expect((await w.clients.school_mentor.get(`/api/children/${w.child.id}`)).statusCode).toBe(200);
  });

  it('every membership change is audited in the same step', async () => {
    const w = await buildHubWorld(t);
    await w.clients.social_worker.post(`${hubUrl(w)}/members/${w.members.school_mentor}/end`, {});
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.childId, w.child.id), eq(auditLog.action, 'hub.member_ended')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: w.people.social_worker.id, entityId: w.members.school_mentor });
  });
});

describe('PUT /api/children/:id/hub/members/:memberId/agreement', () => {
  const agreement = { availability: 'Weekdays 8–16', preferredChannel: 'sms', contactDetail: '070-123 45 67' };

  it('401, 404 outside, 403 for someone else’s agreement, 400 with field paths', async () => {
    const w = await buildHubWorld(t);
    const url = `${hubUrl(w)}/members/${w.members.god_man}/agreement`;
    expect((await anonymous(t.app).put(url, agreement)).statusCode).toBe(401);
    expect((await w.clients.outsider.put(url, agreement)).statusCode).toBe(404);
    expect((await w.clients.contact_person.put(url, agreement)).statusCode).toBe(403);
    const bad = await w.clients.god_man.put(url, { ...agreement, preferredChannel: 'pigeon' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['body.preferredChannel']);
  });

  it('the member sets their own; the social worker may set anyone’s; civil society sees it', async () => {
    const w = await buildHubWorld(t);
    const own = await w.clients.god_man.put(`${hubUrl(w)}/members/${w.members.god_man}/agreement`, agreement);
    expect(own.statusCode).toBe(200);
    expect(own.json().agreement).toMatchObject({ preferredChannel: 'sms', availability: 'Weekdays 8–16' });
    const bySw = await w.clients.social_worker.put(`${hubUrl(w)}/members/${w.members.contact_person}/agreement`, {
      availability: null,
      preferredChannel: 'meeting',
      contactDetail: null,
    });
    expect(bySw.statusCode).toBe(200);
    const narrow = (await w.clients.volunteer.get(hubUrl(w))).json();
    expect(narrow.members[1].agreement).toMatchObject({ contactDetail: '070-123 45 67', preferredChannel: 'sms' });
  });
});

import { eq } from 'drizzle-orm';
import { defaultTopics } from '../../../common/schemas/hub.ts';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connect.ts';
import { notifications } from '../../notify/tables.ts';
import { beskedContradictions, beskedEntries } from '../besked/tables.ts';
import { children } from '../children/tables.ts';
import { consentOrganisations, consents } from '../consent/tables.ts';
import { childEvents } from '../events/tables.ts';
import { hubQuestions, tenantTopics, topicAssignments } from '../hub/tables.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { planFollowUps, plans, planVersions } from '../plans/tables.ts';
import {
  buildChild,
  buildOrganisation,
  buildTenant,
  buildUser,
  TEST_PASSWORD,
  type TestUser,
} from '../../test/factories.ts';
import { login, type Client } from '../../test/harness.ts';

type CoreRole = 'social_worker' | 'god_man' | 'contact_person';

/**
 * A municipality for follow-up tests: an organisation with a manager, a
 * coordinator and the core three of a hub; children are added per test with
 * `child()`, and their events, meetings, decisions and plans inserted as data.
 */
export async function followupWorld(app: FastifyInstance, db: Db) {
  const tenant = await buildTenant(db);
  const org = await buildOrganisation(db, tenant.id);
  const other = await buildOrganisation(db, tenant.id);
  const user = (role: TestUser['role'], organisationId = org.id) =>
    buildUser(db, { tenantId: tenant.id, organisationId, role });
  const people = {
    manager: await user('manager'),
    otherManager: await user('manager', other.id),
    coordinator: await user('coordinator'),
    social_worker: await user('social_worker'),
    god_man: await user('god_man'),
    contact_person: await user('contact_person'),
  };
  const as = (u: TestUser): Promise<Client> => login(app, u.email, TEST_PASSWORD);

  /** A child with the given core places (default: the three), its hub members from `org` unless `orgs` says. */
  async function child(
    opts: { core?: CoreRole[]; arrivalDate?: string; orgs?: Partial<Record<CoreRole, string>> } = {},
  ) {
    const core = opts.core ?? ['social_worker', 'god_man', 'contact_person'];
    const c = await buildChild(db, {
      tenantId: tenant.id,
      hub: core.map((r) => ({ user: people[r], hubRole: r, organisationId: opts.orgs?.[r] })),
    });
    await db
      .update(children)
      .set({ createdAt: new Date('2025-12-01T00:00:00Z'), arrivalDate: opts.arrivalDate ?? null })
      .where(eq(children.id, c.id));
    return c;
  }

  async function rejection(childId: string, recordedAt: Date) {
    const [e] = await db
      .insert(childEvents)
      .values({
        tenantId: tenant.id,
        childId,
        type: 'asylum_rejected',
        occurredOn: recordedAt.toISOString().slice(0, 10),
        source: 'migrationsverket',
        recordedAt,
        ownerOrganisationId: org.id,
        category: 'asylum_case',
      })
      .returning();
    return e!;
  }

  async function notice(userId: string, childId: string, eventId: string, acknowledgedAt: Date | null) {
    await db.insert(notifications).values({
      tenantId: tenant.id,
      userId,
      kind: 'event.recorded',
      childId,
      link: `/children/${childId}`,
      urgency: 'urgent',
      sourceId: eventId,
      acknowledgedAt,
    });
  }

  async function meeting(childId: string, startsAt: Date, fields: Partial<typeof meetings.$inferInsert> = {}) {
    const [m] = await db
      .insert(meetings)
      .values({
        tenantId: tenant.id,
        kind: 'hub',
        childId,
        title: 'Nätverksmöte',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        organiserId: people.social_worker.id,
        childWishes: { attendees: null, raise: null, avoid: null },
        status: 'closed',
        ...fields,
      })
      .returning();
    return m!;
  }

  async function decision(childId: string, dueOn: string, status: string, closedAt: Date | null) {
    const m = await meeting(childId, new Date('2026-02-01T09:00:00Z'));
    await db.insert(decisions).values({
      tenantId: tenant.id,
      meetingId: m.id,
      childId,
      text: 'Beslut',
      ownerUserId: people.social_worker.id,
      dueOn,
      status,
      closedAt,
      createdBy: people.social_worker.id,
    });
  }

  async function plan(childId: string, status: string) {
    await db
      .insert(plans)
      .values({ tenantId: tenant.id, childId, kind: 'sip', status, initiatorId: people.social_worker.id });
  }

  /** A consent of the child's naming these organisations: by default for the hub, all of 2026, recorded on 1 January. */
  async function consent(
    childId: string,
    organisationIds: string[],
    fields: Partial<typeof consents.$inferInsert> = {},
  ) {
    const [row] = await db
      .insert(consents)
      .values({
        tenantId: tenant.id,
        childId,
        givenBy: 'both',
        categories: ['social_services', 'school', 'health'],
        purposes: ['hub'],
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        form: 'written',
        recordedBy: people.social_worker.id,
        recordedAt: new Date('2026-01-01T10:00:00+01:00'),
        ...fields,
      })
      .returning();
    await db
      .insert(consentOrganisations)
      .values(organisationIds.map((organisationId) => ({ consentId: row!.id, organisationId })));
  }

  /** A question for the child, held by its first hub member: by default open, raised on 1 March 2026. */
  async function question(
    c: { id: string; members: { id: string }[] },
    dueOn: string,
    fields: Partial<typeof hubQuestions.$inferInsert> = {},
  ) {
    await db.insert(hubQuestions).values({
      tenantId: tenant.id,
      childId: c.id,
      text: 'Hur går det i skolan?',
      ownerMemberId: c.members[0]!.id,
      dueOn,
      createdBy: people.social_worker.id,
      createdAt: new Date('2026-03-01T10:00:00+01:00'),
      ownerOrganisationId: org.id,
      category: 'social_services',
      ...fields,
    });
  }

  /** Two things told the child on one topic, marked as contradicting at `markedAt`; resolved at `resolvedAt`. */
  async function contradiction(c: { id: string; members: { id: string }[] }, markedAt: Date, resolvedAt: Date | null) {
    const entry = async (summary: string) =>
      (
        await db
          .insert(beskedEntries)
          .values({
            tenantId: tenant.id,
            childId: c.id,
            topic: 'school',
            toldOn: '2026-02-01',
            summary,
            language: 'prs',
            interpreterUsed: true,
            memberId: c.members[0]!.id,
            ownerOrganisationId: org.id,
            category: 'school',
          })
          .returning()
      )[0]!.id;
    const [a, b] = [await entry('Du börjar skolan i mars'), await entry('Du börjar skolan i augusti')].sort();
    await db.insert(beskedContradictions).values({
      tenantId: tenant.id,
      childId: c.id,
      topic: 'school',
      entryA: a!,
      entryB: b!,
      markedBy: people.social_worker.id,
      markedAt,
      resolvedAt,
    });
  }

  /**
   * An adopted plan: its versions (when adopted, the follow-up day set), the follow-ups recorded (of which
   * version, the day held, recorded at noon that day unless said) and when it ended, if it did.
   */
  async function adoptedPlan(
    childId: string,
    versions: { adoptedOn: string; followUpOn: string }[],
    followUps: { version: number; heldOn: string; recordedOn?: string }[] = [],
    endedOn: string | null = null,
  ) {
    const noon = (day: string) => new Date(`${day}T12:00:00Z`);
    const by = people.social_worker.id;
    const [p] = await db
      .insert(plans)
      .values({
        ...{ tenantId: tenant.id, childId, kind: 'sip', initiatorId: by, adoptedVersion: versions.length },
        ...{ status: endedOn ? 'ended' : 'active', endedAt: endedOn ? noon(endedOn) : null },
        ...{ followUpOn: versions.at(-1)!.followUpOn, followUpUserId: by },
      })
      .returning();
    await db.insert(planVersions).values(
      versions.map((v, i) => ({
        ...{ planId: p!.id, number: i + 1, tenantId: tenant.id, childId, content: {} as never },
        ...{ adoptedAt: noon(v.adoptedOn), adoptedBy: by, childApproved: true },
        ...{ followUpOn: v.followUpOn, followUpUserId: by },
      })),
    );
    for (const f of followUps)
      await db.insert(planFollowUps).values({
        ...{ tenantId: tenant.id, planId: p!.id, versionNumber: f.version, heldOn: f.heldOn, recordedBy: by },
        ...{ summary: 'Uppföljning', outcomes: [], createdAt: noon(f.recordedOn ?? f.heldOn) },
      });
  }

  /** A topic of the municipality's own, added at `createdAt` and archived at `archivedAt`; its key. */
  async function ownTopic(createdAt: Date, archivedAt: Date | null = null): Promise<string> {
    const [row] = await db
      .insert(tenantTopics)
      .values({ tenantId: tenant.id, labelSv: 'Körkort', labelEn: 'Driving licence', createdAt, archivedAt })
      .returning();
    return row!.id;
  }

  /**
   * The child's matrix set: the guide's topics and `own` (the municipality's), each held by `responsible`
   * (by default the child's first hub member) with `fallback` (none unless said); the `cleared` ones name nobody.
   */
  async function topics(
    c: { id: string; members: { id: string }[] },
    opts: { own?: string[]; responsible?: string; fallback?: string; cleared?: string[] } = {},
  ) {
    await db.insert(topicAssignments).values(
      [...defaultTopics, ...(opts.own ?? [])].map((topic) => {
        const named = !opts.cleared?.includes(topic);
        return {
          ...{ tenantId: tenant.id, childId: c.id, topic },
          responsibleMemberId: named ? (opts.responsible ?? c.members[0]!.id) : null,
          fallbackMemberId: named ? (opts.fallback ?? null) : null,
        };
      }),
    );
  }

  return {
    ...{ tenant, org, other, people, as, child, rejection, notice, meeting, decision, plan },
    ...{ consent, question, contradiction, adoptedPlan, ownTopic, topics },
  };
}

/** A figures URL for one indicator over a range. */
export function figuresUrl(level: string, id: string, indicator: string, from: string, to: string, period = 'month') {
  return `/api/followup/figures?level=${level}&id=${id}&indicator=${indicator}&from=${from}&to=${to}&period=${period}`;
}

import { z } from 'zod';
import { todayInSweden } from '../../common/schemas/children.ts';
import { addDays } from '../../server/domain/children/dates.ts';
import { UnexpectedAnswer, type Client } from './client.ts';
import { countAck, type Ledger, type Maybe } from './ledger.ts';
import { childNamed, memberOf, type World } from './world.ts';

/** One round's load: several client loops writing at once until the server dies under them. */
export interface LoadContext {
  round: number;
  /** Makes every text unique to this run and round, so the checks can tell each write apart. */
  tag: string;
  socialWorker: Client;
  contactPerson: Client;
  /** Only reads, and the only one who acts as this user, so each read's audit rows can be told apart. */
  reader: Client;
  world: World;
  ledger: Ledger;
  /** Set just before the SIGKILL: from then on a failed request is expected, not a finding. */
  killed: () => boolean;
  /**
   * Set when the kill is of the database, not of Navet: Navet stays up, so every request still gets an answer,
   * and the only failure expected is 503 (database unavailable).
   */
  databaseKilled: () => boolean;
  /** Findings while the server was meant to be up (a 5xx, a refused valid write). */
  problems: string[];
}

const uuid = z.string().uuid();
const PlanAnswer = z.object({
  id: uuid,
  status: z.string(),
  version: z.number(),
  measures: z.array(z.object({ id: uuid, description: z.string() })),
});
const PlanList = z.object({ items: z.array(z.object({ id: uuid, status: z.string() })) });
const MeetingAnswer = z.object({ id: uuid, agenda: z.array(z.object({ id: uuid, title: z.string() })) });
const EventAnswer = z.object({ event: z.object({ id: uuid }) });
const BeskedAnswer = z.object({
  topics: z.array(z.object({ entries: z.array(z.object({ id: uuid, summary: z.string() })) })),
});
const QuestionAnswer = z.object({ id: uuid });
const ChildAnswer = z.object({ id: uuid });
const ChildList = z.object({ items: z.array(z.object({ id: uuid })) });

class Stop extends Error {}

/**
 * Sends one write. A 2xx answer is returned; when the server dies first, a
 * create is remembered as "maybe" and the loop stops; any other failure while
 * the server should be up is a finding and stops the loop too.
 */
async function send<T>(ctx: LoadContext, maybe: Omit<Maybe, 'round'> | null, request: () => Promise<T>): Promise<T> {
  if (ctx.killed()) throw new Stop();
  try {
    return await request();
  } catch (err) {
    if (ctx.databaseKilled()) {
      if (err instanceof UnexpectedAnswer && err.status === 503) {
        if (maybe) ctx.ledger.maybe.push({ ...maybe, round: ctx.round });
        throw new Stop();
      }
      const what = err instanceof Error ? err.message : String(err);
      ctx.problems.push(`round ${ctx.round}: while the database was down, not a 503: ${what}`);
      throw new Stop();
    }
    if (ctx.killed() && !(err instanceof UnexpectedAnswer)) {
      if (maybe) ctx.ledger.maybe.push({ ...maybe, round: ctx.round });
      throw new Stop();
    }
    ctx.problems.push(`round ${ctx.round}: ${err instanceof Error ? err.message : String(err)}`);
    throw new Stop();
  }
}

async function loop(ctx: LoadContext, body: (n: number) => Promise<void>): Promise<void> {
  try {
    for (let n = 1; !ctx.killed(); n++) await body(n);
  } catch (err) {
    if (!(err instanceof Stop)) ctx.problems.push(`round ${ctx.round}: ${String(err)}`);
  }
}

/** Plans: create, add measures one request each, end; a plan left open by the last crash is ended first. */
function planLoop(ctx: LoadContext, childName: string): Promise<void> {
  const child = childNamed(ctx.world, childName);
  const org = memberOf(child, 'social_worker').organisationId;
  const c = ctx.socialWorker;
  const end = async (id: string, version: number) => {
    await send(ctx, null, () =>
      c.call('POST', `/api/plans/${id}/end`, { version, reason: 'other', note: null }, PlanAnswer),
    );
    const ack = ctx.ledger.plans.get(id)!;
    ack.ended = true;
    ack.lastRound = ctx.round;
    countAck(ctx.ledger, ctx.round);
  };
  return loop(ctx, async (n) => {
    if (n === 1) {
      const list = await send(ctx, null, () => c.get(`/api/children/${child.id}/plans`, PlanList));
      for (const open of list.items.filter((p) => p.status !== 'ended')) {
        const plan = await send(ctx, null, () => c.get(`/api/plans/${open.id}`, PlanAnswer));
        if (!ctx.ledger.plans.has(plan.id))
          ctx.ledger.plans.set(plan.id, {
            childId: child.id,
            round: ctx.round,
            lastRound: ctx.round,
            measures: new Map(),
            maybeMeasure: null,
            ended: false,
            found: true,
          });
        await end(plan.id, plan.version);
      }
    }
    const plan = await send(ctx, { kind: 'plan', childId: child.id, text: '' }, () =>
      c.call('POST', `/api/children/${child.id}/plans`, { kind: 'isip' }, PlanAnswer),
    );
    ctx.ledger.plans.set(plan.id, {
      childId: child.id,
      round: ctx.round,
      lastRound: ctx.round,
      measures: new Map(),
      maybeMeasure: null,
      ended: false,
      found: false,
    });
    countAck(ctx.ledger, ctx.round);
    let version = plan.version;
    for (let i = 1; i <= 3; i++) {
      const description = `${ctx.tag} r${ctx.round} plan ${childName} #${n}.${i}`;
      ctx.ledger.plans.get(plan.id)!.maybeMeasure = description;
      const measure = {
        description,
        responsibleOrganisationId: org,
        startOn: todayInSweden(),
        goal: `Goal of ${description}`,
        category: 'social_services',
      };
      const after = await send(ctx, null, () => c.call('POST', `/api/plans/${plan.id}/measures`, measure, PlanAnswer));
      const added = after.measures.find((m) => m.description === description);
      if (!added) throw new Error(`measure ${description} acknowledged but not in the answer`);
      const entry = ctx.ledger.plans.get(plan.id)!;
      entry.measures.set(added.id, description);
      entry.maybeMeasure = null;
      countAck(ctx.ledger, ctx.round);
      version = after.version;
    }
    await end(plan.id, version);
  });
}

/** Meetings: one request creates the meeting with its organiser, invitees and a guest; then agenda items. */
function meetingLoop(ctx: LoadContext, childName: string): Promise<void> {
  const child = childNamed(ctx.world, childName);
  const organiser = memberOf(child, 'social_worker').userId;
  const invitees = child.members.filter((m) => m.userId !== organiser).map((m) => m.userId);
  const day = addDays(todayInSweden(), 7);
  const c = ctx.socialWorker;
  return loop(ctx, async (n) => {
    const title = `${ctx.tag} r${ctx.round} meeting ${childName} #${n}`;
    const body = {
      kind: 'hub',
      childId: child.id,
      title,
      startsAt: `${day}T10:00`,
      endsAt: `${day}T11:00`,
      inviteeUserIds: invitees,
      guests: [{ name: `Tolk ${n}`, organisation: null }],
    };
    const participants = 1 + invitees.length + body.guests.length;
    const maybe = { kind: 'meeting' as const, childId: child.id, text: title, participants };
    const meeting = await send(ctx, maybe, () => c.call('POST', '/api/meetings', body, MeetingAnswer));
    const ack = {
      childId: child.id,
      round: ctx.round,
      title,
      organiserId: organiser,
      participants,
      agenda: new Map<string, string>(),
      maybeAgenda: null as string | null,
    };
    ctx.ledger.meetings.set(meeting.id, ack);
    countAck(ctx.ledger, ctx.round);
    for (let i = 1; i <= 2; i++) {
      const item = `${title}.${i}`;
      ack.maybeAgenda = item;
      const after = await send(ctx, null, () =>
        c.call('POST', `/api/meetings/${meeting.id}/agenda`, { title: item, ownerUserId: organiser }, MeetingAnswer),
      );
      const added = after.agenda.find((a) => a.title === item);
      if (!added) throw new Error(`agenda item ${item} acknowledged but not in the answer`);
      ack.agenda.set(added.id, item);
      ack.maybeAgenda = null;
      countAck(ctx.ledger, ctx.round);
    }
  });
}

/** Events that notify the hub (a job routes the notices), besked entries and questions: one row per request. */
function textLoop(ctx: LoadContext, kind: 'event' | 'besked' | 'question', childName: string): Promise<void> {
  const child = childNamed(ctx.world, childName);
  const today = todayInSweden();
  return loop(ctx, async (n) => {
    const text = `${ctx.tag} r${ctx.round} ${kind} ${childName} #${n}`;
    const maybe = { kind, childId: child.id, text };
    let id: string;
    if (kind === 'event') {
      const body = { type: 'wellbeing_changed', occurredOn: today, source: 'residence', note: text };
      const answer = await send(ctx, maybe, () =>
        ctx.socialWorker.call(
          'POST',
          `/api/children/${child.id}/events`,
          { ...body, confirmDuplicate: true },
          EventAnswer,
        ),
      );
      id = answer.event.id;
    } else if (kind === 'besked') {
      const body = { topic: 'school', toldOn: today, summary: text, language: 'sv', interpreterUsed: false };
      const view = await send(ctx, maybe, () =>
        ctx.contactPerson.call('POST', `/api/children/${child.id}/besked/entries`, body, BeskedAnswer),
      );
      const entry = view.topics.flatMap((t) => t.entries).find((e) => e.summary === text);
      if (!entry) throw new Error(`besked entry ${text} acknowledged but not in the answer`);
      id = entry.id;
    } else {
      const owner = memberOf(child, 'contact_person').memberId;
      const body = { text, ownerMemberId: owner, dueOn: addDays(today, 14) };
      const q = await send(ctx, maybe, () =>
        ctx.contactPerson.call('POST', `/api/children/${child.id}/questions`, body, QuestionAnswer),
      );
      id = q.id;
    }
    const map = kind === 'event' ? ctx.ledger.events : kind === 'besked' ? ctx.ledger.besked : ctx.ledger.questions;
    map.set(id, { childId: child.id, round: ctx.round, text });
    countAck(ctx.ledger, ctx.round);
  });
}

/**
 * Reads of child data: a child's record, then the list of children, in turn. Each acknowledged read is
 * recorded with its time window; its audit rows (one per child shown) must be in the database after a crash.
 */
function readLoop(ctx: LoadContext, childName: string): Promise<void> {
  const child = childNamed(ctx.world, childName);
  return loop(ctx, async (n) => {
    const sent = Date.now();
    if (n % 2 === 1) {
      await send(ctx, null, () => ctx.reader.get(`/api/children/${child.id}`, ChildAnswer));
      ctx.ledger.reads.push({
        round: ctx.round,
        action: 'child.read',
        childIds: [child.id],
        sent,
        answered: Date.now(),
      });
    } else {
      const list = await send(ctx, null, () => ctx.reader.get('/api/children?pageSize=20', ChildList));
      const childIds = list.items.map((c) => c.id);
      ctx.ledger.reads.push({ round: ctx.round, action: 'child.list', childIds, sent, answered: Date.now() });
    }
  });
}

/** Starts every loop; resolves when all have stopped (after the kill, or at a finding). */
export function runLoad(ctx: LoadContext): Promise<void> {
  return Promise.all([
    planLoop(ctx, 'Amir'),
    planLoop(ctx, 'Hodan'),
    meetingLoop(ctx, 'Yonas'),
    textLoop(ctx, 'event', 'Layla'),
    textLoop(ctx, 'besked', 'Khalid'),
    textLoop(ctx, 'question', 'Khalid'),
    readLoop(ctx, 'Amir'),
  ]).then(() => undefined);
}

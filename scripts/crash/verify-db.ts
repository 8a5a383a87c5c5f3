import { and, eq, inArray, isNull, like, lt } from 'drizzle-orm';
import { auditLog } from '../../server/audit/tables.ts';
import { verifyAudit } from '../../server/audit/verify.ts';
import type { Db } from '../../server/db/connect.ts';
import { beskedEntries } from '../../server/domain/besked/tables.ts';
import { childEvents } from '../../server/domain/events/tables.ts';
import { hubQuestions } from '../../server/domain/hub/tables.ts';
import { agendaItems, meetingParticipants, meetings } from '../../server/domain/meetings/tables.ts';
import { planMeasures, plans } from '../../server/domain/plans/tables.ts';
import { jobs } from '../../server/jobs/tables.ts';
import type { Ledger, MaybeKind, TextAck } from './ledger.ts';

/** The audit rows of the writes under test, indexed by "action id" (entity id, or the item id in the detail). */
async function auditIndex(db: Db): Promise<Set<string>> {
  const rows = await db
    .select({ action: auditLog.action, entityId: auditLog.entityId, detail: auditLog.detail })
    .from(auditLog)
    .where(
      inArray(auditLog.action, [
        'plan.created',
        'plan.measure_added',
        'plan.ended',
        'meeting.created',
        'meeting.agenda_changed',
        'event.recorded',
        'besked.entry_recorded',
        'hub.question_created',
      ]),
    );
  const index = new Set<string>();
  for (const r of rows) {
    index.add(`${r.action} ${r.entityId}`);
    const item = (r.detail as { itemId?: unknown } | null)?.itemId;
    if (typeof item === 'string') index.add(`${r.action} item ${item}`);
  }
  return index;
}

function maybeTexts(ledger: Ledger, kind: MaybeKind): Set<string> {
  return new Set(ledger.maybe.filter((m) => m.kind === kind).map((m) => m.text));
}

async function checkPlans(db: Db, ledger: Ledger, audited: Set<string>, out: string[]): Promise<void> {
  const rows = await db.select({ id: plans.id, childId: plans.childId, status: plans.status }).from(plans);
  const measures = await db
    .select({ id: planMeasures.id, planId: planMeasures.planId, description: planMeasures.description })
    .from(planMeasures);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [id, ack] of ledger.plans) {
    const row = byId.get(id);
    if (!row) out.push(`LOST plan ${id} (round ${ack.round}): acknowledged, not in the database`);
    else if (ack.ended && row.status !== 'ended')
      out.push(`LOST plan ${id}: its end was acknowledged, status is ${row.status}`);
  }
  // A plan no acknowledged request created must be one whose create was in flight at a kill.
  const unknownByChild = new Map<string, number>();
  for (const r of rows)
    if (!ledger.plans.has(r.id) || ledger.plans.get(r.id)!.found)
      unknownByChild.set(r.childId, (unknownByChild.get(r.childId) ?? 0) + 1);
  for (const [childId, n] of unknownByChild) {
    const inFlight = ledger.maybe.filter((m) => m.kind === 'plan' && m.childId === childId).length;
    if (n > inFlight) out.push(`PHANTOM ${n - inFlight} plan(s) of child ${childId} that no request created`);
  }
  for (const r of rows) {
    const ack = ledger.plans.get(r.id);
    const mine = measures.filter((m) => m.planId === r.id);
    for (const [mid, description] of ack?.measures ?? []) {
      const m = mine.find((x) => x.id === mid);
      if (!m) out.push(`LOST measure ${mid} "${description}" of plan ${r.id}`);
      else if (m.description !== description) out.push(`CHANGED measure ${mid}: "${m.description}"`);
    }
    for (const m of mine)
      if (!ack?.measures.has(m.id) && m.description !== ack?.maybeMeasure)
        out.push(`HALF-WRITTEN plan ${r.id}: measure "${m.description}" that no request in flight explains`);
    if (!audited.has(`plan.created ${r.id}`)) out.push(`NO AUDIT ROW for plan ${r.id} (plan.created)`);
    if (r.status === 'ended' && !audited.has(`plan.ended ${r.id}`))
      out.push(`NO AUDIT ROW for the end of plan ${r.id}`);
    for (const m of mine)
      if (!audited.has(`plan.measure_added item ${m.id}`)) out.push(`NO AUDIT ROW for measure ${m.id} of plan ${r.id}`);
  }
}

async function checkMeetings(db: Db, ledger: Ledger, tag: string, audited: Set<string>, out: string[]) {
  const rows = await db
    .select({ id: meetings.id, title: meetings.title, organiserId: meetings.organiserId })
    .from(meetings)
    .where(like(meetings.title, `${tag}%`));
  const ids = rows.map((r) => r.id);
  const people = ids.length
    ? await db.select().from(meetingParticipants).where(inArray(meetingParticipants.meetingId, ids))
    : [];
  const agenda = ids.length ? await db.select().from(agendaItems).where(inArray(agendaItems.meetingId, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [id, ack] of ledger.meetings) {
    const row = byId.get(id);
    if (!row) out.push(`LOST meeting ${id} "${ack.title}"`);
    else if (row.title !== ack.title) out.push(`CHANGED meeting ${id}: title "${row.title}"`);
  }
  const inFlight = new Map(ledger.maybe.filter((m) => m.kind === 'meeting').map((m) => [m.text, m]));
  for (const r of rows) {
    const ack = ledger.meetings.get(r.id);
    const expected = ack?.participants ?? inFlight.get(r.title)?.participants;
    if (expected === undefined) out.push(`PHANTOM meeting ${r.id} "${r.title}" that no request created`);
    const mine = people.filter((p) => p.meetingId === r.id);
    if (!mine.some((p) => p.userId === r.organiserId && p.response === 'accepted'))
      out.push(`HALF-WRITTEN meeting ${r.id}: no organiser participant`);
    if (expected !== undefined && mine.length !== expected)
      out.push(`HALF-WRITTEN meeting ${r.id}: ${mine.length} participants, its request created ${expected}`);
    const items = agenda.filter((a) => a.meetingId === r.id);
    for (const [aid, title] of ack?.agenda ?? [])
      if (!items.some((a) => a.id === aid && a.title === title)) out.push(`LOST agenda item ${aid} "${title}"`);
    for (const a of items) {
      if (!ack?.agenda.has(a.id) && a.title !== ack?.maybeAgenda)
        out.push(`HALF-WRITTEN meeting ${r.id}: agenda item "${a.title}" that no request in flight explains`);
      if (!audited.has(`meeting.agenda_changed item ${a.id}`)) out.push(`NO AUDIT ROW for agenda item ${a.id}`);
    }
    if (!audited.has(`meeting.created ${r.id}`)) out.push(`NO AUDIT ROW for meeting ${r.id}`);
  }
}

function checkTexts(
  what: MaybeKind,
  action: string,
  rows: { id: string; text: string }[],
  acks: Map<string, TextAck>,
  ledger: Ledger,
  audited: Set<string>,
  out: string[],
): void {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [id, ack] of acks) {
    const row = byId.get(id);
    if (!row) out.push(`LOST ${what} ${id} "${ack.text}"`);
    else if (row.text !== ack.text) out.push(`CHANGED ${what} ${id}: "${row.text}"`);
  }
  const inFlight = maybeTexts(ledger, what);
  for (const r of rows) {
    if (!acks.has(r.id) && !inFlight.has(r.text)) out.push(`PHANTOM ${what} ${r.id} "${r.text}"`);
    if (!audited.has(`${action} ${r.id}`)) out.push(`NO AUDIT ROW for ${what} ${r.id} (${action})`);
  }
}

/**
 * Every acknowledged read of child data has its audit rows: a child.read row for the child, or a child.list
 * row for every child the list showed, by the reader, stamped between sending and the answer. The reader
 * reads one request at a time, so the windows do not overlap and each read is matched to rows of its own.
 */
async function checkReads(db: Db, ledger: Ledger, out: string[]): Promise<void> {
  if (!ledger.readerId || ledger.reads.length === 0) return;
  const rows = await db
    .select({ action: auditLog.action, childId: auditLog.childId, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.actorUserId, ledger.readerId), inArray(auditLog.action, ['child.read', 'child.list'])));
  for (const read of ledger.reads) {
    // The audit time is taken on the server between our two clock readings; 1 ms for the rounding of `at`.
    const inWindow = rows.filter(
      (r) => r.action === read.action && r.at.getTime() >= read.sent - 1 && r.at.getTime() <= read.answered + 1,
    );
    const missing = read.childIds.filter((id) => !inWindow.some((r) => r.childId === id));
    if (missing.length > 0)
      out.push(
        `NO AUDIT ROW for an acknowledged read (round ${read.round}, ${read.action} at ${new Date(read.sent).toISOString()}) of ${missing.length} child(ren)`,
      );
  }
}

/**
 * Rows the restarted server's sealer must have chained: everything written before that server started. (What
 * the last kill cut off waits for the next server.)
 */
export async function unsealedBefore(db: Db, before: Date): Promise<number> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(isNull(auditLog.seq), lt(auditLog.at, before)));
  return rows.length;
}

/**
 * Everything acknowledged is there with its content; nothing is half-written
 * (a plan's measures, a meeting's participants and agenda are exactly what
 * acknowledged requests, plus at most the one in flight, created); every row
 * has its audit row; every event has its routing job; the audit chains verify.
 * Returns the findings; empty means the database is whole.
 */
export async function checkDatabase(db: Db, ledger: Ledger, tag: string): Promise<string[]> {
  const out: string[] = [];
  const audited = await auditIndex(db);
  await checkPlans(db, ledger, audited, out);
  await checkMeetings(db, ledger, tag, audited, out);
  const events = await db
    .select({ id: childEvents.id, text: childEvents.note })
    .from(childEvents)
    .where(like(childEvents.note, `${tag}%`));
  checkTexts('event', 'event.recorded', events, ledger.events, ledger, audited, out);
  if (events.length > 0) {
    const keys = events.map((e) => `route:${e.id}`);
    const routed = await db
      .select({ key: jobs.dedupeKey, status: jobs.status, lastError: jobs.lastError })
      .from(jobs)
      .where(inArray(jobs.dedupeKey, keys));
    const have = new Set(routed.map((j) => j.key));
    for (const e of events)
      if (!have.has(`route:${e.id}`)) out.push(`HALF-WRITTEN event ${e.id}: no job to notify the hub`);
    // A job cut off by a crash rolls back and runs again; it must not end up failed.
    for (const j of routed)
      if (j.status === 'failed') out.push(`the job that notifies the hub (${j.key}) failed: ${j.lastError}`);
  }
  const besked = await db
    .select({ id: beskedEntries.id, text: beskedEntries.summary })
    .from(beskedEntries)
    .where(like(beskedEntries.summary, `${tag}%`));
  checkTexts('besked', 'besked.entry_recorded', besked, ledger.besked, ledger, audited, out);
  const questions = await db
    .select({ id: hubQuestions.id, text: hubQuestions.text })
    .from(hubQuestions)
    .where(like(hubQuestions.text, `${tag}%`));
  checkTexts('question', 'hub.question_created', questions, ledger.questions, ledger, audited, out);
  await checkReads(db, ledger, out);
  for (const chain of await verifyAudit(db))
    if (!chain.ok)
      out.push(`AUDIT CHAIN ${chain.chain} broken at seq ${chain.brokenAt?.seq}: ${chain.brokenAt?.reason}`);
  return out;
}

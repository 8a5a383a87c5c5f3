import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type {
  AgreedLine,
  AgreedLineBody,
  BeskedEntry,
  BeskedEntryBody,
  BeskedView,
  Contradiction,
  ContradictionBody,
} from '../../../common/schemas/besked.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { loadAccess, type ChildAccess } from '../children/access.ts';
import { allTopics, memberRef } from '../hub/presenter.ts';
import * as hubRepo from '../hub/repo.ts';
import { resolveTopic } from '../hub/topics.service.ts';
import { users } from '../tenancy/tables.ts';
import { authorizeBesked, canBesked } from './policy.ts';
import { beskedContradictions, beskedEntries, beskedLines } from './tables.ts';
import { inTurn } from '../../db/in-turn.ts';

type EntryRow = typeof beskedEntries.$inferSelect;
type ContradictionRow = typeof beskedContradictions.$inferSelect;
type LineRow = typeof beskedLines.$inferSelect;

async function userNames(tx: Db, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** The whole log of one child, grouped by topic, as the hub sees it side by side. */
async function viewOf(tx: Db, a: ChildAccess): Promise<BeskedView> {
  const childId = a.child.id;
  const [entries, contradictions, lines, tenantTopics, named] = await inTurn(
    () =>
      tx
        .select()
        .from(beskedEntries)
        .where(eq(beskedEntries.childId, childId))
        .orderBy(desc(beskedEntries.toldOn), desc(beskedEntries.createdAt)),
    () =>
      tx
        .select()
        .from(beskedContradictions)
        .where(eq(beskedContradictions.childId, childId))
        .orderBy(asc(beskedContradictions.markedAt)),
    () => tx.select().from(beskedLines).where(eq(beskedLines.childId, childId)).orderBy(desc(beskedLines.createdAt)),
    () => hubRepo.listTenantTopics(tx, a.actor.tenantId, { includeArchived: false }),
    () => hubRepo.namedMembers(tx, childId, { includeEnded: true }),
  );
  const members = new Map(named.map((n) => [n.member.id, n]));
  const active = new Set(a.members.map((m) => m.id));
  const names = await userNames(tx, [...contradictions.map((c) => c.markedBy), ...lines.map((l) => l.recordedBy)]);
  const open = contradictions.filter((c) => !c.resolvedAt);
  const contradicted = new Set(open.flatMap((c) => [c.entryA, c.entryB]));
  const presentEntry = (e: EntryRow): BeskedEntry => ({
    id: e.id,
    topic: e.topic,
    toldOn: e.toldOn,
    summary: e.summary,
    language: e.language,
    interpreterUsed: e.interpreterUsed,
    teller: memberRef(members.get(e.memberId)!),
    recordedAt: e.createdAt.toISOString(),
    contradicted: contradicted.has(e.id),
  });
  const presentLine = (l: LineRow): AgreedLine => {
    const teller = members.get(l.tellerMemberId);
    return {
      id: l.id,
      text: l.text,
      teller: teller && active.has(l.tellerMemberId) ? memberRef(teller) : null,
      agreedAt: l.createdAt.toISOString(),
      recordedBy: names.get(l.recordedBy) ?? '—',
    };
  };
  const topics = allTopics(tenantTopics).map((topic) => {
    const line = lines.find((l) => l.topic === topic.key);
    return {
      topic,
      line: line ? presentLine(line) : null,
      entries: entries.filter((e) => e.topic === topic.key).map(presentEntry),
      openContradictions: open.filter((c) => c.topic === topic.key).length,
    };
  });
  // Topics with something recorded first, in the matrix's order otherwise.
  topics.sort(
    (x, y) => Number(y.entries.length > 0 || y.line !== null) - Number(x.entries.length > 0 || x.line !== null),
  );
  return {
    topics,
    contradictions: contradictions.map((c) => presentContradiction(c, names)),
    openContradictions: open.length,
    tellers: named.filter((n) => active.has(n.member.id) && n.member.hubRole !== 'civil_society').map(memberRef),
    abilities: {
      record: canBesked(a, 'record'),
      markContradiction: canBesked(a, 'markContradiction'),
      agreeLine: canBesked(a, 'agreeLine'),
    },
  };
}

function presentContradiction(c: ContradictionRow, names: Map<string, string>): Contradiction {
  return {
    id: c.id,
    topic: c.topic,
    entryIds: [c.entryA, c.entryB],
    note: c.note,
    markedBy: names.get(c.markedBy) ?? '—',
    markedAt: c.markedAt.toISOString(),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    open: c.resolvedAt === null,
  };
}

export async function getBesked(deps: Deps, actor: Actor, childId: string): Promise<BeskedView> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeBesked(a, 'read');
    await audit(tx, { action: 'besked.read', entity: 'child', entityId: childId, childId });
    return viewOf(tx, a);
  });
}

async function topicIssues(tx: Db, a: ChildAccess, topic: string): Promise<Issue[]> {
  return (await resolveTopic(tx, a.actor.tenantId, topic)) ? [] : [{ path: 'body.topic', message: 'No such topic.' }];
}

/** Records what the actor told the child, under the actor's own place in the hub. */
export async function recordEntry(
  deps: Deps,
  actor: Actor,
  childId: string,
  body: BeskedEntryBody,
): Promise<BeskedView> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeBesked(a, 'record');
    const issues = await topicIssues(tx, a, body.topic);
    if (issues.length > 0) throw errors.validation(issues);
    const member = a.mine.find((m) => m.hubRole !== 'civil_society')!;
    const [row] = await tx
      .insert(beskedEntries)
      .values({
        tenantId: actor.tenantId,
        childId,
        topic: body.topic,
        toldOn: body.toldOn,
        summary: body.summary,
        language: body.language,
        interpreterUsed: body.interpreterUsed,
        memberId: member.id,
      })
      .returning();
    await audit(tx, {
      action: 'besked.entry_recorded',
      entity: 'besked_entry',
      entityId: row!.id,
      childId,
      detail: { topic: body.topic },
    });
    return viewOf(tx, a);
  });
}

/** Marks two entries on the same topic as contradicting: the child is flagged until the hub agrees its line. */
export async function markContradiction(
  deps: Deps,
  actor: Actor,
  childId: string,
  body: ContradictionBody,
): Promise<BeskedView> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeBesked(a, 'markContradiction');
    const [first, second] = [...body.entryIds].sort() as [string, string];
    const rows = await tx
      .select()
      .from(beskedEntries)
      .where(and(eq(beskedEntries.childId, childId), inArray(beskedEntries.id, [first, second])));
    const issues: Issue[] = [];
    body.entryIds.forEach((id, i) => {
      if (!rows.some((r) => r.id === id))
        issues.push({ path: `body.entryIds.${i}`, message: 'No such entry for this child.' });
    });
    if (first === second) issues.push({ path: 'body.entryIds.1', message: 'Choose two different entries.' });
    else if (rows.length === 2 && rows[0]!.topic !== rows[1]!.topic)
      issues.push({ path: 'body.entryIds.1', message: 'Both entries must be on the same topic.' });
    if (issues.length > 0) throw errors.validation(issues);
    const [existing] = await tx
      .select({ id: beskedContradictions.id })
      .from(beskedContradictions)
      .where(
        and(
          eq(beskedContradictions.entryA, first),
          eq(beskedContradictions.entryB, second),
          isNull(beskedContradictions.resolvedAt),
        ),
      );
    if (existing) throw errors.conflict('already_marked', 'These two entries are already marked as contradicting.');
    const [row] = await tx
      .insert(beskedContradictions)
      .values({
        tenantId: actor.tenantId,
        childId,
        topic: rows[0]!.topic,
        entryA: first,
        entryB: second,
        note: body.note,
        markedBy: actor.userId,
      })
      .returning();
    await audit(tx, {
      action: 'besked.contradiction_marked',
      entity: 'besked_contradiction',
      entityId: row!.id,
      childId,
      detail: { topic: row!.topic },
    });
    return viewOf(tx, a);
  });
}

/** The hub's agreed line on a topic and who tells the child; it resolves the topic's open contradictions. */
export async function agreeLine(
  deps: Deps,
  actor: Actor,
  childId: string,
  topicKey: string,
  body: AgreedLineBody,
): Promise<BeskedView> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeBesked(a, 'agreeLine');
    const topic = await resolveTopic(tx, actor.tenantId, topicKey);
    if (!topic) throw errors.notFound('topic');
    const teller = a.members.find((m) => m.id === body.tellerMemberId);
    if (!teller || teller.hubRole === 'civil_society')
      throw errors.validation([{ path: 'body.tellerMemberId', message: 'Choose an active staff member of this hub.' }]);
    const [line] = await tx
      .insert(beskedLines)
      .values({
        tenantId: actor.tenantId,
        childId,
        topic: topic.key,
        text: body.text,
        tellerMemberId: teller.id,
        recordedBy: actor.userId,
      })
      .returning();
    const resolved = await tx
      .update(beskedContradictions)
      .set({ resolvedAt: new Date(), resolvedByLineId: line!.id })
      .where(
        and(
          eq(beskedContradictions.childId, childId),
          eq(beskedContradictions.topic, topic.key),
          isNull(beskedContradictions.resolvedAt),
        ),
      )
      .returning({ id: beskedContradictions.id });
    await audit(tx, {
      action: 'besked.line_agreed',
      entity: 'besked_line',
      entityId: line!.id,
      childId,
      detail: { topic: topic.key, resolved: resolved.length },
    });
    return viewOf(tx, a);
  });
}

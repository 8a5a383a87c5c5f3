import type {
  AgreedLine,
  AgreedLineBody,
  BeskedEntry,
  BeskedEntryBody,
  BeskedView,
  Contradiction,
  ContradictionBody,
} from '../../../common/schemas/besked.ts';
import { categoryOfTopic, type InfoCategory } from '../../../common/schemas/sharing.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { loadAccess, type ChildAccess } from '../children/access.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';
import { allTopics, memberRef } from '../hub/presenter.ts';
import * as hubRepo from '../hub/repo.ts';
import { resolveTopic } from '../hub/topics.service.ts';
import { auditSharing } from '../sharing/audit.ts';
import { loadGrants } from '../sharing/rule.ts';
import { authorizeBesked, canBesked } from './policy.ts';
import * as repo from './repo.ts';
import { inTurn } from '../../db/in-turn.ts';

type EntryRow = repo.EntryRow;
type ContradictionRow = repo.ContradictionRow;
type LineRow = repo.LineRow;

/**
 * The log of one child, grouped by topic, as the hub sees it side by side:
 * only the entries the sharing rule lets the reader see (purpose hub), and
 * only the contradictions between two of those. Agreed lines are the hub's
 * own answer to the child and are shown to the whole hub. Every share and
 * every withholding is audited in the caller's transaction.
 */
async function viewOf(tx: Db, a: ChildAccess): Promise<BeskedView> {
  const childId = a.child.id;
  const [entries, withheld, allContradictions, lines, tenantTopics, named, grants] = await inTurn(
    () => repo.visibleEntries(tx, a.actor, childId),
    () => repo.withheldEntries(tx, a.actor, childId),
    () => repo.contradictionsOf(tx, childId),
    () => repo.linesOf(tx, childId),
    () => hubRepo.listTenantTopics(tx, a.actor.tenantId, { includeArchived: false }),
    () => hubRepo.namedMembers(tx, childId, { includeEnded: true }),
    () => loadGrants(tx, a.actor, childId),
  );
  await auditSharing(tx, {
    grants,
    purpose: 'hub',
    entity: 'besked',
    entityId: childId,
    shown: entries.map((e) => ({ owner: e.ownerOrganisationId, category: e.category })),
    withheld,
  });
  const seen = new Set(entries.map((e) => e.id));
  // A contradiction names both entries and says how they differ: only between two the reader sees.
  const contradictions = allContradictions.filter((c) => seen.has(c.entryA) && seen.has(c.entryB));
  const members = new Map(named.map((n) => [n.member.id, n]));
  const active = new Set(a.members.map((m) => m.id));
  const names = await repo.userNames(tx, [...contradictions.map((c) => c.markedBy), ...lines.map((l) => l.recordedBy)]);
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
    category: e.category as InfoCategory,
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
    someWithheld: withheld.length > 0,
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
    const row = await repo.insertEntry(tx, {
      tenantId: actor.tenantId,
      childId,
      topic: body.topic,
      toldOn: body.toldOn,
      summary: body.summary,
      language: body.language,
      interpreterUsed: body.interpreterUsed,
      memberId: member.id,
      ownerOrganisationId: member.organisationId,
      category: body.category ?? categoryOfTopic(body.topic),
    });
    await audit(tx, {
      action: 'besked.entry_recorded',
      entity: 'besked_entry',
      entityId: row.id,
      childId,
      detail: { topic: body.topic, ownerOrganisationId: member.organisationId, category: row.category },
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
    // Only entries the marker sees: a hidden one is answered as if it did not exist.
    const rows = await repo.visibleEntriesById(tx, actor, childId, [first, second]);
    if (body.entryIds.some((id) => !rows.some((r) => r.id === id))) throw errors.notFound('besked entry');
    const issues: Issue[] = [];
    if (first === second) issues.push({ path: 'body.entryIds.1', message: 'Choose two different entries.' });
    else if (rows.length === 2 && rows[0]!.topic !== rows[1]!.topic)
      issues.push({ path: 'body.entryIds.1', message: 'Both entries must be on the same topic.' });
    if (issues.length > 0) throw errors.validation(issues);
    if (await repo.openContradictionOf(tx, first, second))
      throw errors.conflict('already_marked', 'These two entries are already marked as contradicting.');
    const row = await repo.insertContradiction(tx, {
      tenantId: actor.tenantId,
      childId,
      topic: rows[0]!.topic,
      entryA: first,
      entryB: second,
      note: body.note,
      markedBy: actor.userId,
    });
    // The follow-up figure on open contradictions is rebuilt within the minute.
    await rollupAfterWrite(tx, actor.tenantId);
    await audit(tx, {
      action: 'besked.contradiction_marked',
      entity: 'besked_contradiction',
      entityId: row.id,
      childId,
      detail: { topic: row.topic },
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
    const line = await repo.insertLine(tx, {
      tenantId: actor.tenantId,
      childId,
      topic: topic.key,
      text: body.text,
      tellerMemberId: teller.id,
      recordedBy: actor.userId,
    });
    const resolved = await repo.resolveContradictions(tx, childId, topic.key, line.id);
    if (resolved.length > 0) await rollupAfterWrite(tx, actor.tenantId);
    await audit(tx, {
      action: 'besked.line_agreed',
      entity: 'besked_line',
      entityId: line.id,
      childId,
      detail: { topic: topic.key, resolved: resolved.length },
    });
    return viewOf(tx, a);
  });
}

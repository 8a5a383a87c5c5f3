import { todayInSweden } from '../../../../common/schemas/children.ts';
import {
  proposalMoves,
  type Proposal,
  type ProposalBody,
  type ProposalPatch,
  type ProposalSource,
} from '../../../../common/schemas/collaboration-roadmap.ts';
import { audit } from '../../../audit/write.ts';
import type { Actor } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { Deps } from '../../../deps.ts';
import { errors } from '../../../errors.ts';
import { annotationSources } from '../../processmaps/repo.ts';
import { questionSources } from '../operational/repo.ts';
import { loadForManage, loadForRead } from '../policy.ts';
import { barrierSources } from '../strategic/repo.ts';
import { presentProposal } from './presenter.ts';
import * as repo from './repo.ts';

/** Step 3: the register of development proposals. */

/** A title of a register's length from a source's longer text. */
export const titleFrom = (text: string): string => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/**
 * Presents proposals with the item each was made from, so the register links back to it. The
 * lookups name the collaboration, so an id of another collaboration's item would simply not be found.
 */
export async function presentWithSources(tx: Db, collaborationId: string, rows: repo.ProposalRow[]) {
  const ids = (origin: repo.ProposalRow['origin']) =>
    rows.flatMap((r) => (r.origin === origin && r.originId ? [r.originId] : []));
  const [barriers, questions, annotations] = await Promise.all([
    barrierSources(tx, collaborationId, ids('barrier')),
    questionSources(tx, collaborationId, ids('forum_question')),
    annotationSources(tx, collaborationId, ids('process_map_gap')),
  ]);
  const sources = new Map<string, ProposalSource>([
    ...barriers.map((b) => [b.id, { kind: 'barrier', id: b.id, title: b.title, level: b.level, mapId: null }] as const),
    ...questions.map(
      (q) => [q.id, { kind: 'forum_question', id: q.id, title: q.title, level: q.level, mapId: null }] as const,
    ),
    ...annotations.map(
      (a) => [a.id, { kind: 'annotation', id: a.id, title: a.title, level: null, mapId: a.mapId }] as const,
    ),
  ]);
  return rows.map((r) => presentProposal(r, (r.originId && sources.get(r.originId)) || null));
}

export interface ProposalFrom {
  collaborationId: string;
  /** Where it came from: the strategic level's barrier, the forum's question or a map's workshop annotation. */
  origin: 'barrier' | 'forum_question' | 'process_map_gap';
  /** The barrier's or question's id, so the proposal links back to it. */
  originId: string;
  title: string;
  description?: string | null;
  owner?: string | null;
  createdBy: string;
}

/**
 * For the strategic and operational levels: turn a barrier or a forum
 * question into a development proposal, inside the caller's transaction. The
 * caller has checked access to the collaboration and writes the audit row.
 */
export async function proposeFrom(tx: Db, p: ProposalFrom): Promise<Proposal> {
  const row = await repo.insertProposal(tx, {
    collaborationId: p.collaborationId,
    title: p.title,
    description: p.description ?? null,
    origin: p.origin,
    originId: p.originId,
    owner: p.owner ?? null,
    createdBy: p.createdBy,
  });
  return (await presentWithSources(tx, p.collaborationId, [row]))[0]!;
}

export async function listProposals(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    await loadForRead(tx, actor, id);
    return { proposals: await presentWithSources(tx, id, await repo.proposalsOf(tx, id)) };
  });
}

export async function createProposal(deps: Deps, actor: Actor, id: string, body: ProposalBody): Promise<Proposal> {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const row = await repo.insertProposal(tx, {
      collaborationId: id,
      title: body.title,
      description: body.description ?? null,
      origin: body.origin,
      originNote: body.originNote ?? null,
      owner: body.owner ?? null,
      createdBy: actor.userId,
    });
    await audit(tx, { action: 'collaboration.proposal_create', entity: 'collaboration_proposal', entityId: row.id });
    return presentProposal(row);
  });
}

export type ProposalResult = { ok: true; proposal: Proposal } | { ok: false; current: Proposal };

const settling = ['accepted', 'rejected', 'deferred'];

export async function updateProposal(
  deps: Deps,
  actor: Actor,
  id: string,
  proposalId: string,
  body: ProposalPatch,
): Promise<ProposalResult> {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const p = await repo.findProposal(tx, id, proposalId);
    if (!p) throw errors.notFound('proposal');
    const current = async () => (await presentWithSources(tx, id, [p]))[0]!;
    if (p.version !== body.version) return { ok: false, current: await current() };
    const to = body.status && body.status !== p.status ? body.status : undefined;
    if (to && !proposalMoves[p.status].includes(to))
      throw errors.conflict('invalid_transition', `A proposal that is ${p.status} cannot become ${to}.`);
    if (to && settling.includes(to) && !body.decision)
      throw errors.validation([{ path: 'body.decision', message: 'Give the decision that settled the proposal.' }]);
    if (to === 'evaluated' && !body.evaluation)
      throw errors.validation([{ path: 'body.evaluation', message: 'Say what the evaluation found.' }]);
    const row = await repo.updateProposal(tx, p.id, p.version, {
      ...(to ? { status: to } : {}),
      ...(to && settling.includes(to) ? { decision: body.decision, decidedOn: todayInSweden() } : {}),
      ...(to === 'evaluated' ? { evaluation: body.evaluation } : {}),
      ...(body.owner !== undefined ? { owner: body.owner } : {}),
    });
    if (!row) return { ok: false, current: await current() };
    await audit(tx, {
      action: 'collaboration.proposal_update',
      entity: 'collaboration_proposal',
      entityId: p.id,
      detail: to ? { status: to } : {},
    });
    return { ok: true, proposal: (await presentWithSources(tx, id, [row]))[0]! };
  });
}

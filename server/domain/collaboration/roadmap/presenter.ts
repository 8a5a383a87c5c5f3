import type { Decision, Proposal, ProposalSource, Review } from '../../../../common/schemas/collaboration-roadmap.ts';
import type { DecisionListRow, ProposalRow, ReviewRow } from './repo.ts';

/** Pure: picks the fields a response may carry. The decision's bytes never travel in a list. */

export const presentDecision = (d: DecisionListRow): Decision => ({
  id: d.id,
  partyId: d.partyId,
  partyName: d.partyName,
  decidedBy: d.decidedBy,
  decidedOn: d.decidedOn,
  text: d.text,
  document: d.documentName ? { filename: d.documentName, bytes: d.documentSize ?? 0 } : null,
  recordedBy: d.recordedBy,
  recordedAt: d.recordedAt.toISOString(),
});

export const presentProposal = (p: ProposalRow, source: ProposalSource | null = null): Proposal => ({
  id: p.id,
  title: p.title,
  description: p.description,
  origin: p.origin,
  originNote: p.originNote,
  source,
  owner: p.owner,
  status: p.status,
  decision: p.decision,
  decidedOn: p.decidedOn,
  evaluation: p.evaluation,
  reviewId: p.reviewId,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
});

export const presentReview = (r: ReviewRow, proposalIds: string[]): Review => ({
  id: r.id,
  dueOn: r.dueOn,
  heldOn: r.heldOn,
  whatWorks: r.whatWorks,
  whatDoesNot: r.whatDoesNot,
  proposalIds,
  startedRevision: r.startedRevision !== null,
});

import type { Barrier } from '../../../../common/schemas/strategic.ts';
import { isOverdue } from '../operational/presenter.ts';
import type { AgreementRow, BarrierRow, EvaluationRow } from './repo.ts';

export function presentBarrier(b: BarrierRow, names: Map<string, string>, proposalIds: string[]): Barrier {
  return {
    id: b.id,
    type: b.type,
    description: b.description,
    level: b.level,
    raisedBy: { id: b.raisedBy, name: names.get(b.raisedBy) ?? '' },
    owner: { id: b.ownerUserId, name: names.get(b.ownerUserId) ?? '' },
    dueOn: b.dueOn,
    overdue: isOverdue(b.dueOn, b.status === 'open' || b.status === 'in_progress'),
    action: b.action,
    status: b.status,
    escalatedAt: b.escalatedAt?.toISOString() ?? null,
    proposalIds,
  };
}

export const presentAgreement = (a: AgreementRow) => ({
  id: a.id,
  title: a.title,
  parties: a.parties,
  signedOn: a.signedOn,
  validFrom: a.validFrom,
  validTo: a.validTo,
  text: a.text,
  createdAt: a.createdAt.toISOString(),
});

export const presentEvaluation = (e: EvaluationRow) => ({
  id: e.id,
  title: e.title,
  evaluatedOn: e.evaluatedOn,
  works: e.works,
  lacks: e.lacks,
  actions: e.actions,
  createdAt: e.createdAt.toISOString(),
});

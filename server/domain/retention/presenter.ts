import type { ActiveHold, RetentionRun } from '../../../common/schemas/retention.ts';
import { pseudonymOf } from './select.ts';
import type { legalHolds, retentionRuns } from './tables.ts';

// `held` came later: a dry run built before it has none.
type Report = Pick<RetentionRun, 'counts' | 'cases' | 'auditNeedsKey'> & Partial<Pick<RetentionRun, 'held'>>;

export function presentRun(run: typeof retentionRuns.$inferSelect, approvedByName: string | null): RetentionRun {
  const report = run.report as Report;
  return {
    id: run.id,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    counts: report.counts,
    cases: report.cases,
    held: report.held ?? [],
    auditNeedsKey: report.auditNeedsKey,
    approvedByName,
    approvedAt: run.approvedAt?.toISOString() ?? null,
    progress: { done: run.progressDone, total: run.units.length },
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function presentHold(row: {
  hold: typeof legalHolds.$inferSelect;
  placedByName: string | null;
  childName: string | null;
  closedAt: Date | null;
  caseStatus: string;
}): ActiveHold {
  return {
    id: row.hold.id,
    childId: row.hold.childId,
    reason: row.hold.reason,
    placedByName: row.placedByName,
    placedAt: row.hold.placedAt.toISOString(),
    pseudonym: pseudonymOf(row.hold.childId),
    childName: row.childName,
    closedOn: row.caseStatus === 'closed' && row.closedAt ? row.closedAt.toISOString().slice(0, 10) : null,
  };
}

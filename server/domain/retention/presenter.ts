import type { RetentionRun } from '../../../common/schemas/retention.ts';
import type { retentionRuns } from './tables.ts';

type Report = Pick<RetentionRun, 'counts' | 'cases' | 'auditNeedsKey'>;

export function presentRun(run: typeof retentionRuns.$inferSelect, approvedByName: string | null): RetentionRun {
  const report = run.report as Report;
  return {
    id: run.id,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    counts: report.counts,
    cases: report.cases,
    auditNeedsKey: report.auditNeedsKey,
    approvedByName,
    approvedAt: run.approvedAt?.toISOString() ?? null,
    progress: { done: run.progressDone, total: run.units.length },
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

import {
  indicatorIds,
  type Figure,
  type FigurePoint,
  type IndicatorId,
  type YearlyReportQuery,
} from '../../../common/schemas/followup.ts';
import type { BarrierStatus, BarrierType } from '../../../common/schemas/strategic.ts';
import type { ProposalStatus } from '../../../common/schemas/collaboration-roadmap.ts';
import { todayInSweden } from '../../../common/schemas/children.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { listBarriers } from '../collaboration/strategic/repo.ts';
import { proposalsOf } from '../collaboration/roadmap/repo.ts';
import { indicators } from './indicators/index.ts';
import { authorizeReport } from './policy.ts';
import { renderYearlyReport } from './report-pdf.ts';
import { computeFigures, judge } from './service.ts';

export type Change = 'better' | 'worse' | 'same' | 'not_comparable';

/** One indicator in the report: the year per quarter, and the year's total beside the year before's. */
export interface ReportIndicator extends Figure {
  /** The year's total against the target (the figure's own status is its latest quarter's, as on screen). */
  yearStatus: Figure['status'];
  previous: FigurePoint | null;
  change: Change;
}

/** Everything the yearly report shows; built from masked figures and the levels' registers, never from a child. */
export interface YearlyReport {
  collaborationName: string;
  year: number;
  producedOn: string;
  indicators: ReportIndicator[];
  barriers: { type: BarrierType; status: BarrierStatus; dueOn: string; description: string }[];
  proposals: { title: string; status: ProposalStatus; decision: string | null; decidedOn: string | null }[];
}

const totalOf = (f: Figure | undefined) => f?.points.find((p) => p.period === 'total') ?? null;

/** The year's total against the year before's: only when both were shown (neither masked nor missing). */
export function compareTotals(now: FigurePoint | null, before: FigurePoint | null, higherIsBetter: boolean): Change {
  if (now?.value == null || before?.value == null) return 'not_comparable';
  if (now.value === before.value) return 'same';
  return now.value > before.value === higherIsBetter ? 'better' : 'worse';
}

const BARRIER_OPEN: BarrierStatus[] = ['open', 'in_progress'];
const PROPOSAL_OPEN: ProposalStatus[] = ['proposed', 'accepted', 'deferred'];

/**
 * The yearly follow-up report of a collaboration as a PDF, for its strategic
 * group: each indicator per quarter with its target, status and trend, the
 * change since the year before, and the barriers and development proposals
 * raised during the year or still open at its end. Audited last.
 */
export async function yearlyReportPdf(deps: Deps, actor: Actor, id: string, q: YearlyReportQuery) {
  return deps.db.transaction(async (tx) => {
    const a = await authorizeReport(tx, actor, id);
    const scope = { tenantIds: a.tenantIds, collaborationIds: [id] };
    const yearOf = (y: number) =>
      computeFigures(tx, scope, { level: 'collaboration', id, from: `${y}-01`, to: `${y}-12`, period: 'quarter' });
    const [now, before] = [await yearOf(q.year), await yearOf(q.year - 1)];
    const byId = new Map<IndicatorId, Figure>(before.map((f) => [f.indicator, f]));
    // The year as in Sweden (CET at new year).
    const endOfYear = new Date(`${q.year + 1}-01-01T00:00:00+01:00`);
    const inYear = (d: Date) => d >= new Date(`${q.year}-01-01T00:00:00+01:00`) && d < endOfYear;
    const report: YearlyReport = {
      collaborationName: a.collaboration.name,
      year: q.year,
      producedOn: todayInSweden(),
      indicators: now.map((f) => {
        const previous = totalOf(byId.get(f.indicator));
        const total = totalOf(f);
        const higher = indicators[f.indicator].higherIsBetter;
        return {
          ...f,
          yearStatus: judge(total ? [{ ...total, period: String(q.year) }] : [], f.target, higher).status,
          previous,
          change: compareTotals(total, previous, higher),
        };
      }),
      barriers: (await listBarriers(tx, id))
        .filter((b) => b.createdAt < endOfYear && (inYear(b.createdAt) || BARRIER_OPEN.includes(b.status)))
        .map((b) => ({ type: b.type, status: b.status, dueOn: b.dueOn, description: b.description })),
      proposals: (await proposalsOf(tx, id))
        .filter((p) => p.createdAt < endOfYear && (inYear(p.createdAt) || PROPOSAL_OPEN.includes(p.status)))
        .map((p) => ({ title: p.title, status: p.status, decision: p.decision, decidedOn: p.decidedOn })),
    };
    const pdf = await renderYearlyReport(report, q.lang);
    await audit(tx, {
      action: 'followup.report_pdf',
      entity: 'collaboration',
      entityId: id,
      detail: { year: q.year, lang: q.lang, indicators: [...indicatorIds] },
    });
    return { pdf, filename: `uppfoljning-${q.year}.pdf` };
  });
}

import type { Figures } from '../../../common/schemas/followup.ts';
import { toCsv } from '../../http/csv.ts';

/** The columns of both exports (CSV and XLSX), in order. */
export const FIGURE_COLUMNS = [
  'indicator',
  'unit',
  'period',
  'children',
  'base',
  'hits',
  'value',
  'p90',
  'target',
  'status',
  'trend',
] as const;

/** One row per indicator and period, masked as on screen: counts are digits, "<5" or "–"; a masked value is null. */
export function figureRows(f: Figures): (string | number | null)[][] {
  return f.figures.flatMap((fig) =>
    fig.points.map((p) => [
      fig.indicator,
      fig.unit,
      p.period,
      p.children,
      p.base,
      p.hits,
      p.value,
      p.p90,
      fig.target,
      fig.status,
      fig.trend,
    ]),
  );
}

/** The masked figures as CSV, through the formula-safe writer. */
export function figuresCsv(f: Figures): string {
  return toCsv([...FIGURE_COLUMNS], figureRows(f));
}

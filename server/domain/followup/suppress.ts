import type { FigurePoint } from '../../../common/schemas/followup.ts';
import type { RawPoint } from './repo.ts';

/** The smallest number of children a figure is shown for, as in the needs mapping. */
export const MIN_CHILDREN = 5;
const SMALL = `<${MIN_CHILDREN}`;
const WITHHELD = '–';

/**
 * Masks the figures of one indicator. A point built from fewer than five
 * children shows no count and no value; a count of hits (or of misses) below
 * five is "<5" and its share withheld, since "all but two" names those two as
 * surely as "two".
 *
 * Then containment: a quarter or the range's total is shown only when every
 * month in it is ("–" otherwise). Any shown figure is then a sum of months that
 * were shown, so no masked month can be worked out by subtracting one shown
 * figure from another: not beside the total, not a quarter against its months,
 * not one range's total against another's. `months` are the range's months
 * (the month view's own points; for the quarter view, a second aggregate).
 */
export function maskPoints(raw: RawPoint[], share: boolean, months: RawPoint[] = raw): FigurePoint[] {
  // Nothing counted at all is no figure: the dashboards say "no data yet" instead of showing a zero.
  if (raw.every((r) => r.children === 0)) return [];
  const monthly = months.filter((m) => m.period !== 'total');
  const smallHits = (r: RawPoint) => share && (r.hits < MIN_CHILDREN || r.base - r.hits < MIN_CHILDREN);
  return raw.map((r) => {
    if (r.children < MIN_CHILDREN)
      return { period: r.period, children: SMALL, base: SMALL, hits: SMALL, value: null, p90: null };
    const inside = monthly.filter((m) => contains(r.period, m.period));
    if (inside.some((m) => m.children < MIN_CHILDREN))
      return { period: r.period, children: WITHHELD, base: WITHHELD, hits: WITHHELD, value: null, p90: null };
    const value = share ? (r.base > 0 ? r.hits / r.base : null) : r.p50;
    const point = {
      period: r.period,
      children: String(r.children),
      base: String(r.base),
      hits: String(r.hits),
      value: round(value),
      p90: share ? null : round(r.p90),
    };
    if (smallHits(r)) return { ...point, hits: SMALL, value: null };
    if (share && inside.some(smallHits)) return { ...point, hits: WITHHELD, value: null };
    return point;
  });
}

/** Whether a shown period holds a month other than itself: the total holds all, "2026-Q1" holds 2026-01 to 03. */
function contains(period: string, month: string): boolean {
  if (period === month) return false;
  if (period === 'total') return true;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return false;
  const [year, m] = month.split('-').map(Number);
  return year === Number(quarter[1]) && Math.ceil(m! / 3) === Number(quarter[2]);
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1000) / 1000;
}

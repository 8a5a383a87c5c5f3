import type { FigurePoint } from '../../../common/schemas/followup.ts';
import { suppressDifferences } from '../collaboration/strategic/needs.ts';
import type { RawPoint } from './repo.ts';

/** The smallest number of children a figure is shown for, as in the needs mapping. */
export const MIN_CHILDREN = 5;
const SMALL = `<${MIN_CHILDREN}`;

/**
 * Masks the figures of one indicator: a point built from fewer than five
 * children shows no count and no value; a count of hits (or of misses) below
 * five is "<5" and its share withheld, since "all but two" names those two as
 * surely as "two". Then, as in the needs mapping, a single masked period beside
 * the total withholds the smallest other one ("–"), so it cannot be worked out.
 */
export function maskPoints(raw: RawPoint[], share: boolean): FigurePoint[] {
  // Nothing counted at all is no figure: the dashboards say "no data yet" instead of showing a zero.
  if (raw.every((r) => r.children === 0)) return [];
  const points: FigurePoint[] = raw.map((r) => {
    if (r.children < MIN_CHILDREN)
      return { period: r.period, children: SMALL, base: SMALL, hits: SMALL, value: null, p90: null };
    const smallHits = share && (r.hits < MIN_CHILDREN || r.base - r.hits < MIN_CHILDREN);
    const value = share ? (r.base > 0 ? r.hits / r.base : null) : r.p50;
    return {
      period: r.period,
      children: String(r.children),
      base: String(r.base),
      hits: smallHits ? SMALL : String(r.hits),
      value: smallHits ? null : round(value),
      p90: share ? null : round(r.p90),
    };
  });
  const byChildren = suppressDifferences(points.map((p) => cell(p.period, p.children)));
  const byHits = suppressDifferences(points.map((p) => cell(p.period, p.hits)));
  return points.map((p, i) => {
    const children = byChildren[i]!.count;
    const hits = byHits[i]!.count;
    if (children === '–') return { ...p, children, base: '–', hits: '–', value: null, p90: null };
    if (hits === '–') return { ...p, hits, value: share ? null : p.value };
    return p;
  });
}

function cell(period: string, count: string) {
  return { tenantId: 'figure', dimension: period === 'total' ? 'total' : 'period', count };
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1000) / 1000;
}

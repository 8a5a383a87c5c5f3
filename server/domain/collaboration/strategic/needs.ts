import type { NeedsDimension } from '../../../../common/schemas/strategic.ts';

export interface NeedsCell {
  tenantId: string;
  dimension: NeedsDimension | 'total';
  value: string;
  /** The count, or "<5": a count below the threshold never leaves the database. */
  count: string;
}

/** A count in a table of counts: the follow-up figures use the same rule (`server/domain/followup/`). */
export interface SmallCell {
  tenantId: string;
  dimension: string;
  count: string;
}

/**
 * A single masked cell in a dimension could be worked out from the total and
 * the other cells. Then the smallest other cell is withheld too ("–"), so
 * only the sum of the two is known.
 */
export function suppressDifferences<T extends SmallCell>(cells: T[]): T[] {
  const out = cells.map((c) => ({ ...c }));
  const groups = new Map<string, T[]>();
  for (const c of out) {
    if (c.dimension === 'total') continue;
    const key = `${c.tenantId}:${c.dimension}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    const masked = group.filter((c) => c.count.startsWith('<'));
    if (masked.length !== 1) continue;
    const shown = group.filter((c) => !c.count.startsWith('<')).sort((a, b) => Number(a.count) - Number(b.count));
    if (shown[0]) shown[0].count = '–';
  }
  return out;
}

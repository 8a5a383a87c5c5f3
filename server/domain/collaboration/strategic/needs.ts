import type { NeedsDimension } from '../../../../common/schemas/strategic.ts';

export interface NeedsCell {
  tenantId: string;
  dimension: NeedsDimension | 'total';
  value: string;
  /** The count, or "<5": a count below the threshold never leaves the database. */
  count: string;
}

/** A count in a table of counts, by municipality and dimension. */
export interface SmallCell {
  tenantId: string;
  dimension: string;
  count: string;
}

/**
 * Masked cells could be worked out from the total and the other cells: one masked cell exactly, and several
 * whose hidden sum is small (two cells summing to 2 are 1 each). So the smallest shown cells of a dimension are
 * withheld too ("–") until at least two cells are hidden and, where the municipality's total is shown, what they
 * hide together is at least 5. Only sums of hidden cells that identify nobody can be derived.
 */
export function suppressDifferences<T extends SmallCell>(cells: T[]): T[] {
  const out = cells.map((c) => ({ ...c }));
  const totals = new Map<string, number>();
  const groups = new Map<string, T[]>();
  for (const c of out) {
    if (c.dimension === 'total') {
      if (/^\d+$/.test(c.count)) totals.set(c.tenantId, Number(c.count));
      continue;
    }
    const key = `${c.tenantId}:${c.dimension}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    let hidden = group.filter((c) => c.count.startsWith('<')).length;
    if (hidden === 0) continue;
    const shown = group.filter((c) => /^\d+$/.test(c.count)).sort((a, b) => Number(a.count) - Number(b.count));
    const total = totals.get(group[0]!.tenantId);
    const hiddenSum = () => (total === undefined ? 5 : total - shown.reduce((s, c) => s + Number(c.count), 0));
    while (shown.length > 0 && (hidden < 2 || hiddenSum() < 5)) {
      shown.shift()!.count = '–';
      hidden++;
    }
  }
  return out;
}

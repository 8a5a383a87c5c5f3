import { describe, expect, it } from 'vitest';
import type { Link } from '../../../common/schemas/processmaps-conformance.ts';
import { maskFigures } from './conformance-mask.ts';

const timedLink: Link = {
  elementId: 'Task_FirstHub',
  kind: 'meeting',
  ref: 'first_hub',
  fromElementId: 'Task_Placement',
  expectedDays: 14,
  workingDays: false,
  before: false,
};
const raw = (r: Partial<Parameters<typeof maskFigures>[1] & object>) => ({
  elementId: 'Task_FirstHub',
  reached: 0,
  anchored: 0,
  timed: 0,
  onTime: 0,
  p50: null,
  p90: null,
  overdue: 0,
  ...r,
});

describe('the overlay hides what fewer than five children make, and what could be worked out from the rest', () => {
  it('shows counts, days and a colour from five children on each side', () => {
    const f = maskFigures(
      timedLink,
      raw({ reached: 12, anchored: 20, timed: 12, onTime: 7, p50: 6.5, p90: 17.94, overdue: 6 }),
    );
    expect(f).toMatchObject({
      reached: '12',
      onTime: '7',
      late: '5',
      medianDays: 6.5,
      p90Days: 17.9,
      overdue: '6',
      status: 'poor',
    });
  });

  it('all but a few on time: on time and late both "<5", no colour', () => {
    const f = maskFigures(
      timedLink,
      raw({ reached: 30, anchored: 40, timed: 30, onTime: 27, p50: 3, p90: 9, overdue: 0 }),
    );
    expect(f).toMatchObject({
      reached: '30',
      onTime: '<5',
      late: '<5',
      medianDays: 3,
      overdue: '<5',
      status: 'unknown',
    });
  });

  it('overdue beside its anchor: all five placed children overdue would say none reached the meeting', () => {
    const f = maskFigures(timedLink, raw({ reached: 0, anchored: 5, overdue: 5 }));
    expect(f).toMatchObject({ reached: '<5', overdue: '<5', medianDays: null, p90Days: null });
    expect(maskFigures(timedLink, raw({ anchored: 10, overdue: 5 })).overdue).toBe('5');
  });

  it('a time before its anchor: overdue beside the children whose anchor has a date, birthdays ahead too', () => {
    const plan = { ...timedLink, kind: 'plan' as const, ref: 'sip_adopted', fromElementId: 'End_Eighteen' };
    const before = { ...plan, expectedDays: 90, before: true };
    // Six overdue of eight with a birthday known (two still ahead): the two not overdue would be named.
    expect(maskFigures(before, raw({ reached: 3, anchored: 8, overdue: 6 }))).toMatchObject({
      before: true,
      reached: '<5',
      overdue: '<5',
    });
    expect(maskFigures(before, raw({ reached: 5, anchored: 11, overdue: 6 })).overdue).toBe('6');
  });

  it('an element without an expected time shows only how many reached it', () => {
    const plain = { ...timedLink, fromElementId: null, expectedDays: null };
    expect(maskFigures(plain, raw({ reached: 9 }))).toMatchObject({
      reached: '9',
      onTime: null,
      late: null,
      overdue: null,
    });
    expect(maskFigures(plain, undefined)).toMatchObject({ reached: '<5', status: 'unknown' });
  });
});

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
};
const raw = (r: Partial<Parameters<typeof maskFigures>[1] & object>) => ({
  elementId: 'Task_FirstHub',
  reached: 0,
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
      raw({ reached: 12, timed: 12, onTime: 7, p50: 6.5, p90: 17.94, overdue: 6 }),
      raw({ reached: 20 }),
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
      raw({ reached: 30, timed: 30, onTime: 27, p50: 3, p90: 9, overdue: 0 }),
      raw({ reached: 40 }),
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
    const f = maskFigures(timedLink, raw({ reached: 0, overdue: 5 }), raw({ reached: 5 }));
    expect(f).toMatchObject({ reached: '<5', overdue: '<5', medianDays: null, p90Days: null });
    expect(maskFigures(timedLink, raw({ overdue: 5 }), raw({ reached: 10 })).overdue).toBe('5');
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

import type { ElementFigures, Link } from '../../../common/schemas/processmaps-conformance.ts';
import { MIN_CHILDREN } from '../followup/suppress.ts';
import type { RawFigures } from './conformance-repo.ts';

/*
 * Pure: turns the exact counts of one linked element into what the map may
 * show, by the follow-up's rule (`followup/suppress.ts`): a count below five is
 * "<5"; "on time" is "<5" also when fewer than five were late, and then "late"
 * too, since timed − on time would name the few who were; median and p90 only
 * from five timed children or more. "Overdue now" is "<5" also when fewer than five of the children whose time
 * runs (who reached the anchor; for a time before it, whose anchor has a date, an 18th birthday still ahead too)
 * are not overdue: beside the anchor's count it would say how many reached the element (none, say).
 * Nothing here names a child.
 */

const SMALL = `<${MIN_CHILDREN}`;
const count = (n: number) => (n < MIN_CHILDREN ? SMALL : String(n));
const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** Colour bands of the share on time: the legend names them in words and a marker beside the colour. */
export const GOOD_SHARE = 0.9;
export const FAIR_SHARE = 0.7;

export function maskFigures(link: Link, raw: RawFigures | undefined): ElementFigures {
  const r = raw ?? { reached: 0, anchored: 0, timed: 0, onTime: 0, p50: null, p90: null, overdue: 0 };
  const overdueHidden = r.overdue < MIN_CHILDREN || r.anchored - r.overdue < MIN_CHILDREN;
  const timedRule = link.fromElementId !== null && link.expectedDays !== null;
  const late = r.timed - r.onTime;
  const splitHidden = r.onTime < MIN_CHILDREN || late < MIN_CHILDREN;
  const enough = r.timed >= MIN_CHILDREN;
  const share = enough && !splitHidden ? r.onTime / r.timed : null;
  return {
    ...link,
    reached: count(r.reached),
    onTime: timedRule ? (splitHidden ? SMALL : String(r.onTime)) : null,
    late: timedRule ? (splitHidden ? SMALL : String(late)) : null,
    medianDays: timedRule && enough ? round(r.p50) : null,
    p90Days: timedRule && enough ? round(r.p90) : null,
    overdue: timedRule ? (overdueHidden ? SMALL : String(r.overdue)) : null,
    status: share === null ? 'unknown' : share >= GOOD_SHARE ? 'good' : share >= FAIR_SHARE ? 'fair' : 'poor',
  };
}

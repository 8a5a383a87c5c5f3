import type { SQL } from 'drizzle-orm';
import type { FollowupPeriod, IndicatorId, IndicatorUnit } from '../../../../common/schemas/followup.ts';

/** What every indicator's SQL is given: the children in scope and the range asked for. */
export interface IndicatorContext {
  /** A condition on the `children` table: the children of the municipality, organisation or collaboration. */
  inScope: SQL;
  /** First instant of the range and first instant after it (Swedish midnight). */
  from: Date;
  to: Date;
  /** The same range as dates: first day, first day after. */
  fromDay: string;
  toDay: string;
  /** Today in Sweden: what is not yet due is not yet counted. */
  today: string;
  period: FollowupPeriod;
  /** The period label (YYYY-MM or YYYY-Qn) of a local timestamp or date expression. */
  periodOf: (local: SQL) => SQL;
}

/**
 * One indicator. `facts` selects one row per thing counted, with the columns
 * `period` (text), `child_id` (uuid), `hit` (boolean) and `hours` (numeric or
 * null); the engine (`engine.ts`) aggregates them, so an indicator never
 * counts or masks by itself. Its texts (what is counted, from which data, why
 * the guide cares, known limits) live in `common/i18n/areas/followup.*.json`
 * under `followup.indicators.<id>`.
 */
export interface IndicatorDefinition {
  id: IndicatorId;
  unit: IndicatorUnit;
  higherIsBetter: boolean;
  /**
   * How the roll-up turns its monthly facts into quarters (`rollup-repo.ts`):
   * by default every fact counts in the quarter of its month; 'distinct' when
   * `facts` selects distinct rows per period (a child once per period);
   * 'snapshot' when it takes the state at the end of each period.
   */
  shape?: 'distinct' | 'snapshot';
  facts(ctx: IndicatorContext): SQL;
}

import { z } from 'zod';

/**
 * Follow-up (uppföljning, the guide's step 7): indicators counted over the
 * children of a municipality, an organisation or a collaboration. Nothing here
 * names a child; a figure built from fewer than five children is "<5".
 */

/** The indicators, in the order the dashboards show them. Adding one: a file in `indicators/` and its id here. */
export const indicatorIds = [
  'rejection_acknowledged',
  'first_hub_meeting',
  'rejection_with_plan',
  'decisions_on_time',
  'missing_core_role',
  'topics_without_responsible',
  'child_participation',
  'consent_covers_hub',
  'child_questions_overdue',
  'besked_contradictions_open',
  'plan_follow_up_on_time',
] as const;
export const IndicatorId = z.enum(indicatorIds);
export type IndicatorId = z.infer<typeof IndicatorId>;

/** What a figure's value is: a share of 0–1, or a median in working hours. */
export const IndicatorUnit = z.enum(['share', 'working_hours']);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

export const Indicator = z.object({
  id: IndicatorId,
  unit: IndicatorUnit,
  /** Whether a higher value is the better one (for status and trend). */
  higherIsBetter: z.boolean(),
  /** The target the strategic level set, null when none is set. */
  target: z.number().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;
export const IndicatorList = z.object({ items: z.array(Indicator) });

export const followupLevels = ['municipality', 'organisation', 'collaboration'] as const;
export const FollowupLevel = z.enum(followupLevels);
export type FollowupLevel = z.infer<typeof FollowupLevel>;

export const FollowupPeriod = z.enum(['month', 'quarter']);
export type FollowupPeriod = z.infer<typeof FollowupPeriod>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM.');
/** The longest range one request may ask for, in months. */
export const FOLLOWUP_MAX_MONTHS = 36;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

export const FiguresQuery = z
  .object({
    level: FollowupLevel,
    /** The municipality (tenant), organisation or collaboration id. */
    id: z.string().uuid(),
    /** First month, YYYY-MM. */
    from: month,
    /** Last month, YYYY-MM. */
    to: month,
    period: FollowupPeriod.default('month'),
    /** One indicator only; all when absent. */
    indicator: IndicatorId.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from > q.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last month cannot be before the first.' });
    else if (monthIndex(q.to) - monthIndex(q.from) + 1 > FOLLOWUP_MAX_MONTHS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${FOLLOWUP_MAX_MONTHS} months at a time.` });
  });
export type FiguresQuery = z.infer<typeof FiguresQuery>;

/** A count as shown: digits, "<5" (too few children), or "–" (withheld so that "<5" cannot be worked out). */
const Shown = z.string();

export const FigurePoint = z.object({
  /** YYYY-MM, YYYY-Qn, or "total" for the whole range. */
  period: z.string(),
  /** How many children the figure is built from. */
  children: Shown,
  /** The denominator: children, events, decisions or meetings counted. */
  base: Shown,
  /** How many of them met the indicator. */
  hits: Shown,
  /** The share (0–1) or the median in working hours; null when masked or nothing to count. */
  value: z.number().nullable(),
  /** The 90th percentile, for working-hour indicators. */
  p90: z.number().nullable(),
});
export type FigurePoint = z.infer<typeof FigurePoint>;

/** `withheld`: something was counted, but every figure is masked; `no_data`: nothing was counted. */
export const figureStatuses = ['met', 'not_met', 'no_target', 'withheld', 'no_data'] as const;
export const trends = ['better', 'worse', 'same', 'unknown'] as const;

export const Figure = z.object({
  indicator: IndicatorId,
  unit: IndicatorUnit,
  target: z.number().nullable(),
  points: z.array(FigurePoint),
  /** The latest shown value against the target. */
  status: z.enum(figureStatuses),
  /** The latest shown value against the one before it. */
  trend: z.enum(trends),
});
export type Figure = z.infer<typeof Figure>;

export const Figures = z.object({
  level: FollowupLevel,
  id: z.string(),
  period: FollowupPeriod,
  /** The smallest number of children a figure is shown for. */
  minChildren: z.number().int(),
  figures: z.array(Figure),
});
export type Figures = z.infer<typeof Figures>;

/** The children behind one indicator's figures: the same query, with the indicator named. */
export const ChildrenBehindQuery = z
  .object({
    level: FollowupLevel,
    id: z.string().uuid(),
    from: month,
    to: month,
    period: FollowupPeriod.default('month'),
    indicator: IndicatorId,
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'The last month cannot be before the first.' });
export type ChildrenBehindQuery = z.infer<typeof ChildrenBehindQuery>;

export const ChildrenBehind = z.object({
  /** Only children in the reader's own scope; others are simply absent. */
  items: z.array(z.object({ id: z.string().uuid(), displayName: z.string() })),
});

export const TargetParams = z.object({ id: z.string().uuid(), indicator: IndicatorId });
export const TargetBody = z.object({
  /** A share 0–1, or working hours (0–200); null removes the target. */
  target: z.number().min(0).max(200).nullable(),
});
export type TargetBody = z.infer<typeof TargetBody>;
export const Target = z.object({ indicator: IndicatorId, target: z.number().nullable() });

/** The yearly follow-up report of a collaboration, for its strategic group. */
export const YearlyReportParams = z.object({ id: z.string().uuid() });
export const YearlyReportQuery = z.object({
  /** The calendar year reported, compared with the year before. */
  year: z.coerce.number().int().min(2020).max(2100),
  /** The language of the headings. */
  lang: z.enum(['sv', 'en']).default('sv'),
});
export type YearlyReportQuery = z.infer<typeof YearlyReportQuery>;

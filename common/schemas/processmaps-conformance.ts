import { z } from 'zod';
import { eventTypes } from './events.ts';
import { checklistItems } from './hub.ts';
import { childMeetingKinds } from './meetings.ts';

/*
 * The map held against reality: an element of a map version linked to what
 * Navet records about children, with an expected time from an earlier linked
 * element. The overlay is aggregates only; no child is named above the hub.
 */

/** What an element can be linked to: each kind names its own list of records. */
export const linkKinds = ['child', 'event', 'meeting', 'plan', 'checklist'] as const;
export const LinkKind = z.enum(linkKinds);
export type LinkKind = z.infer<typeof LinkKind>;

/**
 * Dates on the child record: arrival, the first placement (the child record's own, or a placement event), and
 * the 18th birthday from the date of birth (reached on the day; as the anchor of a time "before" it, a birthday
 * still to come counts, since a plan is due before it).
 */
export const childMilestones = ['arrival', 'placement', 'turns_18'] as const;
/** Plan milestones: a SIP or I-SIP adopted (its first version), a plan's first follow-up held. */
export const planMilestones = ['isip_adopted', 'sip_adopted', 'follow_up_held'] as const;

/** The records each kind may name; a ref outside its kind's list is a 400 at `body.ref`. */
export const linkRefs: Record<LinkKind, readonly string[]> = {
  child: childMilestones,
  event: eventTypes,
  meeting: childMeetingKinds,
  plan: planMilestones,
  checklist: checklistItems,
};

/** Longest expected time Navet accepts: five years, in days. */
export const EXPECTED_DAYS_MAX = 1_826;

export const LinkBody = z
  .object({
    /** The BPMN id of a task or event in this version. */
    elementId: z.string().trim().min(1).max(200),
    kind: LinkKind,
    /** An event type, meeting kind, plan milestone, checklist item or child milestone, by the kind. */
    ref: z.string().trim().min(1).max(100),
    /** The earlier linked element the expected time runs from; null for none. */
    fromElementId: z.string().trim().min(1).max(200).nullable().default(null),
    /** Days (or working days) from `fromElementId`; required with it. */
    expectedDays: z.number().int().min(0).max(EXPECTED_DAYS_MAX).nullable().default(null),
    /** Count weekdays only (Monday–Friday; public holidays are not known). */
    workingDays: z.boolean().default(false),
    /**
     * The element is expected at least the expected time before `fromElementId` (a plan three months before the
     * 18th birthday), not within it after; needs both.
     */
    before: z.boolean().default(false),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!linkRefs[b.kind].includes(b.ref))
      ctx.addIssue({ code: 'custom', path: ['ref'], message: `Unknown ${b.kind} for a link.` });
    if (b.fromElementId !== null && b.expectedDays === null)
      ctx.addIssue({ code: 'custom', path: ['expectedDays'], message: 'Give the expected time from that element.' });
    if (b.fromElementId === null && b.expectedDays !== null)
      ctx.addIssue({ code: 'custom', path: ['fromElementId'], message: 'Name the element the time runs from.' });
    if (b.fromElementId !== null && b.fromElementId === b.elementId)
      ctx.addIssue({ code: 'custom', path: ['fromElementId'], message: 'An element cannot run from itself.' });
    // With one of the two given, the other's own issue above says what is missing.
    if (b.before && b.fromElementId === null && b.expectedDays === null)
      ctx.addIssue({
        code: 'custom',
        path: ['before'],
        message: 'A time before an element needs the element and the expected time.',
      });
  });
export type LinkBody = z.input<typeof LinkBody>;

export const Link = z.object({
  elementId: z.string(),
  kind: LinkKind,
  ref: z.string(),
  fromElementId: z.string().nullable(),
  expectedDays: z.number().int().nullable(),
  workingDays: z.boolean(),
  before: z.boolean(),
});
export type Link = z.infer<typeof Link>;
export const LinkList = z.object({ links: z.array(Link) });
export type LinkList = z.infer<typeof LinkList>;

export const LinkParams = z.object({
  id: z.string().uuid(),
  mapId: z.string().uuid(),
  number: z.coerce.number().int().min(1).max(1_000_000),
  elementId: z.string().trim().min(1).max(200),
});

/**
 * One linked element's figures over the collaboration's children. Counts are
 * strings: a number, or "<5" when fewer than five children (or fewer than five
 * missing it) make it. Days are null when fewer than five were timed.
 */
export const ElementFigures = z.object({
  elementId: z.string(),
  kind: LinkKind,
  ref: z.string(),
  fromElementId: z.string().nullable(),
  expectedDays: z.number().int().nullable(),
  workingDays: z.boolean(),
  /** The element is expected at least `expectedDays` before `fromElementId`, not within them after. */
  before: z.boolean(),
  reached: z.string(),
  /** Null when the element has no expected time. */
  onTime: z.string().nullable(),
  late: z.string().nullable(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  overdue: z.string().nullable(),
  /** On time among the timed, for the colour: null when hidden or untimed. */
  status: z.enum(['good', 'fair', 'poor', 'unknown']),
});
export type ElementFigures = z.infer<typeof ElementFigures>;

export const Overlay = z.object({
  /** The adopted version the figures are for; null when no version is adopted yet. */
  adoptedNumber: z.number().int().nullable(),
  /** Today in Sweden, the day "overdue now" is judged on. */
  today: z.string(),
  elements: z.array(ElementFigures),
  /** Whether the reader's own child scope holds some of the collaboration's children: the lists behind open. */
  canOpenChildren: z.boolean(),
});
export type Overlay = z.infer<typeof Overlay>;

export const figures = ['reached', 'on_time', 'late', 'overdue'] as const;
export const Figure = z.enum(figures);
export type Figure = z.infer<typeof Figure>;

export const BehindQuery = z.object({ elementId: z.string().trim().min(1).max(200), figure: Figure });
export const ChildrenBehind = z.object({
  items: z.array(z.object({ id: z.string().uuid(), displayName: z.string() })),
});
export type ChildrenBehind = z.infer<typeof ChildrenBehind>;

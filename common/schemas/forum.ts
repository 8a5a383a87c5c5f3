import { z } from 'zod';
import { Version } from './int.ts';
import { limits } from '../limits.ts';
import { Role } from '../roles.ts';
import { CollaborationLevel } from './collaboration.ts';
import { LocalDateTime } from './meetings.ts';
import { Proposal } from './collaboration-roadmap.ts';

/**
 * The operational forum (verksamhetsnivå): questions raised by staff, the
 * routines and guidelines it adopts, its recurring meetings and the
 * representatives' feedback to their staff. Nothing here names a child.
 */

const uuid = z.string().uuid();
const title = z.string().trim().min(1).max(limits.nameMax);
const text = z.string().trim().min(1).max(4000);
const isoDate = z.iso.date();

export const CollaborationParams = z.object({ id: uuid });
export const QuestionParams = z.object({ id: uuid, questionId: uuid });
export const RoutineParams = z.object({ id: uuid, routineId: uuid });
export const SeriesParams = z.object({ id: uuid, seriesId: uuid });
export const ForumMeetingParams = z.object({ id: uuid, meetingId: uuid });

/** open → taken (on a meeting's agenda) → answered | escalated (to the strategic level) → answered. */
export const questionStatuses = ['open', 'taken', 'escalated', 'answered', 'closed'] as const;
export const QuestionStatus = z.enum(questionStatuses);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

/** Where a question came from: the form, or a child's hub as a general question (no child data). */
export const questionOrigins = ['form', 'hub'] as const;
export const QuestionOrigin = z.enum(questionOrigins);
export type QuestionOrigin = z.infer<typeof QuestionOrigin>;

export const QuestionBody = z.object({
  /** The question in a line. */
  title,
  /** What the question is about, without any child's identity. */
  text,
});
export type QuestionBody = z.infer<typeof QuestionBody>;

/** Raised from a child's hub: the child only lets the server refuse the child's name and case number. */
export const GeneralQuestionBody = QuestionBody.extend({
  /** The collaboration whose forum takes the question. */
  collaborationId: uuid,
});
export type GeneralQuestionBody = z.infer<typeof GeneralQuestionBody>;

/** The forum's handling: owner and due date go together, so nothing is owned without a date. */
export const QuestionPatch = z.object({
  ownerUserId: uuid.optional(),
  dueOn: isoDate.optional(),
  /** The answer or decision; setting it answers the question. */
  answer: text.optional(),
  /** The routine the answer led to. */
  routineId: uuid.nullable().optional(),
  status: z.enum(['closed']).optional(),
});
export type QuestionPatch = z.infer<typeof QuestionPatch>;

export const EscalateBody = z.object({ reason: text });
export const TakeBody = z.object({ meetingId: uuid });

export const Question = z.object({
  id: uuid,
  collaborationId: uuid,
  title: z.string(),
  text: z.string(),
  origin: QuestionOrigin,
  level: CollaborationLevel,
  status: QuestionStatus,
  raisedBy: z.object({ id: uuid, name: z.string() }),
  raisedAt: z.string(),
  owner: z.object({ id: uuid, name: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  escalationReason: z.string().nullable(),
  meetingId: uuid.nullable(),
  routineId: uuid.nullable(),
  /** A development proposal made from it (collab-core's register). */
  proposalId: uuid.nullable(),
});
export type Question = z.infer<typeof Question>;
export const QuestionList = z.object({ items: z.array(Question) });
/** A question made a development proposal (step 3): both, linked both ways. */
export const QuestionProposalMade = z.object({ question: Question, proposal: Proposal });

export const QuestionListQuery = z.object({
  level: CollaborationLevel.optional(),
  status: QuestionStatus.optional(),
});

export const RoutineBody = z.object({
  title,
  level: CollaborationLevel,
  /** The roles that must know the routine: their staff confirm reading it. */
  roles: z.array(Role).min(1).max(10),
  /** The text of the first version (a draft until a decision adopts it). */
  text: z.string().trim().min(1).max(50_000),
});
export type RoutineBody = z.infer<typeof RoutineBody>;

export const RoutineVersionBody = z.object({ text: z.string().trim().min(1).max(50_000) });
export const AdoptBody = z.object({
  /** The version to adopt. */
  version: Version,
  /** The decision that adopts it, in words ("Forum 2026-12-03, § 4"). */
  decision: text,
  /** The meeting where the level decided, if recorded in Navet. */
  meetingId: uuid.nullable().default(null),
});
export type AdoptBody = z.infer<typeof AdoptBody>;

export const RoutineVersion = z.object({
  version: z.number().int(),
  text: z.string(),
  adoptedAt: z.string().nullable(),
  adoptedDecision: z.string().nullable(),
});
export const Routine = z.object({
  id: uuid,
  collaborationId: uuid,
  title: z.string(),
  level: CollaborationLevel,
  roles: z.array(Role),
  /** The adopted version staff must read; null until one is adopted. */
  current: RoutineVersion.nullable(),
  versions: z.array(RoutineVersion),
  /** Whether the actor must read it and has read the current version. */
  mustRead: z.boolean(),
  readCurrent: z.boolean(),
});
export type Routine = z.infer<typeof Routine>;
export const RoutineList = z.object({ items: z.array(Routine) });

export const Unread = z.object({
  items: z.array(
    z.object({
      routineId: uuid,
      title: z.string(),
      version: z.number().int(),
      users: z.array(z.object({ id: uuid, name: z.string() })),
    }),
  ),
});

export const seriesFrequencies = ['weekly', 'monthly'] as const;
export const SeriesBody = z.object({
  level: CollaborationLevel,
  title,
  /** The first meeting, Swedish local time. */
  startsAt: LocalDateTime,
  durationMinutes: z.number().int().min(15).max(480),
  frequency: z.enum(seriesFrequencies),
  /** Every n weeks or months. */
  interval: z.number().int().min(1).max(12).default(1),
  /** How many meetings the series holds. */
  count: z.number().int().min(1).max(24),
  location: z.string().trim().max(300).nullable().default(null),
});
export type SeriesBody = z.infer<typeof SeriesBody>;

export const ForumMeeting = z.object({
  id: uuid,
  title: z.string(),
  kind: z.enum(['operational_forum', 'strategic']),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  seriesId: uuid.nullable(),
});
export const Series = z.object({
  id: uuid,
  level: CollaborationLevel,
  title: z.string(),
  rrule: z.string(),
  meetings: z.array(ForumMeeting),
});
export const SeriesList = z.object({ items: z.array(Series) });

export const FeedbackBody = z.object({
  /** What the representative fed back, briefly (optional). */
  note: z.string().trim().max(2000).nullable().default(null),
});
export const FeedbackState = z.object({
  meetingId: uuid,
  representatives: z.array(z.object({ id: uuid, name: z.string(), confirmedAt: z.string().nullable() })),
});

export const WhenQuery = z.object({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming') });
export const ForumMeetingList = z.object({ items: z.array(ForumMeeting.extend({ collaborationId: uuid.optional() })) });

/** The levels' part of the start page. */
/** What the actor may do in one collaboration; the server checks again on every request. */
export const LevelAbilities = z.object({
  runForum: z.boolean(),
  runStrategic: z.boolean(),
  needs: z.boolean(),
  staffReads: z.boolean(),
  feedback: z.boolean(),
});
export type LevelAbilities = z.infer<typeof LevelAbilities>;

export const LevelsStart = z.object({
  collaborations: z.array(z.object({ id: uuid, name: z.string(), abilities: LevelAbilities })),
  routinesToRead: z.array(Routine),
  upcoming: z.array(ForumMeeting),
  /** Set for managers. */
  manager: z
    .object({
      questions: z.array(Question),
      unread: Unread.shape.items,
      decisions: z.array(
        z.object({ id: uuid, text: z.string(), dueOn: z.string(), meetingId: uuid, overdue: z.boolean() }),
      ),
    })
    .nullable(),
});
export type LevelsStart = z.infer<typeof LevelsStart>;

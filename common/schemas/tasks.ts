import { z } from 'zod';
import { DeadlineKind } from './events.ts';
import { MeetingKind, ParticipantResponse } from './meetings.ts';
import { Notification } from './notifications.ts';
import { PlanKind } from './plans.ts';

/** What lands on a user's task list. */
export const taskKinds = ['decision', 'question', 'invitation', 'deadline'] as const;
export const TaskKind = z.enum(taskKinds);
export type TaskKind = z.infer<typeof TaskKind>;

export const Task = z.object({
  kind: TaskKind,
  id: z.string().uuid(),
  /** The decision or question; the meeting's title for an invitation; the kind's key for a deadline. */
  text: z.string(),
  /** For a deadline of the child's case (appeal, departure, turning 18): the client names it. */
  deadlineKind: DeadlineKind.nullable(),
  /** The due date; for an invitation, the meeting's day. */
  dueOn: z.string(),
  overdue: z.boolean(),
  child: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
  /** The client path where the task is handled. */
  link: z.string(),
  /** Where it came from: the meeting of a decision or invitation. */
  meeting: z.object({ id: z.string().uuid(), title: z.string(), startsAt: z.string() }).nullable(),
});
export type Task = z.infer<typeof Task>;

export const TaskList = z.object({
  /** Overdue first, then by due date. */
  items: z.array(Task),
  overdueCount: z.number().int(),
});
export type TaskList = z.infer<typeof TaskList>;

/** A meeting on the start page: this week's, with the user's own answer. */
export const TodayMeeting = z.object({
  id: z.string().uuid(),
  kind: MeetingKind,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['planned', 'in_progress']),
  child: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
  /** The user's answer to the invitation; null when they organise it and are not on the list. */
  myResponse: ParticipantResponse.nullable(),
  /** Whether the user organises it. */
  organiser: z.boolean(),
});
export type TodayMeeting = z.infer<typeof TodayMeeting>;

/** A plan in force whose follow-up the user holds, due soon or passed. */
export const TodayPlan = z.object({
  id: z.string().uuid(),
  kind: PlanKind,
  followUpOn: z.string(),
  overdue: z.boolean(),
  child: z.object({ id: z.string().uuid(), displayName: z.string() }),
});
export type TodayPlan = z.infer<typeof TodayPlan>;

/** A sampled log review the user (a manager or tenant admin) is to close: open, overdue first. */
export const TodayReview = z.object({
  id: z.string().uuid(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  samples: z.number().int(),
  decided: z.number().int(),
});
export type TodayReview = z.infer<typeof TodayReview>;

/**
 * The start page's day, in one request: what needs doing, each with the place
 * where it is done. Every list holds only children in the user's scope.
 */
export const Today = z.object({
  /** Today's date in Sweden, against which "overdue" was judged. */
  today: z.string(),
  /** How far ahead each list looks, in days, so the page can say so. */
  horizons: z.object({ deadlines: z.number().int(), tasks: z.number().int(), plans: z.number().int() }),
  /** Unread notices and urgent ones not yet acknowledged, urgent first; at most a few. */
  notices: z.array(Notification),
  unreadCount: z.number().int(),
  /** Open deadlines of the case (appeal, departure, turning 18) for the core three, passed ones first. */
  deadlines: z.array(Task),
  /** Decisions the user owns and questions they raise with a child: overdue or due soon, overdue first. */
  due: z.array(Task),
  /** Meetings from today through the next seven days that the user organises or is invited to. */
  meetings: z.array(TodayMeeting),
  /** Plans whose follow-up the user holds, due soon or passed. */
  plans: z.array(TodayPlan),
  /**
   * Meetings Navet drafted after an event (a changed wellbeing) that the user organises, whatever their
   * date: unresolved until held or cancelled with a reason.
   */
  proposals: z.array(TodayMeeting),
  /** Open sampled log reviews of the user's organisations (the municipality's, for a tenant admin). */
  reviews: z.array(TodayReview),
});
export type Today = z.infer<typeof Today>;

import { z } from 'zod';
import { DeadlineKind } from './events.ts';

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

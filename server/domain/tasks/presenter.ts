import { DeadlineKind } from '../../../common/schemas/events.ts';
import type { Task } from '../../../common/schemas/tasks.ts';
import { dayOf } from '../meetings/stockholm.ts';
import type * as repo from './repo.ts';

type Rows<F extends (...args: never[]) => PromiseLike<unknown[]>> = Awaited<ReturnType<F>>[number];

const child = (id: string | null, name: string | null) => (id && name ? { id, displayName: name } : null);
const meetingRef = (m: { id: string; title: string; startsAt: Date }) => ({
  id: m.id,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
});

export function decisionTask({ d, m, childName }: Rows<typeof repo.ownDecisions>, today: string): Task {
  return {
    kind: 'decision',
    id: d.id,
    text: d.text,
    deadlineKind: null,
    dueOn: d.dueOn,
    overdue: d.dueOn < today,
    child: child(d.childId, childName),
    link: `/meetings/${m.id}`,
    meeting: meetingRef(m),
  };
}

/** Only for a question the sharing rule lets the reader see: the caller filters on `shared`. */
export function questionTask({ q, childName }: Rows<typeof repo.ownQuestions>, today: string): Task {
  return {
    kind: 'question',
    id: q.id,
    text: q.text,
    deadlineKind: null,
    dueOn: q.dueOn,
    overdue: q.dueOn < today,
    child: child(q.childId, childName),
    // The anchor opens the child page's questions view (app/components/hub/sections.ts), not its first view.
    link: `/children/${q.childId}#questions`,
    meeting: null,
  };
}

export function invitationTask({ m, childName }: Rows<typeof repo.pendingInvitations>): Task {
  return {
    kind: 'invitation',
    id: m.id,
    text: m.title,
    deadlineKind: null,
    dueOn: dayOf(m.startsAt),
    overdue: false,
    child: child(m.childId, childName),
    link: `/meetings/${m.id}`,
    meeting: meetingRef(m),
  };
}

export function deadlineTask({ d, childName }: Rows<typeof repo.coreDeadlines>, today: string): Task {
  return {
    kind: 'deadline',
    id: d.id,
    text: d.kind,
    deadlineKind: DeadlineKind.parse(d.kind),
    dueOn: d.dueOn,
    overdue: d.dueOn < today,
    child: child(d.childId, childName),
    link: `/children/${d.childId}`,
    meeting: null,
  };
}

/** Overdue first, then by due date. */
export const byUrgency = (a: Task, b: Task): number =>
  Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn);

/** The children a list names, once each: one audit row per child, as every list read. */
export const childIdsOf = (items: { child: { id: string } | null }[]): string[] => [
  ...new Set(items.map((i) => i.child?.id).filter((id): id is string => Boolean(id))),
];

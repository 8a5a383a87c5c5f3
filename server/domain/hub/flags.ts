import { coreHubRoles, todayInSweden, type ChildFlags } from '../../../common/schemas/children.ts';
import { defaultTopics } from '../../../common/schemas/hub.ts';
import type { Db } from '../../db/connect.ts';
import type { HubMemberRow } from '../children/repo.ts';
import { checklistOpen, isOverdue } from './presenter.ts';
import * as repo from './repo.ts';
import { inTurn } from '../../db/in-turn.ts';

/**
 * The warnings of each child, in a handful of queries for a whole page of a
 * list. `members` are the open memberships of those children.
 */
export async function flagsFor(
  db: Db,
  tenantId: string,
  childIds: string[],
  members: HubMemberRow[],
): Promise<Map<string, ChildFlags>> {
  const [tenantTopics, assignments, outcomes, questions, contradictions] = await inTurn(
    () => repo.listTenantTopics(db, tenantId, { includeArchived: false }),
    () => repo.assignmentsFor(db, childIds),
    () => repo.outcomesFor(db, childIds),
    // All open questions, shared with the reader or not: the flags are counts, and a count
    // discloses no content, while a hidden overdue question must still raise the alarm.
    () => repo.questionsFor(db, childIds, 'open'),
    () => repo.openContradictionsFor(db, childIds),
  );
  return flagsFrom({ tenantTopics, assignments, outcomes, questions, contradictions }, childIds, members);
}

/** What the flags are counted from, for the given children (open questions only). */
export interface FlagData {
  tenantTopics: Pick<repo.TenantTopicRow, 'id'>[];
  assignments: repo.AssignmentRow[];
  outcomes: repo.OutcomeRow[];
  questions: Pick<repo.QuestionRow, 'childId' | 'status' | 'dueOn' | 'ownerMemberId'>[];
  /** One row per open besked contradiction (until the hub agrees its line on the topic); flagged per topic. */
  contradictions: { childId: string; topic: string }[];
}

/** The flags from data already loaded (the child's overview reads it in its one statement). */
export function flagsFrom(
  { tenantTopics, assignments, outcomes, questions, contradictions }: FlagData,
  childIds: string[],
  members: HubMemberRow[],
): Map<string, ChildFlags> {
  const topicKeys = [...defaultTopics, ...tenantTopics.map((t) => t.id)];
  const today = todayInSweden();
  const flags = new Map<string, ChildFlags>();
  for (const childId of childIds) {
    const mine = members.filter((m) => m.childId === childId);
    const active = new Set(mine.map((m) => m.id));
    const roles = new Set(mine.map((m) => m.hubRole));
    const assigned = new Set(
      assignments
        .filter((a) => a.childId === childId && a.responsibleMemberId && active.has(a.responsibleMemberId))
        .map((a) => a.topic),
    );
    const open = questions.filter((q) => q.childId === childId);
    const f = {
      missingCoreRoles: coreHubRoles.some((r) => !roles.has(r)),
      topicsWithoutResponsible: topicKeys.filter((k) => !assigned.has(k)).length,
      firstMeetingOpen: checklistOpen(outcomes.filter((o) => o.childId === childId)),
      overdueQuestions: open.filter((q) => isOverdue(q, today)).length,
      questionsWithoutOwner: open.filter((q) => !active.has(q.ownerMemberId)).length,
      beskedContradictions: new Set(contradictions.filter((c) => c.childId === childId).map((c) => c.topic)).size,
    };
    flags.set(childId, {
      ...f,
      attention:
        f.missingCoreRoles ||
        f.topicsWithoutResponsible > 0 ||
        f.firstMeetingOpen ||
        f.overdueQuestions > 0 ||
        f.questionsWithoutOwner > 0 ||
        f.beskedContradictions > 0,
    });
  }
  return flags;
}

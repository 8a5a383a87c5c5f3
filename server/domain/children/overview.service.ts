import type { ChildOverview } from '../../../common/schemas/overview.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { presentDeadline } from '../events/presenter.ts';
import { flagsFrom } from '../hub/flags.ts';
import { presentHub } from '../hub/members.service.ts';
import { canEditQuestion } from '../hub/policy.ts';
import { presentQuestion } from '../hub/presenter.ts';
import { canSchedule } from '../meetings/policy.ts';
import { presentSummary as presentMeeting } from '../meetings/presenter.ts';
import { sharingEntries } from '../sharing/audit.ts';
import { accessFrom } from './access.ts';
import { overviewRows } from './overview-repo.ts';
import { can } from './policy.ts';
import { presentDetail } from './presenter.ts';

/**
 * What the child page shows first: the child with its flags, its hub, and for a reader who sees the
 * child in full its open deadlines, upcoming meetings and questions, each part as its own endpoint
 * answers it. One read statement (overview-repo.ts) and one audit row, and no transaction: a single
 * statement reads one snapshot, and the answer leaves only after its audit row is written.
 */
export async function childOverview(deps: Deps, actor: Actor, childId: string): Promise<ChildOverview> {
  const rows = await overviewRows(deps.db, actor, childId);
  if (!rows) throw errors.notFound('child');
  const a = accessFrom(actor, rows.child, rows.members);
  const full = a.view === 'full';
  const flags = flagsFrom(
    {
      tenantTopics: rows.tenantTopics,
      assignments: rows.assignments,
      outcomes: rows.outcomes,
      questions: rows.openQuestions,
      contradictions: rows.contradictions,
    },
    [childId],
    rows.members,
  ).get(childId)!;
  const owners = new Map(rows.named.map((n) => [n.member.id, n]));
  const active = new Map(a.members.map((m) => [m.id, m]));
  const readQuestions = can(a, 'readQuestions');
  const overview: ChildOverview = {
    child: presentDetail(a, flags, rows.placementName),
    hub: presentHub(a, rows.named),
    deadlines: full ? { items: rows.deadlines.map((d) => presentDeadline(d, rows.child.displayName)) } : null,
    upcomingMeetings: full
      ? {
          items: rows.meetings.map((m) => presentMeeting(m.row, m.openDecisions, m.mine)),
          abilities: { schedule: canSchedule(actor, a) },
        }
      : null,
    questions: readQuestions
      ? {
          items: rows.questions.map((q) =>
            presentQuestion(q, owners.get(q.ownerMemberId)!, canEditQuestion(a, active.get(q.ownerMemberId))),
          ),
          someWithheld: rows.withheldQuestions.length > 0,
        }
      : null,
  };
  // Last, and one row: what was shown, and the questions' shares and withholdings the separate reads log as rows.
  const sharing = readQuestions
    ? sharingEntries({
        grants: rows.grants,
        purpose: 'hub',
        entity: 'hub_questions',
        entityId: childId,
        shown: rows.questions.map((q) => ({ owner: q.ownerOrganisationId, category: q.category })),
        withheld: rows.withheldQuestions,
      }).map((e) => ({ action: e.action, ...e.detail }))
    : [];
  await audit(deps.db, {
    action: 'child.overview_read',
    entity: 'child',
    entityId: childId,
    childId,
    detail: {
      view: a.view,
      caseNumberInFull: full && can(a, 'seeCaseNumber'),
      parts: Object.entries(overview)
        .filter(([, part]) => part !== null)
        .map(([name]) => name),
      ...(sharing.length > 0 ? { sharing } : {}),
    },
  });
  return overview;
}

import { todayInSweden } from '../../../../common/schemas/children.ts';
import { hasRole, type Actor } from '../../../context.ts';
import type { Deps } from '../../../deps.ts';
import { audit } from '../../../audit/write.ts';
import { visibleCollaborationIds } from '../repo.ts';
import { can, isStaff, loadLevels, managedOrganisations } from './policy.ts';
import { presentMeeting, presentQuestion } from './presenter.ts';
import * as repo from './repo.ts';
import { presentRoutines, unreadByStaff } from './routines.service.ts';

/**
 * What the start page shows of the levels: for every staff member the routines
 * to read; for a manager also their staff's questions, who of their staff has
 * not read a routine, and the decisions the manager owns.
 */
export async function levelsStart(deps: Deps, actor: Actor) {
  return deps.db.transaction(async (tx) => {
    const ids = isStaff(actor) ? await visibleCollaborationIds(tx, actor) : [];
    const collaborations = [];
    for (const c of await repo.collaborationNames(tx, ids)) {
      const a = await loadLevels(tx, actor, c.id);
      collaborations.push({
        ...c,
        abilities: {
          runForum: can(a, 'runForum'),
          runStrategic: can(a, 'runStrategic'),
          needs: can(a, 'needs'),
          staffReads: can(a, 'staffReads'),
          feedback: can(a, 'feedback'),
        },
      });
    }
    const routines = (await presentRoutines(tx, actor, await repo.routinesOf(tx, ids))).filter(
      (r) => r.mustRead && !r.readCurrent,
    );
    let manager = null;
    if (hasRole(actor, 'manager') && ids.length > 0) {
      const staff = await repo.staffWithRoles(tx, managedOrganisations(actor));
      const staffIds = [...new Set(staff.map((s) => s.id))].filter((u) => u !== actor.userId);
      const questions = await repo.questionsRaisedBy(tx, ids, staffIds);
      const names = await repo.userNames(
        tx,
        questions.flatMap((q) => [q.raisedBy, q.ownerUserId]),
      );
      const today = todayInSweden();
      manager = {
        questions: questions.map((q) => presentQuestion(q, names)),
        unread: await unreadByStaff(tx, actor, ids),
        decisions: (await repo.ownedLevelDecisions(tx, actor.userId)).map((d) => ({
          ...d,
          overdue: d.dueOn < today,
        })),
      };
    }
    const upcoming = (await repo.levelMeetings(tx, ids, 'upcoming')).slice(0, 5).map(presentMeeting);
    await audit(tx, { action: 'levels.start', entity: 'user', entityId: actor.userId });
    return { collaborations, routinesToRead: routines, upcoming, manager };
  });
}

/** `GET /api/meetings`: the meetings of the collaborations the actor takes part in (never a child's). */
export async function listLevelMeetings(deps: Deps, actor: Actor, when: 'upcoming' | 'past' | 'all') {
  return deps.db.transaction(async (tx) => {
    const ids = isStaff(actor) ? await visibleCollaborationIds(tx, actor) : [];
    const rows = await repo.levelMeetings(tx, ids, when);
    await audit(tx, { action: 'meeting.list', entity: 'user', entityId: actor.userId });
    return { items: rows.map((m) => ({ ...presentMeeting(m), collaborationId: m.collaborationId! })) };
  });
}

import { eq } from 'drizzle-orm';
import { MeetingBody } from '../../../common/schemas/meetings.ts';
import type { InvitationsBody, Plan } from '../../../common/schemas/plans.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { insertParticipants } from '../meetings/repo.ts';
import { createMeeting } from '../meetings/service.ts';
import { notify } from '../../notify/index.ts';
import { consentHolds } from './adoption-rules.ts';
import { authorize, loadPlan } from './policy.ts';
import { presentPlan } from './presenter.ts';
import * as repo from './repo.ts';
import { planMeetings, planParticipants, plans } from './tables.ts';

/**
 * The invitation step. Nothing goes out without the child's valid consent for
 * the plan. The SIP meeting is scheduled through the meetings machinery (kind
 * 'sip', in a savepoint of this transaction); users are added to it here so
 * that each is told with the right kind of invitation: a summons (kallelse)
 * for principals, an invitation (inbjudan) for the others.
 */
export async function sendInvitations(deps: Deps, actor: Actor, id: string, body: InvitationsBody): Promise<Plan> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'invite');
    const { plan } = pa;
    const participants = await repo.participantsOf(tx, id);
    const issues: Issue[] = [];
    if (!(await consentHolds(tx, plan)))
      issues.push({
        path: 'plan.consentId',
        message: 'No invitations go out without the child’s valid consent for the plan.',
      });
    if (participants.length === 0) issues.push({ path: 'plan.participants', message: 'Name whom to call first.' });
    if (issues.length > 0) throw errors.validation(issues, 'The invitations cannot go out yet.');

    const meeting = await createMeeting(
      { ...deps, db: tx },
      actor,
      MeetingBody.parse({
        kind: 'sip',
        childId: plan.childId,
        title: body.title,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        location: body.location,
        guests: participants
          .filter((p) => !p.userId)
          .map((p) => ({ name: p.name ?? '—', organisation: p.organisationName })),
      }),
    );
    const users = participants.filter((p) => p.userId && p.userId !== actor.userId);
    if (users.length > 0)
      await insertParticipants(
        tx,
        users.map((p) => ({ tenantId: plan.tenantId, meetingId: meeting.id, userId: p.userId })),
      );
    const now = new Date();
    await tx.insert(planMeetings).values({ planId: id, meetingId: meeting.id, tenantId: plan.tenantId });
    await tx.update(planParticipants).set({ invitedAt: now }).where(eq(planParticipants.planId, id));
    await tx
      .update(plans)
      .set({ invitationsSentAt: now, version: plan.version + 1, updatedAt: now })
      .where(eq(plans.id, id));
    for (const kind of ['summons', 'invitation'] as const) {
      const to = users.filter((p) => p.kind === kind).map((p) => p.userId!);
      await notify(tx, {
        tenantId: plan.tenantId,
        userIds: to,
        kind: `plan.${kind}`,
        childId: plan.childId,
        params: { planId: id, planKind: plan.kind, meetingId: meeting.id, startsAt: meeting.startsAt },
        link: `/meetings/${meeting.id}`,
        urgency: 'normal',
        sourceId: id,
      });
    }
    await audit(tx, {
      action: 'plan.invitations_sent',
      entity: 'plan',
      entityId: id,
      childId: plan.childId,
      detail: {
        meetingId: meeting.id,
        summoned: participants.filter((p) => p.kind === 'summons').length,
        invited: participants.filter((p) => p.kind === 'invitation').length,
      },
    });
    const fresh = await repo.findPlan(tx, plan.tenantId, id);
    return presentPlan(tx, { ...pa, plan: fresh! });
  });
}

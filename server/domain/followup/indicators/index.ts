import type { IndicatorId } from '../../../../common/schemas/followup.ts';
import { beskedContradictionsOpen } from './besked-contradictions-open.ts';
import { childParticipation } from './child-participation.ts';
import { childQuestionsOverdue } from './child-questions-overdue.ts';
import { consentCoversHub } from './consent-covers-hub.ts';
import { decisionsOnTime } from './decisions-on-time.ts';
import { firstHubMeeting } from './first-hub-meeting.ts';
import { missingCoreRole } from './missing-core-role.ts';
import { planFollowUpOnTime } from './plan-follow-up-on-time.ts';
import { rejectionAcknowledged } from './rejection-acknowledged.ts';
import { rejectionWithPlan } from './rejection-with-plan.ts';
import { topicsWithoutResponsible } from './topics-without-responsible.ts';
import type { IndicatorDefinition } from './types.ts';

/** The one list of indicators: adding one is a file beside this and a line here (and its id in the schema). */
export const indicators: Record<IndicatorId, IndicatorDefinition> = {
  rejection_acknowledged: rejectionAcknowledged,
  first_hub_meeting: firstHubMeeting,
  rejection_with_plan: rejectionWithPlan,
  decisions_on_time: decisionsOnTime,
  missing_core_role: missingCoreRole,
  topics_without_responsible: topicsWithoutResponsible,
  child_participation: childParticipation,
  consent_covers_hub: consentCoversHub,
  child_questions_overdue: childQuestionsOverdue,
  besked_contradictions_open: beskedContradictionsOpen,
  plan_follow_up_on_time: planFollowUpOnTime,
};

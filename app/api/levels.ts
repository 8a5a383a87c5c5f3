import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  FeedbackState,
  ForumMeetingList,
  LevelsStart,
  Question,
  QuestionList,
  QuestionProposalMade,
  Routine,
  RoutineList,
  Series,
  Unread,
  type AdoptBody,
  type GeneralQuestionBody,
  type QuestionBody,
  type QuestionPatch,
  type RoutineBody,
  type SeriesBody,
} from '../../common/schemas/forum.ts';
import {
  Agreement,
  AgreementList,
  Barrier,
  BarrierList,
  BarrierProposalMade,
  Evaluation,
  EvaluationList,
  NeedsMapping,
  type AgreementBody,
  type BarrierBody,
  type BarrierPatch,
  type EvaluationBody,
} from '../../common/schemas/strategic.ts';
import { call } from './client.ts';

/** Everything of one collaboration hangs under ['levels', id], so one write refreshes it all. */
export const levelKeys = {
  all: ['levels'] as const,
  start: () => [...levelKeys.all, 'start'] as const,
  collaboration: (id: string) => [...levelKeys.all, 'collaboration', id] as const,
  questions: (id: string) => [...levelKeys.collaboration(id), 'questions'] as const,
  routines: (id: string) => [...levelKeys.collaboration(id), 'routines'] as const,
  unread: (id: string) => [...levelKeys.collaboration(id), 'unread'] as const,
  meetings: (id: string, when: string) => [...levelKeys.collaboration(id), 'meetings', when] as const,
  feedback: (id: string, meetingId: string) => [...levelKeys.collaboration(id), 'feedback', meetingId] as const,
  barriers: (id: string) => [...levelKeys.collaboration(id), 'barriers'] as const,
  agreements: (id: string) => [...levelKeys.collaboration(id), 'agreements'] as const,
  evaluations: (id: string) => [...levelKeys.collaboration(id), 'evaluations'] as const,
  needs: (id: string) => [...levelKeys.collaboration(id), 'needs'] as const,
};

const base = (id: string) => `/api/collaborations/${encodeURIComponent(id)}`;

export function useLevelsStart() {
  return useQuery({
    queryKey: levelKeys.start(),
    queryFn: ({ signal }) => call(LevelsStart, 'GET', '/api/levels/start', { signal }),
  });
}

/** A write in a collaboration refreshes the collaboration and the start page. */
function useLevelMutation<V, R>(id: string, fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: levelKeys.collaboration(id) });
      void queryClient.invalidateQueries({ queryKey: levelKeys.start() });
    },
  });
}

function useList<S extends z.ZodType>(schema: S, key: readonly unknown[], path: string, enabled = true) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => call(schema, 'GET', path, { signal }),
    enabled,
  });
}

export const useQuestions = (id: string) => useList(QuestionList, levelKeys.questions(id), `${base(id)}/questions`);
export const useRoutines = (id: string) => useList(RoutineList, levelKeys.routines(id), `${base(id)}/routines`);
export const useUnread = (id: string, enabled: boolean) =>
  useList(Unread, levelKeys.unread(id), `${base(id)}/routines/unread`, enabled);
export const useLevelMeetings = (id: string, when: 'upcoming' | 'past') =>
  useList(ForumMeetingList, levelKeys.meetings(id, when), `${base(id)}/meetings?when=${when}`);
export const useFeedback = (id: string, meetingId: string) =>
  useList(FeedbackState, levelKeys.feedback(id, meetingId), `${base(id)}/meetings/${meetingId}/feedback`);
export const useBarriers = (id: string) => useList(BarrierList, levelKeys.barriers(id), `${base(id)}/barriers`);
export const useAgreements = (id: string) => useList(AgreementList, levelKeys.agreements(id), `${base(id)}/agreements`);
export const useEvaluations = (id: string) =>
  useList(EvaluationList, levelKeys.evaluations(id), `${base(id)}/evaluations`);
export const useNeeds = (id: string, enabled: boolean) =>
  useList(NeedsMapping, levelKeys.needs(id), `${base(id)}/needs-mapping`, enabled);

export const useRaiseQuestion = (id: string) =>
  useLevelMutation(id, (body: QuestionBody) => call(Question, 'POST', `${base(id)}/questions`, { body }));
export const usePatchQuestion = (id: string) =>
  useLevelMutation(id, ({ questionId, body }: { questionId: string; body: QuestionPatch }) =>
    call(Question, 'PATCH', `${base(id)}/questions/${questionId}`, { body }),
  );
export const useEscalateQuestion = (id: string) =>
  useLevelMutation(id, ({ questionId, reason }: { questionId: string; reason: string }) =>
    call(Question, 'POST', `${base(id)}/questions/${questionId}/escalate`, { body: { reason } }),
  );
/** "Make it a development proposal": the question goes to step 3's register, linked both ways. */
export const useProposeQuestion = (id: string) =>
  useLevelMutation(id, (questionId: string) =>
    call(QuestionProposalMade, 'POST', `${base(id)}/questions/${questionId}/proposal`),
  );
export const useTakeQuestion = (id: string) =>
  useLevelMutation(id, ({ questionId, meetingId }: { questionId: string; meetingId: string }) =>
    call(Question, 'POST', `${base(id)}/questions/${questionId}/take`, { body: { meetingId } }),
  );
export const useCreateRoutine = (id: string) =>
  useLevelMutation(id, (body: RoutineBody) => call(Routine, 'POST', `${base(id)}/routines`, { body }));
export const useAdoptRoutine = (id: string) =>
  useLevelMutation(id, ({ routineId, body }: { routineId: string; body: AdoptBody }) =>
    call(Routine, 'POST', `${base(id)}/routines/${routineId}/adopt`, { body }),
  );
export const useConfirmRead = (id: string) =>
  useLevelMutation(id, (routineId: string) => call(Routine, 'POST', `${base(id)}/routines/${routineId}/read`));
export const useCreateSeries = (id: string) =>
  useLevelMutation(id, (body: SeriesBody) => call(Series, 'POST', `${base(id)}/series`, { body }));
export const useConfirmFeedback = (id: string) =>
  useLevelMutation(id, (meetingId: string) =>
    call(FeedbackState, 'POST', `${base(id)}/meetings/${meetingId}/feedback`, { body: { note: null } }),
  );
export const useCreateBarrier = (id: string) =>
  useLevelMutation(id, (body: BarrierBody) => call(Barrier, 'POST', `${base(id)}/barriers`, { body }));
export const usePatchBarrier = (id: string) =>
  useLevelMutation(id, ({ barrierId, body }: { barrierId: string; body: BarrierPatch }) =>
    call(Barrier, 'PATCH', `${base(id)}/barriers/${barrierId}`, { body }),
  );
export const useEscalateBarrier = (id: string) =>
  useLevelMutation(id, (barrierId: string) => call(Barrier, 'POST', `${base(id)}/barriers/${barrierId}/escalate`));
/** "Make it a development proposal": the barrier goes to step 3's register, linked both ways. */
export const useProposeBarrier = (id: string) =>
  useLevelMutation(id, (barrierId: string) =>
    call(BarrierProposalMade, 'POST', `${base(id)}/barriers/${barrierId}/proposal`),
  );
export const useCreateAgreement = (id: string) =>
  useLevelMutation(id, (body: AgreementBody) => call(Agreement, 'POST', `${base(id)}/agreements`, { body }));
export const useCreateEvaluation = (id: string) =>
  useLevelMutation(id, (body: EvaluationBody) => call(Evaluation, 'POST', `${base(id)}/evaluations`, { body }));

/** "Raise as a general question" from a child's hub: the answer carries nothing of the child. */
export function useRaiseGeneralQuestion(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GeneralQuestionBody) =>
      call(Question, 'POST', `/api/children/${encodeURIComponent(childId)}/general-questions`, { body }),
    onSuccess: (q) => {
      void queryClient.invalidateQueries({ queryKey: levelKeys.collaboration(q.collaborationId) });
    },
  });
}

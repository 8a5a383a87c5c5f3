import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Candidates,
  Collaboration,
  CollaborationList,
  InvitationAnswer,
  MunicipalityDirectory,
  type PartyBody,
  type PersonBody,
} from '../../../common/schemas/collaboration-core.ts';
import {
  DecisionList,
  Proposal,
  ProposalList,
  ReviewList,
  Roadmap,
  Step,
  type DecisionBody,
  type ProposalBody,
  type ProposalPatch,
  type ReviewRecordBody,
  type StepBody,
} from '../../../common/schemas/collaboration-roadmap.ts';
import { Governance, GovernanceVersion, type DraftBody, type SignOffBody } from '../../../common/schemas/governance.ts';
import { call } from '../../api/client.ts';

/** Key factories of the collaboration's data; a write refreshes everything of its collaboration. */
export const collaborationKeys = {
  all: ['collaborations'] as const,
  list: () => [...collaborationKeys.all, 'list'] as const,
  one: (id: string) => [...collaborationKeys.all, 'one', id] as const,
  part: (id: string, part: string) => [...collaborationKeys.one(id), part] as const,
  directory: (q: string) => [...collaborationKeys.all, 'directory', q] as const,
  candidates: (id: string, q: string) => [...collaborationKeys.one(id), 'candidates', q] as const,
};

const base = (id: string) => `/api/collaborations/${encodeURIComponent(id)}`;

export const useCollaborations = () =>
  useQuery({
    queryKey: collaborationKeys.list(),
    queryFn: ({ signal }) => call(CollaborationList, 'GET', '/api/collaborations', { signal }),
  });

export const useCollaboration = (id: string) =>
  useQuery({
    queryKey: collaborationKeys.one(id),
    queryFn: ({ signal }) => call(Collaboration, 'GET', base(id), { signal }),
  });

export const useRoadmap = (id: string) =>
  useQuery({
    queryKey: collaborationKeys.part(id, 'steps'),
    queryFn: ({ signal }) => call(Roadmap, 'GET', `${base(id)}/steps`, { signal }),
  });

export const useDecisions = (id: string) =>
  useQuery({
    queryKey: collaborationKeys.part(id, 'decisions'),
    queryFn: ({ signal }) => call(DecisionList, 'GET', `${base(id)}/decisions`, { signal }),
  });

export const useProposals = (id: string) =>
  useQuery({
    queryKey: collaborationKeys.part(id, 'proposals'),
    queryFn: ({ signal }) => call(ProposalList, 'GET', `${base(id)}/proposals`, { signal }),
  });

export const useReviews = (id: string) =>
  useQuery({
    queryKey: collaborationKeys.part(id, 'reviews'),
    queryFn: ({ signal }) => call(ReviewList, 'GET', `${base(id)}/reviews`, { signal }),
  });

export const useGovernance = (id: string) =>
  useQuery({
    queryKey: collaborationKeys.part(id, 'governance'),
    queryFn: ({ signal }) => call(Governance, 'GET', `${base(id)}/governance`, { signal }),
  });

export const useDirectory = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: collaborationKeys.directory(q),
    queryFn: ({ signal }) =>
      call(MunicipalityDirectory, 'GET', '/api/collaborations/municipalities', { query: { q }, signal }),
    enabled,
  });

export const useCandidates = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: collaborationKeys.candidates(id, ''),
    queryFn: ({ signal }) => call(Candidates, 'GET', `${base(id)}/candidates`, { signal }),
    enabled,
  });

/** Any write: the whole collaboration (and the list) is read again. */
function useCollabMutation<V, R>(id: string | null, fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: id ? collaborationKeys.one(id) : collaborationKeys.all });
      await qc.invalidateQueries({ queryKey: collaborationKeys.list() });
    },
  });
}

export const useCreateCollaboration = () =>
  useCollabMutation(null, (name: string) => call(Collaboration, 'POST', '/api/collaborations', { body: { name } }));
export const useRespond = () =>
  useCollabMutation(null, (v: { id: string; accept: boolean }) =>
    call(InvitationAnswer, 'POST', `${base(v.id)}/invitation/${v.accept ? 'accept' : 'decline'}`),
  );
export const useRename = (id: string) =>
  useCollabMutation(id, (body: { name: string; version: number }) => call(Collaboration, 'PATCH', base(id), { body }));
export const useInvite = (id: string) =>
  useCollabMutation(id, (tenantId: string) =>
    call(Collaboration, 'POST', `${base(id)}/invitations`, { body: { tenantId } }),
  );
export const useAddParty = (id: string) =>
  useCollabMutation(id, (body: PartyBody) => call(Collaboration, 'POST', `${base(id)}/parties`, { body }));
export const useEndParty = (id: string) =>
  useCollabMutation(id, (partyId: string) => call(Collaboration, 'POST', `${base(id)}/parties/${partyId}/end`));
export const useAddPerson = (id: string) =>
  useCollabMutation(id, (body: PersonBody) => call(Collaboration, 'POST', `${base(id)}/people`, { body }));
export const useEndPerson = (id: string) =>
  useCollabMutation(id, (personId: string) => call(Collaboration, 'POST', `${base(id)}/people/${personId}/end`));
export const useUpdateStep = (id: string) =>
  useCollabMutation(id, (v: { step: number; body: StepBody }) =>
    call(Step, 'PUT', `${base(id)}/steps/${v.step}`, { body: v.body }),
  );
export const useRecordDecision = (id: string) =>
  useCollabMutation(id, (body: DecisionBody) => call(DecisionList, 'POST', `${base(id)}/decisions`, { body }));
export const useCreateProposal = (id: string) =>
  useCollabMutation(id, (body: ProposalBody) => call(Proposal, 'POST', `${base(id)}/proposals`, { body }));
export const useUpdateProposal = (id: string) =>
  useCollabMutation(id, (v: { proposalId: string; body: ProposalPatch }) =>
    call(Proposal, 'PATCH', `${base(id)}/proposals/${v.proposalId}`, { body: v.body }),
  );
export const usePlanReview = (id: string) =>
  useCollabMutation(id, (dueOn: string) => call(ReviewList, 'POST', `${base(id)}/reviews`, { body: { dueOn } }));
export const useRecordReview = (id: string) =>
  useCollabMutation(id, (v: { reviewId: string; body: ReviewRecordBody }) =>
    call(ReviewList, 'PUT', `${base(id)}/reviews/${v.reviewId}`, { body: v.body }),
  );
export const useStartDraft = (id: string) =>
  useCollabMutation(id, (lang: 'sv' | 'en') =>
    call(GovernanceVersion, 'POST', `${base(id)}/governance`, { body: { lang } }),
  );
export const useSaveDraft = (id: string) =>
  useCollabMutation(id, (v: { number: number; body: DraftBody }) =>
    call(GovernanceVersion, 'PUT', `${base(id)}/governance/versions/${v.number}`, { body: v.body }),
  );
export const useSignOff = (id: string) =>
  useCollabMutation(id, (v: { number: number; body: SignOffBody }) =>
    call(GovernanceVersion, 'POST', `${base(id)}/governance/versions/${v.number}/sign-offs`, { body: v.body }),
  );

export const governancePdfUrl = (id: string, number: number, lang: string) =>
  `${base(id)}/governance/versions/${number}/pdf?lang=${lang === 'en' ? 'en' : 'sv'}`;
export const decisionDocumentUrl = (id: string, decisionId: string) => `${base(id)}/decisions/${decisionId}/document`;

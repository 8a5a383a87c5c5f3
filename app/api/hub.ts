import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  EndMemberResult,
  FirstMeeting,
  Hub,
  HubMember,
  OrganisationList,
  PeopleList,
  Question,
  QuestionList,
  Topic,
  TopicAssignment,
  TopicList,
  TopicMatrix,
  type AddMemberBody,
  type AgreementBody,
  type ChecklistItem,
  type ChecklistItemBody,
  type EndMemberBody,
  type FirstMeetingBody,
  type QuestionBody,
  type QuestionPatch,
  type TenantTopicBody,
  type TopicAssignmentBody,
} from '../../common/schemas/hub.ts';
import { childKeys } from './children.ts';
import { call } from './client.ts';

/** Everything about one child's hub hangs under ['hub', childId], so one write can refresh it all. */
export const hubKeys = {
  all: ['hub'] as const,
  child: (childId: string) => [...hubKeys.all, 'child', childId] as const,
  members: (childId: string) => [...hubKeys.child(childId), 'members'] as const,
  topics: (childId: string) => [...hubKeys.child(childId), 'topics'] as const,
  firstMeeting: (childId: string) => [...hubKeys.child(childId), 'first-meeting'] as const,
  questions: (childId: string) => [...hubKeys.child(childId), 'questions'] as const,
  tenantTopics: () => [...hubKeys.all, 'tenant-topics'] as const,
  people: (q: string) => [...hubKeys.all, 'people', q] as const,
  organisations: () => [...hubKeys.all, 'organisations'] as const,
};

const base = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

/**
 * A write in the hub can change any part of it and the child's flags (a member
 * leaves: topics and questions lose their owner), so all of it is refetched.
 */
export async function refreshChild(queryClient: QueryClient, childId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: hubKeys.child(childId) }),
    queryClient.invalidateQueries({ queryKey: childKeys.detail(childId) }),
    queryClient.invalidateQueries({ queryKey: childKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: ['timeline', childId] }),
  ]);
}

/**
 * A mutation on one child that refreshes the child when it succeeds. The
 * refresh is not awaited: the form is done (and says so) at once, and the
 * sections update as their data arrives.
 */
function useChildMutation<V, R>(childId: string, mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void refreshChild(queryClient, childId);
    },
  });
}

// ---- members ----

export function useHub(childId: string) {
  return useQuery({
    queryKey: hubKeys.members(childId),
    queryFn: ({ signal }) => call(Hub, 'GET', `${base(childId)}/hub`, { signal }),
  });
}

export function useAddMember(childId: string) {
  return useChildMutation(childId, (body: AddMemberBody) =>
    call(HubMember, 'POST', `${base(childId)}/hub/members`, { body }),
  );
}

export function useEndMember(childId: string) {
  return useChildMutation(childId, ({ memberId, body }: { memberId: string; body: EndMemberBody }) =>
    call(EndMemberResult, 'POST', `${base(childId)}/hub/members/${encodeURIComponent(memberId)}/end`, { body }),
  );
}

export function useUpdateAgreement(childId: string) {
  return useChildMutation(childId, ({ memberId, body }: { memberId: string; body: AgreementBody }) =>
    call(HubMember, 'PUT', `${base(childId)}/hub/members/${encodeURIComponent(memberId)}/agreement`, { body }),
  );
}

// ---- topics ----

export function useTopicMatrix(childId: string) {
  return useQuery({
    queryKey: hubKeys.topics(childId),
    queryFn: ({ signal }) => call(TopicMatrix, 'GET', `${base(childId)}/topics`, { signal }),
  });
}

export function useAssignTopic(childId: string) {
  return useChildMutation(childId, ({ topic, body }: { topic: string; body: TopicAssignmentBody }) =>
    call(TopicAssignment, 'PUT', `${base(childId)}/topics/${encodeURIComponent(topic)}`, { body }),
  );
}

/** The municipality's topics (the guide's and its own), for tenant admins to extend. */
export function useTenantTopics() {
  return useQuery({
    queryKey: hubKeys.tenantTopics(),
    queryFn: ({ signal }) => call(TopicList, 'GET', '/api/hub/topics', { signal }),
  });
}

export function useCreateTenantTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantTopicBody) => call(Topic, 'POST', '/api/hub/topics', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hubKeys.all }),
  });
}

export function useArchiveTenantTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      call(Topic, 'PATCH', `/api/hub/topics/${encodeURIComponent(id)}`, { body: { archived } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hubKeys.all }),
  });
}

// ---- first meeting ----

export function useFirstMeeting(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: hubKeys.firstMeeting(childId),
    queryFn: ({ signal }) => call(FirstMeeting, 'GET', `${base(childId)}/first-meeting`, { signal }),
    enabled,
  });
}

export function useSetProposedDate(childId: string) {
  return useChildMutation(childId, (body: FirstMeetingBody) =>
    call(FirstMeeting, 'PUT', `${base(childId)}/first-meeting`, { body }),
  );
}

/** Records several checklist items one after the other (the API takes one per request), then refreshes once. */
export function useRecordChecklist(childId: string) {
  return useChildMutation(childId, async (items: { item: ChecklistItem; body: ChecklistItemBody }[]) => {
    let last: FirstMeeting | null = null;
    for (const { item, body } of items)
      last = await call(FirstMeeting, 'PUT', `${base(childId)}/first-meeting/items/${item}`, { body });
    return last;
  });
}

// ---- questions ----

export function useQuestions(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: hubKeys.questions(childId),
    queryFn: ({ signal }) =>
      call(QuestionList, 'GET', `${base(childId)}/questions`, { query: { status: 'all' }, signal }),
    enabled,
  });
}

export function useCreateQuestion(childId: string) {
  return useChildMutation(childId, (body: QuestionBody) =>
    call(Question, 'POST', `${base(childId)}/questions`, { body }),
  );
}

export function useUpdateQuestion(childId: string) {
  return useChildMutation(childId, ({ questionId, body }: { questionId: string; body: QuestionPatch }) =>
    call(Question, 'PATCH', `${base(childId)}/questions/${encodeURIComponent(questionId)}`, { body }),
  );
}

// ---- directory ----

/** Colleagues matching a search, to add to a hub or to name as a replacement. */
export function usePeople(q: string, enabled = true) {
  return useQuery({
    queryKey: hubKeys.people(q),
    queryFn: ({ signal }) => call(PeopleList, 'GET', '/api/hub/people', { query: { q, limit: 50 }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: hubKeys.organisations(),
    queryFn: ({ signal }) => call(OrganisationList, 'GET', '/api/hub/organisations', { signal }),
    staleTime: 5 * 60_000,
  });
}

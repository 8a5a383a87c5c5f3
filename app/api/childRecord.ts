import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChildLinkCreated, ChildLinkList } from '../../common/schemas/child-view.ts';
import {
  ChildDetail,
  TimelinePage,
  type CreateChildBody,
  type UpdateChildBody,
} from '../../common/schemas/children.ts';
import { childKeys } from './children.ts';
import { call, callNoContent } from './client.ts';
import { refreshChild } from './hub.ts';

const base = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

export const childRecordKeys = {
  timeline: (childId: string) => ['timeline', childId] as const,
  links: (childId: string) => [...childKeys.detail(childId), 'links'] as const,
};

/** Opens a case; the server makes the social worker who opens it the hub's first member. */
export function useCreateChild() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateChildBody) => call(ChildDetail, 'POST', '/api/children', { body }),
    onSuccess: (child) => {
      queryClient.setQueryData(childKeys.detail(child.id), child);
      return queryClient.invalidateQueries({ queryKey: childKeys.lists() });
    },
  });
}

/** Changes the record. A stale `version` answers 409 `version_conflict`: the page then shows the current record. */
export function useUpdateChild(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateChildBody) => call(ChildDetail, 'PATCH', base(childId), { body }),
    onSuccess: (child) => {
      queryClient.setQueryData(childKeys.detail(childId), child);
      void refreshChild(queryClient, childId);
    },
  });
}

const TIMELINE_PAGE = 20;

/** The child's history, newest first, one page at a time. */
export function useTimeline(childId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: childRecordKeys.timeline(childId),
    queryFn: ({ pageParam, signal }) =>
      call(TimelinePage, 'GET', `${base(childId)}/timeline`, {
        query: { before: pageParam, limit: TIMELINE_PAGE },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled,
  });
}

export function useChildLinks(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: childRecordKeys.links(childId),
    queryFn: ({ signal }) => call(ChildLinkList, 'GET', `${base(childId)}/child-links`, { signal }),
    enabled,
  });
}

/** A new link and code. The answer is the only time the code exists in readable form: it is never cached. */
export function useCreateChildLink(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(ChildLinkCreated, 'POST', `${base(childId)}/child-links`),
    onSuccess: () => {
      void refreshChild(queryClient, childId);
    },
  });
}

export function useRevokeChildLink(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      callNoContent('DELETE', `${base(childId)}/child-links/${encodeURIComponent(linkId)}`),
    onSuccess: () => {
      void refreshChild(queryClient, childId);
    },
  });
}

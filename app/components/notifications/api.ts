import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  ChildEventList,
  DeadlineList,
  RecordEventResult,
  type RecordEventBody,
} from '../../../common/schemas/events.ts';
import {
  FailedJob,
  JobList,
  MarkAllRead,
  Notification,
  NotificationList,
  type NotificationQuery,
} from '../../../common/schemas/notifications.ts';
import { childKeys } from '../../api/children.ts';
import { call } from '../../api/client.ts';

export const noticeKeys = {
  all: ['notices'] as const,
  lists: () => [...noticeKeys.all, 'list'] as const,
  list: (q: Partial<NotificationQuery>) => [...noticeKeys.lists(), q] as const,
  unread: () => [...noticeKeys.all, 'unread'] as const,
  myDeadlines: () => [...noticeKeys.all, 'my-deadlines'] as const,
  failedJobs: () => [...noticeKeys.all, 'failed-jobs'] as const,
  childEvents: (childId: string) => [...childKeys.detail(childId), 'events'] as const,
  childDeadlines: (childId: string) => [...childKeys.detail(childId), 'deadlines'] as const,
};

const childBase = (childId: string) => `/api/children/${encodeURIComponent(childId)}`;

export function useNotifications(q: Partial<NotificationQuery>) {
  return useQuery({
    queryKey: noticeKeys.list(q),
    queryFn: ({ signal }) =>
      call(NotificationList, 'GET', '/api/notifications', {
        query: { unread: q.unread === undefined ? undefined : String(q.unread), page: q.page, pageSize: q.pageSize },
        signal,
      }),
  });
}

/** The unread count in the navigation. The live stream keeps it current; this is its first value. */
export function useUnreadCount() {
  return useQuery({
    queryKey: noticeKeys.unread(),
    queryFn: async ({ signal }) =>
      (await call(NotificationList, 'GET', '/api/notifications', { query: { unread: 'true', pageSize: 1 }, signal }))
        .unreadCount,
    staleTime: Infinity,
  });
}

/** After a notice changes: the lists and the count. */
export function refreshNotices(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: noticeKeys.all });
}

export function useMarkNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, what }: { id: string; what: 'read' | 'acknowledge' }) =>
      call(Notification, 'POST', `/api/notifications/${encodeURIComponent(id)}/${what}`),
    onSuccess: () => refreshNotices(queryClient),
  });
}

/** Marks every unread notice read (never acknowledges an urgent one). */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(MarkAllRead, 'POST', '/api/notifications/read-all'),
    onSuccess: () => refreshNotices(queryClient),
  });
}

export function useChildEvents(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.childEvents(childId),
    queryFn: ({ signal }) => call(ChildEventList, 'GET', `${childBase(childId)}/events`, { signal }),
    enabled,
  });
}

export function useChildDeadlines(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.childDeadlines(childId),
    queryFn: ({ signal }) => call(DeadlineList, 'GET', `${childBase(childId)}/deadlines`, { signal }),
    enabled,
  });
}

/** Records an event; the child (its status), its dates, events and timeline refresh. */
export function useRecordEvent(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<RecordEventBody>) =>
      call(RecordEventResult, 'POST', `${childBase(childId)}/events`, { body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: childKeys.detail(childId) }),
        queryClient.invalidateQueries({ queryKey: ['timeline', childId] }),
        queryClient.invalidateQueries({ queryKey: noticeKeys.myDeadlines() }),
      ]),
  });
}

export function useMyDeadlines() {
  return useQuery({
    queryKey: noticeKeys.myDeadlines(),
    queryFn: ({ signal }) => call(DeadlineList, 'GET', '/api/me/deadlines', { signal }),
  });
}

export function useFailedJobs(enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.failedJobs(),
    queryFn: ({ signal }) => call(JobList, 'GET', '/api/admin/jobs', { query: { status: 'failed' }, signal }),
    enabled,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(FailedJob, 'POST', `/api/admin/jobs/${encodeURIComponent(id)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticeKeys.failedJobs() }),
  });
}

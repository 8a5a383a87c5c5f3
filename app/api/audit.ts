import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { AuditPage, LogReview, type LogReviewBody } from '../../common/schemas/audit.ts';
import { call } from './client.ts';

export const auditKeys = {
  all: ['audit'] as const,
  childLog: (childId: string) => [...auditKeys.all, 'child', childId] as const,
  userLog: (userId: string) => [...auditKeys.all, 'user', userId] as const,
  reviews: () => [...auditKeys.all, 'reviews'] as const,
};

const PAGE_SIZE = 50;

/** A child's audit log, newest first, one page at a time (cursor `before`). */
export function useChildLog(childId: string) {
  return useInfiniteQuery({
    queryKey: auditKeys.childLog(childId),
    queryFn: ({ pageParam, signal }) =>
      call(AuditPage, 'GET', `/api/audit/children/${encodeURIComponent(childId)}`, {
        query: { before: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** A user's audit log (what they did, denied attempts included), newest first, one page at a time. */
export function useUserLog(userId: string) {
  return useInfiniteQuery({
    queryKey: auditKeys.userLog(userId),
    queryFn: ({ pageParam, signal }) =>
      call(AuditPage, 'GET', `/api/audit/users/${encodeURIComponent(userId)}`, {
        query: { before: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useReviews() {
  return useQuery({
    queryKey: auditKeys.reviews(),
    queryFn: ({ signal }) => call(z.array(LogReview), 'GET', '/api/audit/reviews', { signal }),
  });
}

export function useRecordReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LogReviewBody) => call(LogReview, 'POST', '/api/audit/reviews', { body }),
    onSuccess: async (review) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: auditKeys.reviews() }),
        queryClient.invalidateQueries({
          queryKey:
            review.subjectKind === 'child' ? auditKeys.childLog(review.subjectId) : auditKeys.userLog(review.subjectId),
        }),
      ]);
    },
  });
}

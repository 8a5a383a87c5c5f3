import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActiveHold,
  ActiveHoldList,
  RetentionRun,
  RetentionRunList,
  RetentionSettings,
  SampledReview,
  SampledReviewList,
  type PlaceHoldBody,
  type ReviewScheduleBody,
  type RetentionSettingsBody,
  type VerdictBody,
} from '../../common/schemas/retention.ts';
import { call, callNoContent } from './client.ts';

export const retentionKeys = {
  all: ['retention'] as const,
  settings: () => [...retentionKeys.all, 'settings'] as const,
  runs: () => [...retentionKeys.all, 'runs'] as const,
  holds: () => [...retentionKeys.all, 'holds'] as const,
  reviews: () => [...retentionKeys.all, 'reviews'] as const,
  review: (id: string) => [...retentionKeys.reviews(), id] as const,
};

export function useRetentionSettings() {
  return useQuery({
    queryKey: retentionKeys.settings(),
    queryFn: ({ signal }) => call(RetentionSettings, 'GET', '/api/admin/retention/settings', { signal }),
  });
}

export function useSaveRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RetentionSettingsBody) =>
      call(RetentionSettings, 'PUT', '/api/admin/retention/settings', { body }),
    onSuccess: (data) => queryClient.setQueryData(retentionKeys.settings(), data),
  });
}

/** Runs, polled while one is deleting so its progress moves on the page. */
export function useRetentionRuns() {
  return useQuery({
    queryKey: retentionKeys.runs(),
    queryFn: ({ signal }) => call(RetentionRunList, 'GET', '/api/admin/retention/runs', { signal }),
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'approved') ? 1500 : false),
  });
}

export function useDryRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(RetentionRun, 'POST', '/api/admin/retention/runs', { body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: retentionKeys.runs() }),
  });
}

export function useApproveRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(RetentionRun, 'POST', `/api/admin/retention/runs/${encodeURIComponent(id)}/approve`, { body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: retentionKeys.runs() }),
  });
}

export function useLegalHolds() {
  return useQuery({
    queryKey: retentionKeys.holds(),
    queryFn: ({ signal }) => call(ActiveHoldList, 'GET', '/api/admin/retention/holds', { signal }),
  });
}

/** A hold changes what the next dry run may take, so a shown proposal is fetched again too. */
function useHoldChange<V, R>(mutationFn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: retentionKeys.holds() });
      void queryClient.invalidateQueries({ queryKey: retentionKeys.runs() });
    },
  });
}

export function usePlaceHold() {
  return useHoldChange((body: PlaceHoldBody) => call(ActiveHold, 'POST', '/api/admin/retention/holds', { body }));
}

export function useReleaseHold() {
  return useHoldChange((childId: string) =>
    callNoContent('DELETE', `/api/admin/retention/children/${encodeURIComponent(childId)}/hold`),
  );
}

export function useSampledReviews() {
  return useQuery({
    queryKey: retentionKeys.reviews(),
    queryFn: ({ signal }) => call(SampledReviewList, 'GET', '/api/audit/sampled-reviews', { signal }),
  });
}

export function useScheduleReviews() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewScheduleBody) => call(SampledReview, 'POST', '/api/audit/review-schedules', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: retentionKeys.reviews() }),
  });
}

export function useSampledReview(id: string) {
  return useQuery({
    queryKey: retentionKeys.review(id),
    queryFn: ({ signal }) =>
      call(SampledReview, 'GET', `/api/audit/sampled-reviews/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useReviewAction(id: string) {
  const queryClient = useQueryClient();
  const base = `/api/audit/sampled-reviews/${encodeURIComponent(id)}`;
  return useMutation({
    mutationFn: (a: { sampleId: string; body: VerdictBody } | { close: true }) =>
      'close' in a
        ? call(SampledReview, 'POST', `${base}/close`, { body: {} })
        : call(SampledReview, 'PUT', `${base}/samples/${encodeURIComponent(a.sampleId)}`, { body: a.body }),
    onSuccess: (data) => {
      queryClient.setQueryData(retentionKeys.review(id), data);
      void queryClient.invalidateQueries({ queryKey: retentionKeys.reviews() });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChildViewMe, type RedeemBody } from '../../common/schemas/child-view.ts';
import { call, callNoContent, isApiError } from './client.ts';

export const childViewKeys = { me: ['child-view', 'me'] as const };

/**
 * The child's own page, or null when this device has no child session yet (401).
 * The 401 is caught here rather than thrown, so the adults' "session ended"
 * handling never sends a child to the adults' login page.
 */
export function useChildViewMe() {
  return useQuery({
    queryKey: childViewKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await call(ChildViewMe, 'GET', '/api/child-view/me', { signal });
      } catch (e) {
        if (isApiError(e) && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useRedeem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RedeemBody) => callNoContent('POST', '/api/child-view/redeem', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: childViewKeys.me }),
  });
}

export function useChildLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callNoContent('POST', '/api/child-view/logout'),
    onSuccess: () => queryClient.setQueryData(childViewKeys.me, null),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Extract, ExtractList, HistoryPage } from '../../common/schemas/records.ts';
import { call } from './client.ts';

/** Whose extracts a list is: a child's or a user's. */
export type ExtractOwner = { childId: string } | { userId: string };

export const recordsKeys = {
  all: ['records'] as const,
  list: (owner: ExtractOwner) => [...recordsKeys.all, 'list', owner] as const,
};

const base = (owner: ExtractOwner) =>
  'childId' in owner
    ? `/api/children/${encodeURIComponent(owner.childId)}/extracts`
    : `/api/users/${encodeURIComponent(owner.userId)}/extracts`;

/** The requested extracts; polls while one is still being built, so progress shows without a reload. */
export function useExtracts(owner: ExtractOwner, enabled = true) {
  return useQuery({
    queryKey: recordsKeys.list(owner),
    queryFn: ({ signal }) => call(ExtractList, 'GET', base(owner), { signal }),
    enabled,
    refetchInterval: (q) =>
      q.state.data?.items.some((x) => x.status === 'queued' || x.status === 'building') ? 2000 : false,
  });
}

export function useRequestExtract(owner: ExtractOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(Extract, 'POST', base(owner)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordsKeys.list(owner) }),
  });
}

/** The zip's address: a plain link, so the browser downloads it with the session cookie. */
export const downloadUrl = (id: string) => `/api/extracts/${encodeURIComponent(id)}/download`;

/**
 * The child's whole history, one page of it: ten entries, so the section stays a glance on the child's page;
 * the filter and the pages reach the rest.
 */
export const HISTORY_PAGE_SIZE = 10;

export function useHistory(
  childId: string,
  q: { kinds: string; from: string; to: string; page: number },
  enabled: boolean,
) {
  const params = new URLSearchParams({ page: String(q.page), pageSize: String(HISTORY_PAGE_SIZE) });
  if (q.kinds) params.set('kinds', q.kinds);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  return useQuery({
    queryKey: [...recordsKeys.all, 'history', childId, q] as const,
    queryFn: ({ signal }) =>
      call(HistoryPage, 'GET', `/api/children/${encodeURIComponent(childId)}/history?${params.toString()}`, { signal }),
    enabled,
  });
}

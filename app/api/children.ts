import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ChildDetail, ChildList, type ChildListQuery } from '../../common/schemas/children.ts';
import { call } from './client.ts';

/** What the list page may ask for; the server fills in the defaults. */
export type ChildFilters = Partial<ChildListQuery>;

export const childKeys = {
  all: ['children'] as const,
  lists: () => [...childKeys.all, 'list'] as const,
  list: (filters: ChildFilters) => [...childKeys.lists(), filters] as const,
  detail: (id: string) => [...childKeys.all, 'detail', id] as const,
};

export function useChildren(filters: ChildFilters) {
  return useQuery({
    queryKey: childKeys.list(filters),
    queryFn: ({ signal }) => call(ChildList, 'GET', '/api/children', { query: { ...filters }, signal }),
    // Keep the old page on screen while the next loads, so the list does not jump.
    placeholderData: keepPreviousData,
  });
}

/** `enabled`: false while the child page's overview (which fills this query) is on its way. */
export function useChild(id: string, enabled = true) {
  return useQuery({
    queryKey: childKeys.detail(id),
    queryFn: ({ signal }) => call(ChildDetail, 'GET', `/api/children/${encodeURIComponent(id)}`, { signal }),
    enabled,
  });
}

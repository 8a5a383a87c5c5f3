import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BeskedView,
  type AgreedLineBody,
  type BeskedEntryBody,
  type ContradictionBody,
} from '../../../common/schemas/besked.ts';
import { call } from '../../api/client.ts';

export const beskedKeys = {
  all: ['besked'] as const,
  child: (childId: string) => [...beskedKeys.all, childId] as const,
};

const base = (childId: string) => `/api/children/${encodeURIComponent(childId)}/besked`;

export function useBesked(childId: string) {
  return useQuery({
    queryKey: beskedKeys.child(childId),
    queryFn: ({ signal }) => call(BeskedView, 'GET', base(childId), { signal }),
  });
}

/** Every write answers with the whole log, which replaces the cached one at once. */
function useBeskedMutation<V>(childId: string, mutationFn: (vars: V) => Promise<BeskedView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (view) => queryClient.setQueryData(beskedKeys.child(childId), view),
  });
}

export function useRecordEntry(childId: string) {
  return useBeskedMutation(childId, (body: BeskedEntryBody) =>
    call(BeskedView, 'POST', `${base(childId)}/entries`, { body }),
  );
}

export function useMarkContradiction(childId: string) {
  return useBeskedMutation(childId, (body: ContradictionBody) =>
    call(BeskedView, 'POST', `${base(childId)}/contradictions`, { body }),
  );
}

export function useAgreeLine(childId: string) {
  return useBeskedMutation(childId, ({ topic, body }: { topic: string; body: AgreedLineBody }) =>
    call(BeskedView, 'PUT', `${base(childId)}/lines/${encodeURIComponent(topic)}`, { body }),
  );
}

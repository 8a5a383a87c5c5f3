import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NoticeSettings, type NoticeSettingsBody } from '../../common/schemas/events.ts';
import { LegalBasis, type LegalBasisBody } from '../../common/schemas/sharing.ts';
import { planKeys } from '../components/plans/api.ts';
import { call } from './client.ts';

export const noticeSettingsKeys = {
  settings: () => ['notices', 'settings'] as const,
};

/** The list itself is read with `useLegalBases` of the plans' api, under its key. */
export { useLegalBases } from '../components/plans/api.ts';

export function useNoticeSettings() {
  return useQuery({
    queryKey: noticeSettingsKeys.settings(),
    queryFn: ({ signal }) => call(NoticeSettings, 'GET', '/api/notices/settings', { signal }),
  });
}

export function useSaveNoticeSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NoticeSettingsBody) => call(NoticeSettings, 'PUT', '/api/notices/settings', { body }),
    onSuccess: (saved) => qc.setQueryData(noticeSettingsKeys.settings(), saved),
  });
}

export function useAddLegalBasis() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LegalBasisBody) => call(LegalBasis, 'POST', '/api/legal-bases', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.legalBases() }),
  });
}

export function useArchiveLegalBasis() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(LegalBasis, 'POST', `/api/legal-bases/${id}/archive`, { body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.legalBases() }),
  });
}

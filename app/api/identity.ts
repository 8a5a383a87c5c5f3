import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IdentitySettings,
  Invitation,
  InvitationInfo,
  OidcProviders,
  RedirectTo,
  type IdentitySettingsBody,
  type InvitationBody,
} from '../../common/schemas/identity.ts';
import { call, callNoContent } from './client.ts';

export const identityKeys = {
  all: ['identity'] as const,
  providers: () => [...identityKeys.all, 'providers'] as const,
  settings: () => [...identityKeys.all, 'settings'] as const,
  invitation: (token: string) => [...identityKeys.all, 'invitation', token] as const,
  reset: (token: string) => [...identityKeys.all, 'reset', token] as const,
};

/** Municipalities whose login page offers their identity provider. */
export function useOidcProviders() {
  return useQuery({
    queryKey: identityKeys.providers(),
    queryFn: ({ signal }) => call(OidcProviders, 'GET', '/api/auth/oidc/providers', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useIdentitySettings() {
  return useQuery({
    queryKey: identityKeys.settings(),
    queryFn: ({ signal }) => call(IdentitySettings, 'GET', '/api/admin/identity', { signal }),
  });
}

export function useSaveIdentitySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IdentitySettingsBody) => call(IdentitySettings, 'PUT', '/api/admin/identity', { body }),
    onSuccess: (saved) => {
      qc.setQueryData(identityKeys.settings(), saved);
      void qc.invalidateQueries({ queryKey: identityKeys.providers() });
    },
  });
}

export function useInvite() {
  return useMutation({
    mutationFn: (body: InvitationBody) => call(Invitation, 'POST', '/api/admin/invitations', { body }),
  });
}

/** What an invitation link is for; retried never: a 4xx is the answer. */
export function useInvitationInfo(token: string) {
  return useQuery({
    queryKey: identityKeys.invitation(token),
    queryFn: () => call(InvitationInfo, 'POST', '/api/auth/invitations/lookup', { body: { token } }),
    retry: false,
    enabled: token.length > 0,
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      callNoContent('POST', '/api/auth/invitations/accept', { body }),
  });
}

/** Starts linking the invitee's provider login; the page then goes to the provider. */
export function useLinkInvitation() {
  return useMutation({
    mutationFn: (token: string) => call(RedirectTo, 'POST', '/api/auth/invitations/oidc', { body: { token } }),
  });
}

export function useRequestReset() {
  return useMutation({
    mutationFn: (email: string) => callNoContent('POST', '/api/auth/reset', { body: { email } }),
  });
}

export function useResetCheck(token: string) {
  return useQuery({
    queryKey: identityKeys.reset(token),
    queryFn: () => callNoContent('POST', '/api/auth/reset/check', { body: { token } }).then(() => true),
    retry: false,
    enabled: token.length > 0,
  });
}

export function useCompleteReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      callNoContent('POST', '/api/auth/reset/complete', { body }),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  LoginInfo,
  LoginResponse,
  MeResponse,
  TotpEnrollment,
  type LoginBody,
  type TotpBody,
} from '../../common/schemas/auth.ts';
import type { Locale } from '../i18n.ts';
import { call, callNoContent, setCsrfToken } from './client.ts';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  loginInfo: () => [...authKeys.all, 'login-info'] as const,
};

export const meQuery = queryOptions({
  queryKey: authKeys.me(),
  queryFn: async ({ signal }) => {
    const me = await call(MeResponse, 'GET', '/api/auth/me', { signal });
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 5 * 60_000,
});

/** The logged-in user, tenant, roles and abilities. A 401 here means: not logged in. */
export function useMe() {
  return useQuery(meQuery);
}

export function useLoginInfo() {
  return useQuery({
    queryKey: authKeys.loginInfo(),
    queryFn: ({ signal }) => call(LoginInfo, 'GET', '/api/auth/login-info', { signal }),
    staleTime: Infinity,
  });
}

export function useLogin() {
  return useMutation({
    mutationFn: (body: LoginBody) => call(LoginResponse, 'POST', '/api/auth/login', { body }),
    onSuccess: (res) => setCsrfToken(res.csrfToken),
  });
}

export function useTotp() {
  return useMutation({
    mutationFn: (body: TotpBody) => callNoContent('POST', '/api/auth/totp', { body }),
  });
}

export function useTotpEnroll() {
  return useMutation({
    mutationFn: () => call(TotpEnrollment, 'POST', '/api/auth/totp/enroll'),
  });
}

export function useTotpConfirm() {
  return useMutation({
    mutationFn: (body: TotpBody) => callNoContent('POST', '/api/auth/totp/confirm', { body }),
  });
}

/** Ends this session (or every session of the user); the cache is emptied either way. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (scope: 'this' | 'everywhere') => {
      if (scope === 'this') await callNoContent('POST', '/api/auth/logout');
      else await call(z.object({ sessions: z.number() }), 'POST', '/api/auth/logout-all');
    },
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.clear();
    },
  });
}

export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => callNoContent('PUT', '/api/auth/me/locale', { body: { locale } }),
    onSuccess: (_void, locale) => {
      queryClient.setQueryData(meQuery.queryKey, (me) => (me ? { ...me, user: { ...me.user, locale } } : me));
    },
  });
}

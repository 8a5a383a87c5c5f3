import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LoginThrottleReport } from '../../common/schemas/login-throttle.ts';
import { adminKeys } from './admin.ts';
import { call } from './client.ts';

export const loginThrottleKeys = {
  all: ['login-throttle'] as const,
  user: (userId: string) => [...loginThrottleKeys.all, userId] as const,
};

const path = (userId: string) => `/api/admin/users/${encodeURIComponent(userId)}`;

/** Why sign-ins to a user's account are slowed down (tenant admins). */
export function useLoginThrottle(userId: string) {
  return useQuery({
    queryKey: loginThrottleKeys.user(userId),
    queryFn: ({ signal }) => call(LoginThrottleReport, 'GET', `${path(userId)}/login-failures`, { signal }),
  });
}

export function useUnlockAccount(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(LoginThrottleReport, 'POST', `${path(userId)}/unlock`),
    onSuccess: (report) => {
      queryClient.setQueryData(loginThrottleKeys.user(userId), report);
      void queryClient.invalidateQueries({ queryKey: adminKeys.users() });
    },
  });
}

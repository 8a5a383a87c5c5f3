import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { hadSession, isApiError, setCsrfToken } from './client.ts';

/** 4xx answers will not change on a retry; network blips and 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * One client for the app. A 401 `unauthenticated` from any query or mutation,
 * after this page has held a session, means the session ended (idle timeout,
 * logout elsewhere): forget everything cached and let the app send the user to login.
 */
export function createQueryClient(onSessionEnded: () => void): QueryClient {
  const handle = (error: unknown) => {
    if (!isApiError(error, 'unauthenticated') || error.status !== 401) return;
    if (!hadSession()) return;
    setCsrfToken(null);
    onSessionEnded();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

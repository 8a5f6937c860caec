import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AUTH_STATUS_URL } from '../../shared/vocabulary/first-requests.js';
import type { Account, AuthStatus } from '../../shared/schemas/accounts.js';
import { api } from '../api/client.js';
import { sessionKeys } from '../api/keys.js';

export type { AuthStatus };

/** Whether this server has accounts, and who is signed in (null on a personal install). */
export const authStatusQuery = queryOptions({ queryKey: sessionKeys.status, queryFn: () => api.get<AuthStatus>(AUTH_STATUS_URL), staleTime: 60_000 });

export function useAuthStatus() {
  return useQuery(authStatusQuery);
}

/** The signed-in account on a shared server; null on a personal install. */
export function useAccount(): Account | null {
  return useAuthStatus().data?.user ?? null;
}

/** Signing in, up or out changes whose data every cached answer is: start afresh. */
export function useSessionChange<T>(request: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await client.resetQueries();
    },
  });
}

export const signOutRequest = () => api.post('/api/v1/auth/sign-out');

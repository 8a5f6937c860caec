import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SsoFinishResponse, SsoStartResponse, SsoStatus } from '../../../shared/schemas/sso.js';
import { api } from '../../api/client.js';
import { ssoKeys } from '../../api/keys.js';

/** Whether this server offers single sign-on, under which name, and whether passwords are off. */
export function useSsoStatus() {
  return useQuery({ queryKey: ssoKeys.status, queryFn: () => api.get<SsoStatus>('/api/v1/auth/sso'), staleTime: 5 * 60_000 });
}

/** Goes to the identity provider (with an invitation link's token when joining): the browser leaves Inroads. */
export function useStartSso() {
  return useMutation({
    mutationFn: (invitation: string | undefined) => api.post<SsoStartResponse>('/api/v1/auth/sso/start', invitation ? { invitation } : {}),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

/** Hands what the provider sent back to the server; `onDone` (leaving the page) runs before the app starts over as the person. */
export function useFinishSso(onDone: (answer: SsoFinishResponse) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (response: string) => api.post<SsoFinishResponse>('/api/v1/auth/sso/finish', { response }),
    onSuccess: async (answer) => {
      onDone(answer);
      await client.resetQueries();
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountResponse, ChangePasswordInput, GrantScope, InvitationLink, PasswordChanged, RegisterInput, ResetLink, ResetPasswordInput, SignInInput } from '../../../shared/schemas/accounts.js';
import type { AccessLog, Grants, SharingPreview } from '../../../shared/schemas/sharing.js';
import { api } from '../../api/client.js';
import { accountKeys, sessionKeys } from '../../api/keys.js';
import { useSessionChange } from '../../app/session.api.js';

/** Signing in or creating an account starts a new session: every cached answer is thrown away. */
export const useSignIn = () => useSessionChange((body: SignInInput) => api.post<AccountResponse>('/api/v1/auth/sign-in', body));
export const useRegister = () =>
  useSessionChange((body: Omit<RegisterInput, 'invitation'> & { invitation?: string | undefined }) => api.post<AccountResponse>('/api/v1/auth/register', body));

/** Whom an invitation link is for: the join form fills in the address. */
export function useInvitationLink(token: string | undefined) {
  return useQuery({
    queryKey: accountKeys.invitation(token ?? ''),
    queryFn: () => api.post<InvitationLink>('/api/v1/auth/invitation', { invitation: token }),
    enabled: Boolean(token),
    retry: false,
  });
}

/** Whose a reset link is, or why it no longer works. */
export function useResetLink(token: string) {
  return useQuery({ queryKey: accountKeys.resetLink(token), queryFn: () => api.post<ResetLink>('/api/v1/auth/reset-link', { token }), enabled: token !== '', retry: false });
}

/** Choosing a new password with a reset link signs this browser in afresh: `onDone` (leaving the page) runs before the app starts over. */
export function useResetPassword(onDone: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ResetPasswordInput) => api.post<AccountResponse>('/api/v1/auth/reset', body),
    onSuccess: async () => {
      onDone();
      await client.resetQueries();
    },
  });
}

/** Changing a password also refreshes who is signed in (a first password's flag goes). */
export function useChoosePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordInput) => api.post<PasswordChanged>('/api/v1/account/password', body),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKeys.status }),
  });
}

export function useChangePassword(onChanged: () => void) {
  return useMutation({ mutationFn: (body: ChangePasswordInput) => api.post<PasswordChanged>('/api/v1/account/password', body), onSuccess: onChanged });
}

export function useReminderEmails() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reminderEmails: boolean) => api.patch<AccountResponse>('/api/v1/account', { reminderEmails }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKeys.status }),
  });
}

export function useSharing() {
  return useQuery({ queryKey: accountKeys.sharing, queryFn: () => api.get<Grants>('/api/v1/account/sharing') });
}

export function useShare(onShared: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { coachEmail: string; scope: GrantScope; showNames?: boolean }) => api.post<Grants>('/api/v1/account/sharing', body),
    onSuccess: async (data) => {
      client.setQueryData(accountKeys.sharing, data);
      onShared();
      // Sharing is written to the access log.
      await client.invalidateQueries({ queryKey: accountKeys.accessLogs });
    },
  });
}

export function useStopSharing() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (coachId: string) => api.delete<Grants>(`/api/v1/account/sharing/${coachId}`),
    onSuccess: async (data) => {
      client.setQueryData(accountKeys.sharing, data);
      await client.invalidateQueries({ queryKey: accountKeys.accessLogs });
    },
  });
}

/** Exactly what a coach would see of one's data with these choices (the server builds it with the coach's own views). */
export function useSharingPreview(scope: GrantScope, showNames: boolean) {
  return useQuery({
    queryKey: accountKeys.sharingPreview(scope, showNames),
    queryFn: () => api.get<SharingPreview>(`/api/v1/account/sharing/preview?scope=${scope}&showNames=${showNames}`),
    placeholderData: (previous) => previous,
  });
}

export const ACCESS_LOG_PAGE = 10;

/** Who looked at what one shares, and one's own sharing and stopping: the latest first. */
export function useAccessLog(offset: number) {
  return useQuery({
    queryKey: accountKeys.accessLog(offset),
    queryFn: () => api.get<AccessLog>(`/api/v1/account/access-log?limit=${ACCESS_LOG_PAGE}&offset=${offset}`),
    placeholderData: (previous) => previous,
  });
}

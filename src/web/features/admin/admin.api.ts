import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedUser, CreateUserInput, DeletedUser, InstanceSettings, Invitation, OpenInvitations, PasswordReset, Role, Users, UserResponse } from '../../../shared/schemas/accounts.js';
import { api } from '../../api/client.js';
import { adminKeys } from '../../api/keys.js';

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: () => api.get<Users>('/api/v1/admin/users') });
}

export function useCreateUser(onCreated: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<CreateUserInput, 'email' | 'name' | 'role'>) => api.post<CreatedUser>('/api/v1/admin/users', body),
    onSuccess: () => {
      onCreated();
      void client.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
}

export function useDisableUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<UserResponse>(`/api/v1/admin/users/${id}/disable`),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

/** One change to one account (enable, unlock, role), refreshing the list after. */
function useAccountChange<T>(request: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.users }) });
}

export const useEnableUser = () => useAccountChange((id: string) => api.post<UserResponse>(`/api/v1/admin/users/${id}/enable`));
export const useUnlockUser = () => useAccountChange((id: string) => api.post<UserResponse>(`/api/v1/admin/users/${id}/unlock`));
export const useSetRole = () => useAccountChange(({ id, role }: { id: string; role: Role }) => api.put<UserResponse>(`/api/v1/admin/users/${id}/role`, { role }));
/** A one-time link to choose a new password, shown once (and emailed where the server can). */
export const usePasswordReset = () => useMutation({ mutationFn: (id: string) => api.post<PasswordReset>(`/api/v1/admin/users/${id}/password-reset`) });

export function useDeleteUser(onDeleted: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<DeletedUser>(`/api/v1/admin/users/${id}`),
    onSuccess: () => {
      onDeleted();
      void client.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
}

export function useInstanceSettings() {
  return useQuery({ queryKey: adminKeys.settings, queryFn: () => api.get<InstanceSettings>('/api/v1/admin/settings') });
}

export function useSaveInstanceSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (registration: InstanceSettings['registration']) => api.put<InstanceSettings>('/api/v1/admin/settings', { registration }),
    onSuccess: (data) => client.setQueryData(adminKeys.settings, data),
  });
}

export function useOpenInvitations() {
  return useQuery({ queryKey: adminKeys.invitations, queryFn: () => api.get<OpenInvitations>('/api/v1/admin/invitations') });
}

export function useInvite(onInvited: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<Invitation, 'email' | 'role'>) => api.post<Invitation>('/api/v1/admin/invitations', body),
    onSuccess: () => {
      onInvited();
      void client.invalidateQueries({ queryKey: adminKeys.invitations });
    },
  });
}

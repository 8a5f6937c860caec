import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CohortsOverview, CsvInvitations, InvitationStatuses, PlacementInput, RevokedInvitations } from '../../../shared/schemas/cohorts.js';
import { api } from '../../api/client.js';
import { adminKeys, cohortKeys } from '../../api/keys.js';

export function useInvitationStatuses() {
  return useQuery({ queryKey: cohortKeys.invitations, queryFn: () => api.get<InvitationStatuses>('/api/v1/admin/invitations/statuses') });
}

/** Uploads a cohort's CSV; every link comes back once. */
export function useCsvInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api.post<CsvInvitations>('/api/v1/admin/invitations/csv', { csv }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: cohortKeys.invitations });
      void client.invalidateQueries({ queryKey: cohortKeys.overview });
      void client.invalidateQueries({ queryKey: adminKeys.invitations });
    },
  });
}

export function useRevokeInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api.post<RevokedInvitations>('/api/v1/admin/invitations/revoke', { email }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: cohortKeys.invitations });
      void client.invalidateQueries({ queryKey: adminKeys.invitations });
    },
  });
}

export function useCohorts() {
  return useQuery({ queryKey: cohortKeys.overview, queryFn: () => api.get<CohortsOverview>('/api/v1/admin/cohorts') });
}

/** One change to the cohorts; the answer is the whole overview, which replaces the cached one. */
function useCohortChange<T>(request: (input: T) => Promise<CohortsOverview>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: (data) => client.setQueryData(cohortKeys.overview, data) });
}

export const useCreateCohort = () => useCohortChange((name: string) => api.post<CohortsOverview>('/api/v1/admin/cohorts', { name }));
export const useAssignAdviser = () =>
  useCohortChange(({ cohortId, adviserId }: { cohortId: string; adviserId: string }) => api.put<CohortsOverview>(`/api/v1/admin/cohorts/${cohortId}/advisers/${adviserId}`, {}));
export const useRemoveAdviser = () =>
  useCohortChange(({ cohortId, adviserId }: { cohortId: string; adviserId: string }) => api.delete<CohortsOverview>(`/api/v1/admin/cohorts/${cohortId}/advisers/${adviserId}`));
export const usePlaceStudent = () =>
  useCohortChange(({ id, ...placement }: PlacementInput & { id: string }) => api.put<CohortsOverview>(`/api/v1/admin/users/${id}/cohort`, placement));

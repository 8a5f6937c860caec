import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActiveExploration, DeletedExploration, Exploration, UpdateExplorationInput } from '../../../shared/schemas/explorations.js';
import { api, type Page } from '../../api/client.js';

/** Query keys for explorations: every list and the active choice start with 'explorations'. */
export const explorationKeys = {
  all: ['explorations'] as const,
  list: () => ['explorations', 'list'] as const,
  active: () => ['explorations', 'active'] as const,
  deleted: () => ['explorations', 'deleted'] as const,
  one: (id: string) => ['exploration', id] as const,
};

export function useExplorationList() {
  return useQuery({
    queryKey: explorationKeys.list(),
    queryFn: () => api.get<Page<Exploration>>('/api/v1/explorations', { limit: 200, sort: '-updatedAt' }),
  });
}

export function useActiveExploration() {
  return useQuery({ queryKey: explorationKeys.active(), queryFn: () => api.get<ActiveExploration>('/api/v1/explorations/active') });
}

export function useSetActiveExploration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (explorationId: string | null) => api.put<ActiveExploration>('/api/v1/explorations/active', { explorationId }),
    onSuccess: (data) => client.setQueryData(explorationKeys.active(), data),
  });
}

export function useDeletedExplorations() {
  return useQuery({ queryKey: explorationKeys.deleted(), queryFn: () => api.get<{ items: DeletedExploration[] }>('/api/v1/explorations/deleted') });
}

export function useUpdateExploration(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateExplorationInput) => api.patch<Exploration>(`/api/v1/explorations/${id}`, body),
    onSuccess: async (saved) => {
      client.setQueryData(explorationKeys.one(id), saved);
      await client.invalidateQueries({ queryKey: explorationKeys.all });
      await client.invalidateQueries({ queryKey: ['decision', id] });
    },
  });
}

/** Deleting and restoring touch every page that shows explorations, so everything is refetched. */
export function useDeleteExploration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ deleted: true; id: string }>(`/api/v1/explorations/${id}`),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useRestoreExploration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Exploration>(`/api/v1/explorations/${id}/restore`),
    onSuccess: () => client.invalidateQueries(),
  });
}

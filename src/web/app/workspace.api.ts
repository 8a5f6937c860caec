import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { WorkspaceTarget, WorkspaceInfo } from '../../shared/schemas/workspace.js';
import { api } from '../api/client.js';
import { workspaceKeys } from '../api/keys.js';

export type { WorkspaceInfo };

export const workspaceQuery = queryOptions({ queryKey: workspaceKeys.info, queryFn: () => api.get<WorkspaceInfo>('/api/v1/workspace') });

export function useWorkspace() {
  return useQuery(workspaceQuery);
}

/**
 * Opens the demo workspace or returns to the user's own, on its Today page; everything cached belongs to
 * the old one. The page that asked may unmount while the caches reset, so the move to Today happens here.
 */
export function useSwitchWorkspace() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (to: WorkspaceTarget) => api.post<WorkspaceInfo>('/api/v1/workspace/switch', { to }),
    onSuccess: async () => {
      // Navigate before the refetch: a fresh workspace then redirects '/' to the set-up, and nothing moves it back to a
      // blank '/' afterwards (navigating after the refetch raced the redirect and left an empty page).
      await navigate('/');
      await client.resetQueries();
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';

export interface WorkspaceInfo {
  location: string;
  dialect: 'sqlite' | 'postgres';
  demo: boolean;
  canSwitch: boolean;
  counts: { contacts: number; organizations: number; explorations: number; interviews: number };
  profileSaved: boolean;
}

export function useWorkspace() {
  return useQuery({ queryKey: ['workspace'], queryFn: () => api.get<WorkspaceInfo>('/api/v1/workspace') });
}

/** Opens the demo workspace or returns to the user's own; everything cached belongs to the old one. */
export function useSwitchWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (to: 'own' | 'demo') => api.post<WorkspaceInfo>('/api/v1/workspace/switch', { to }),
    onSuccess: async () => {
      await client.resetQueries();
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Restored } from '../../shared/schemas/trash.js';
import { api } from '../api/client.js';
import { invalidate, recordKeys } from '../api/keys.js';

/** Brings a deleted person, organisation or interview back from the trash; every page that could show it refreshes. */
export function useRestoreFromTrash(onRestored: (restored: Restored, trashId: string) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (trashId: string) => api.post<Restored>(`/api/v1/trash/${trashId}/restore`),
    onSuccess: async (restored, trashId) => {
      await invalidate(client, recordKeys);
      onRestored(restored, trashId);
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Interview, InterviewStatus } from '../../../shared/schemas/interviews.js';
import { api } from '../../api/client.js';

export function useTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, to, scheduledAt }: { id: string; to: InterviewStatus; scheduledAt?: string }) =>
      api.post<Interview>(`/api/v1/interviews/${id}/transitions`, scheduledAt ? { to, scheduledAt } : { to }),
    onSuccess: () => client.invalidateQueries(),
  });
}

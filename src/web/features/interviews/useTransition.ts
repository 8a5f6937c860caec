import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Interview, InterviewStatus } from '../../../shared/schemas/interviews.js';
import { api } from '../../api/client.js';

export function useTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; to: InterviewStatus; scheduledAt?: string; thankYouFormat?: 'email' | 'handwritten' }) =>
      api.post<Interview>(`/api/v1/interviews/${id}/transitions`, body),
    onSuccess: () => client.invalidateQueries(),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Interview, InterviewStatus } from '../../../shared/schemas/interviews.js';
import { api } from '../../api/client.js';

/**
 * Moves an interview along its lifecycle. Marking it thanked goes through the
 * thank-you endpoint, so the thank-you also lands on the person's timeline.
 */
export function useTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; to: InterviewStatus; scheduledAt?: string; thankYouFormat?: 'email' | 'handwritten' }) =>
      body.to === 'thanked'
        ? api.post<Interview>(`/api/v1/interviews/${id}/thank-you`, { format: body.thankYouFormat ?? 'email' })
        : api.post<Interview>(`/api/v1/interviews/${id}/transitions`, body),
    onSuccess: () => client.invalidateQueries(),
  });
}

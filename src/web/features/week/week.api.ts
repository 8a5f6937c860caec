import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Week, WeeklyTargetsInput, WeeklyTargetsResponse } from '../../../shared/schemas/week.js';
import { api } from '../../api/client.js';
import { insightKeys, invalidate, weekKeys } from '../../api/keys.js';

/** This week against the targets, as the server's clock has it. */
export function useWeek() {
  return useQuery({ queryKey: weekKeys.all, queryFn: () => api.get<Week>('/api/v1/week') });
}

export function useSetWeeklyTargets({ onSaved, onError }: { onSaved: () => void; onError: (error: Error) => void }) {
  const client = useQueryClient();
  return useMutation({
    // The form sends what was typed (a blank stays a blank), so the server's answer names a field left empty.
    mutationFn: (body: WeeklyTargetsInput | Record<'requests' | 'conversations' | 'people', number | string>) => api.put<WeeklyTargetsResponse>('/api/v1/week/targets', body),
    onSuccess: async () => {
      onSaved();
      await invalidate(client, [weekKeys.all, insightKeys.all]);
    },
    onError,
  });
}

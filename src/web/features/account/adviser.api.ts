import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyAdviser } from '../../../shared/schemas/cohorts.js';
import { api } from '../../api/client.js';
import { accountKeys, cohortKeys } from '../../api/keys.js';

/** One's adviser, and what one shares with them. */
export function useMyAdviser() {
  return useQuery({ queryKey: cohortKeys.adviser, queryFn: () => api.get<MyAdviser>('/api/v1/account/adviser') });
}

/** Shares one's progress with one's adviser in one step; the list of coaches one shares with follows. */
export function useShareWithAdviser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<MyAdviser>('/api/v1/account/adviser/share'),
    onSuccess: (data) => {
      client.setQueryData(cohortKeys.adviser, data);
      void client.invalidateQueries({ queryKey: accountKeys.sharing });
    },
  });
}

import { useQuery } from '@tanstack/react-query';
import type { Caseload } from '../../../shared/schemas/cohorts.js';
import { api } from '../../api/client.js';
import { cohortKeys } from '../../api/keys.js';

/** The students this adviser looks after, optionally one cohort's (`cohort` empty: all). */
export function useCaseload(cohort: string) {
  return useQuery({ queryKey: cohortKeys.caseload(cohort), queryFn: () => api.get<Caseload>('/api/v1/coaching/caseload', cohort ? { cohort } : undefined) });
}

import { useQuery } from '@tanstack/react-query';
import type { Insights, ReferralGraph } from '../../../shared/schemas/insights.js';
import { api } from '../../api/client.js';
import { insightKeys } from '../../api/keys.js';

export function useInsights() {
  return useQuery({ queryKey: insightKeys.all, queryFn: () => api.get<Insights>('/api/v1/insights') });
}

/** Who led to whom: people and the referrals between them. */
export function useReferralGraph() {
  return useQuery({ queryKey: insightKeys.referralGraph, queryFn: () => api.get<ReferralGraph>('/api/v1/referrals/graph') });
}

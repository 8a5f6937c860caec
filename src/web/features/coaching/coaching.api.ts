import { useQuery } from '@tanstack/react-query';
import type { CoachDashboard, ExplorerNotes, ExplorerProgress } from '../../../shared/schemas/sharing.js';
import { api } from '../../api/client.js';
import { coachingKeys } from '../../api/keys.js';

/** Every explorer who shares with this coach. */
export function useCoachDashboard() {
  return useQuery({ queryKey: coachingKeys.all, queryFn: () => api.get<CoachDashboard>('/api/v1/coaching/explorers') });
}

export function useExplorerProgress(id: string) {
  return useQuery({ queryKey: coachingKeys.explorer(id), queryFn: () => api.get<ExplorerProgress>(`/api/v1/coaching/explorers/${id}`) });
}

/** The explorer's conversation notes, when they share those too. */
export function useExplorerNotes(id: string) {
  return useQuery({ queryKey: coachingKeys.notes(id), queryFn: () => api.get<ExplorerNotes>(`/api/v1/coaching/explorers/${id}/notes`) });
}

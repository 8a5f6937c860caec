import { useQuery } from '@tanstack/react-query';
import type { Findings, PitchCheck, SuggestionFilters, Suggestions } from '../../../shared/schemas/coach.js';
import { api } from '../../api/client.js';
import { coachKeys } from '../../api/keys.js';
import { useDebounced } from '../../ui/useDebounced.js';

/**
 * Runs a coaching check on `text` once typing pauses; no result while the text is empty. `kind` names the
 * check in the query key; `run` asks the server.
 */
export function useLiveCheck<T extends Findings>(kind: string, text: string, run: (text: string) => Promise<T>, extra: object = {}): T | undefined {
  const settled = useDebounced(text);
  const check = useQuery({
    queryKey: coachKeys.check(kind, settled, extra),
    queryFn: () => run(settled),
    enabled: settled.trim().length > 0,
    placeholderData: (previous) => previous,
  });
  return settled.trim() ? check.data : undefined;
}

/** Word count, spoken length and the job-asking check for a pitch. */
export const usePitchCheck = (text: string) => useLiveCheck('pitch', text, (t) => api.post<PitchCheck>('/api/v1/coach/pitch', { text: t }));

/** The email checker's findings for a request. */
export const useEmailCheck = (text: string) => useLiveCheck('email', text, (t) => api.post<Findings>('/api/v1/coach/email', { text: t }));

/** Whom to approach next, best first (the same ranking as `inroads next`). */
export function useSuggestions(filters: SuggestionFilters) {
  return useQuery({
    queryKey: coachKeys.suggestionList(filters),
    queryFn: () => api.get<Suggestions>('/api/v1/suggestions', { ...filters }),
  });
}

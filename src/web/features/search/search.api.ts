import { useQuery } from '@tanstack/react-query';
import type { SearchResult } from '../../../shared/schemas/search.js';
import { api } from '../../api/client.js';
import { searchKeys } from '../../api/keys.js';

/** One search over people, organisations, interview notes and interactions (nothing is asked while `enabled` is false). */
export function useSearch(text: string, enabled: boolean) {
  return useQuery({
    queryKey: searchKeys.results(text),
    queryFn: () => api.get<SearchResult>('/api/v1/search', { q: text, limit: 20 }),
    enabled: enabled && text.length > 0,
  });
}

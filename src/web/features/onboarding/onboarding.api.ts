import { useQuery } from '@tanstack/react-query';
import type { Contact } from '../../../shared/schemas/contacts.js';
import { api, type Page } from '../../api/client.js';
import { peopleKeys } from '../../api/keys.js';

/** The people added to the first exploration so far, oldest first (from the server, so a reload keeps them). */
export function usePeopleAddedSoFar(explorationId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.list({ explorationId, onboarding: true }),
    queryFn: () => api.get<Page<Contact>>('/api/v1/contacts', { explorationId, limit: 50, sort: 'createdAt' }),
    enabled,
  });
}

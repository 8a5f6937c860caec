import { useQuery } from '@tanstack/react-query';
import type { Contact } from '../../../shared/schemas/contacts.js';
import type { Organization } from '../../../shared/schemas/organizations.js';
import type { Exploration } from '../../../shared/schemas/explorations.js';
import { api, type Page } from '../../api/client.js';

export function useOrganizationOptions() {
  return useQuery({
    queryKey: ['organizations', 'options'],
    queryFn: () => api.get<Page<Organization>>('/api/v1/organizations', { limit: 500, sort: 'name' }),
  });
}

export function useExplorationOptions() {
  return useQuery({
    queryKey: ['explorations', 'options'],
    queryFn: () => api.get<Page<Exploration>>('/api/v1/explorations', { limit: 500, sort: 'title' }),
  });
}

export function useContact(id: string | undefined) {
  return useQuery({ queryKey: ['contact', id], queryFn: () => api.get<Contact>(`/api/v1/contacts/${id}`), enabled: Boolean(id) });
}

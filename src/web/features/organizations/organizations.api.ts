import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact } from '../../../shared/schemas/contacts.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import type { Organization, UpdateOrganizationInput } from '../../../shared/schemas/organizations.js';
import type { DeletedWithUndo } from '../../../shared/schemas/trash.js';
import { api, type Page } from '../../api/client.js';
import { interviewKeys, invalidate, organizationKeys, peopleKeys } from '../../api/keys.js';

export function useOrganization(id: string) {
  return useQuery({ queryKey: organizationKeys.detail(id), queryFn: () => api.get<Organization>(`/api/v1/organizations/${id}`) });
}

/** The target list, best first. */
export function useRankedOrganizations() {
  return useQuery({ queryKey: organizationKeys.list('ranked'), queryFn: () => api.get<Page<Organization>>('/api/v1/organizations', { sort: 'rank', limit: 500 }) });
}

export function useOrganizationPeople(organizationId: string) {
  return useQuery({
    queryKey: peopleKeys.list({ organizationId }),
    queryFn: () => api.get<Page<Contact>>('/api/v1/contacts', { organizationId, limit: 200 }),
  });
}

export function useOrganizationInterviews(organizationId: string) {
  return useQuery({
    queryKey: interviewKeys.list({ organizationId }),
    queryFn: () => api.get<Page<Interview>>('/api/v1/interviews', { organizationId, limit: 200 }),
  });
}

/** The add-or-edit form's request: a new organisation, or changes to one. */
export const saveOrganization =
  (id: string | undefined) =>
  (body: Record<string, unknown>): Promise<Organization> =>
    id ? api.patch<Organization>(`/api/v1/organizations/${id}`, body) : api.post<Organization>('/api/v1/organizations', body);

export const updateOrganization = (id: string, body: UpdateOrganizationInput) => api.patch<Organization>(`/api/v1/organizations/${id}`, body);

/** Deleted to the trash, so it can be undone. */
export const deleteOrganization = (id: string) => api.delete<DeletedWithUndo>(`/api/v1/organizations/${id}`);

/** How keen, posting, alumni link: the rank changes, so every list of organisations refreshes. */
export function useRankOrganization(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateOrganizationInput) => updateOrganization(id, patch),
    onSuccess: () => invalidate(client, [organizationKeys.all, organizationKeys.details]),
  });
}

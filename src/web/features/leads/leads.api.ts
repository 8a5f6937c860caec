import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateLeadInput, Lead, LeadStatus } from '../../../shared/schemas/leads.js';
import { api, type Page } from '../../api/client.js';
import { agendaKeys, invalidate, leadKeys, searchKeys } from '../../api/keys.js';

/** Which leads a list shows: one organisation's, one exploration's, one conversation's, or all by status. */
export interface LeadListFilters {
  organizationId?: string;
  explorationId?: string;
  interviewId?: string;
  status?: LeadStatus[];
}

export function useLeads(filters: LeadListFilters) {
  return useQuery({
    queryKey: leadKeys.list(filters),
    queryFn: () =>
      api.get<Page<Lead>>('/api/v1/leads', {
        limit: 200,
        sort: '-createdAt',
        ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
        ...(filters.explorationId ? { explorationId: filters.explorationId } : {}),
        ...(filters.interviewId ? { interviewId: filters.interviewId } : {}),
        ...(filters.status?.length ? { status: filters.status.join(',') } : {}),
      }),
  });
}

/** Create or change a lead, for the lead form (useEntityForm refreshes every record list, leads included). */
export const saveLead =
  (id: string | undefined) =>
  (body: Record<string, unknown>): Promise<Lead> =>
    id ? api.patch<Lead>(`/api/v1/leads/${id}`, body) : api.post<Lead>('/api/v1/leads', body);

/** The quick capture of interview mode: a title, a kind and the permission, from the conversation. */
export function useCaptureLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLeadInput) => api.post<Lead>('/api/v1/leads', body),
    onSuccess: () => invalidate(client, [leadKeys.all, agendaKeys.all, searchKeys.all]),
  });
}

export function useDeleteLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/v1/leads/${id}`),
    onSuccess: () => invalidate(client, [leadKeys.all, agendaKeys.all, searchKeys.all]),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Deleted } from '../../../shared/schemas/common.js';
import type { Contact } from '../../../shared/schemas/contacts.js';
import type { DecisionBoard } from '../../../shared/schemas/decisions.js';
import type { ActiveExploration, DeletedExplorations, Exploration, UpdateExplorationInput } from '../../../shared/schemas/explorations.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import type { Organization } from '../../../shared/schemas/organizations.js';
import type { NewQuestionInput, Question } from '../../../shared/schemas/questions.js';
import { api, type Page } from '../../api/client.js';
import { explorationKeys, interviewKeys, invalidate, organizationKeys, peopleKeys, questionKeys, recordKeys } from '../../api/keys.js';

export const explorationListQuery = queryOptions({
  queryKey: explorationKeys.list(),
  queryFn: () => api.get<Page<Exploration>>('/api/v1/explorations', { limit: 200, sort: '-updatedAt' }),
});

export function useExplorationList() {
  return useQuery(explorationListQuery);
}

export function useExploration(id: string) {
  return useQuery({ queryKey: explorationKeys.one(id), queryFn: () => api.get<Exploration>(`/api/v1/explorations/${id}`) });
}

/** What several conversations say about the path. */
export function useDecisionBoard(id: string) {
  return useQuery({ queryKey: explorationKeys.decision(id), queryFn: () => api.get<DecisionBoard>(`/api/v1/explorations/${id}/decision`) });
}

export function useExplorationOrganizations(explorationId: string) {
  return useQuery({
    queryKey: organizationKeys.list({ explorationId }),
    queryFn: () => api.get<Page<Organization>>('/api/v1/organizations', { explorationId, limit: 200 }),
  });
}

export function useExplorationPeople(explorationId: string) {
  return useQuery({ queryKey: peopleKeys.list({ explorationId }), queryFn: () => api.get<Page<Contact>>('/api/v1/contacts', { explorationId, limit: 200 }) });
}

export function useExplorationInterviews(explorationId: string) {
  return useQuery({
    queryKey: interviewKeys.list({ explorationId }),
    queryFn: () => api.get<Page<Interview>>('/api/v1/interviews', { explorationId, limit: 200 }),
  });
}

/** A person's organisation, for the explorations they belong to through it. */
export function useOrganizationOf(organizationId: string | null | undefined) {
  return useQuery({
    queryKey: organizationKeys.detail(organizationId),
    queryFn: () => api.get<Organization>(`/api/v1/organizations/${organizationId}`),
    enabled: Boolean(organizationId),
  });
}

/** The explorations a person, organisation or interview belongs to: `save` is that record's own update. */
export function useSaveExplorationIds(save: (explorationIds: string[]) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: save, onSuccess: () => invalidate(client, recordKeys) });
}

/** The add-or-edit form's request: a new exploration, or changes to one. */
export const saveExploration =
  (id: string | undefined) =>
  (body: Record<string, unknown>): Promise<Exploration> =>
    id ? api.patch<Exploration>(`/api/v1/explorations/${id}`, body) : api.post<Exploration>('/api/v1/explorations', body);

export const activeExplorationQuery = queryOptions({ queryKey: explorationKeys.active(), queryFn: () => api.get<ActiveExploration>('/api/v1/explorations/active') });

export function useActiveExploration() {
  return useQuery(activeExplorationQuery);
}

export function useSetActiveExploration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (explorationId: string | null) => api.put<ActiveExploration>('/api/v1/explorations/active', { explorationId }),
    onSuccess: (data) => client.setQueryData(explorationKeys.active(), data),
  });
}

export function useDeletedExplorations() {
  return useQuery({ queryKey: explorationKeys.deleted(), queryFn: () => api.get<DeletedExplorations>('/api/v1/explorations/deleted') });
}

export function useUpdateExploration(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateExplorationInput) => api.patch<Exploration>(`/api/v1/explorations/${id}`, body),
    onSuccess: async (saved) => {
      client.setQueryData(explorationKeys.one(id), saved);
      await client.invalidateQueries({ queryKey: explorationKeys.all });
      await client.invalidateQueries({ queryKey: explorationKeys.decision(id) });
    },
  });
}

/** Deleting and restoring touch every page that shows explorations or what is filed under them. */
export function useDeleteExploration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Deleted>(`/api/v1/explorations/${id}`),
    onSuccess: () => invalidate(client, recordKeys),
  });
}

export function useRestoreExploration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Exploration>(`/api/v1/explorations/${id}/restore`),
    onSuccess: () => invalidate(client, recordKeys),
  });
}

/** Files a question suggested by the decision board in the bank. */
export function useAddToQuestionBank() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewQuestionInput) => api.post<Question>('/api/v1/questions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: questionKeys.all }),
  });
}

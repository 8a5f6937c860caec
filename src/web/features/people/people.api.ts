import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Agenda } from '../../../shared/schemas/agenda.js';
import type { PageResult } from '../../../shared/schemas/common.js';
import type { Contact } from '../../../shared/schemas/contacts.js';
import type { Exploration } from '../../../shared/schemas/explorations.js';
import type { CreateInteractionInput, Interaction } from '../../../shared/schemas/interactions.js';
import type { Organization } from '../../../shared/schemas/organizations.js';
import type { SearchResult } from '../../../shared/schemas/search.js';
import type { Timeline } from '../../../shared/schemas/timeline.js';
import { api } from '../../api/client.js';
import { useUndoableDelete } from '../../ui/undo.js';

/** The addresses of the people feature: only this file (and forms that take one) ever names them. */
export const contactUrls = {
  collection: '/api/v1/contacts',
  one: (id: string) => `/api/v1/contacts/${id}`,
};

/**
 * Query keys of the people feature, in the shapes of the app-wide factory (src/web/api/keys.ts, being
 * written beside this): lists under ['contacts'], one person under ['contact', id].
 */
export const peopleKeys = {
  all: ['contacts'] as const,
  list: (query: Record<string, string>) => ['contacts', query] as const,
  details: ['contact'] as const,
  detail: (id: string | undefined) => ['contact', id] as const,
  search: (text: string) => ['people-search', text] as const,
  searches: ['people-search'] as const,
  timeline: (id: string) => ['timeline', id] as const,
  timelines: ['timeline'] as const,
  /** Under ['agenda'], so whatever refreshes the agenda refreshes a person's share of it too. */
  agenda: (id: string) => ['agenda', { contactId: id }] as const,
  organizationOptions: ['organizations', 'options'] as const,
  explorationOptions: ['explorations', 'options'] as const,
};

export const PEOPLE_PAGE = 100;

export const fetchContactsPage = (query: Record<string, string>, offset: number) =>
  api.get<PageResult<Contact>>(contactUrls.collection, { ...query, limit: PEOPLE_PAGE, offset });

/** The first page of people matching `query` (the rest are fetched as the list scrolls, with fetchContactsPage). */
export function useContactsFirstPage(query: Record<string, string>) {
  return useQuery({ queryKey: peopleKeys.list(query), queryFn: () => fetchContactsPage(query, 0), placeholderData: keepPreviousData });
}

/** People whose name, title or notes match `text`, with the matching words marked. */
export function useContactSearch(text: string) {
  return useQuery({
    queryKey: peopleKeys.search(text),
    queryFn: () => api.get<SearchResult>('/api/v1/search', { q: text, types: 'contact', limit: 50 }),
    enabled: text.trim().length > 0,
  });
}

export function useOrganizationOptions() {
  return useQuery({
    queryKey: peopleKeys.organizationOptions,
    queryFn: () => api.get<PageResult<Organization>>('/api/v1/organizations', { limit: 500, sort: 'name' }),
  });
}

export function useExplorationOptions() {
  return useQuery({
    queryKey: peopleKeys.explorationOptions,
    queryFn: () => api.get<PageResult<Exploration>>('/api/v1/explorations', { limit: 500, sort: 'title' }),
  });
}

export function useContact(id: string | undefined) {
  return useQuery({ queryKey: peopleKeys.detail(id), queryFn: () => api.get<Contact>(contactUrls.one(id ?? '')), enabled: Boolean(id) });
}

export function useContactTimeline(id: string) {
  return useQuery({ queryKey: peopleKeys.timeline(id), queryFn: () => api.get<Timeline>(`${contactUrls.one(id)}/timeline`) });
}

/** This person's open agenda items for the week ahead (and overdue ones): the server leaves out everyone else's. */
export function useContactAgenda(id: string) {
  return useQuery({ queryKey: peopleKeys.agenda(id), queryFn: () => api.get<Agenda>('/api/v1/agenda', { contactId: id }) });
}

/** What logging contact with a person can change: them, their timeline, the lists and searches they are in, the agenda, search and insights. */
export async function refreshAfterContactActivity(client: QueryClient, id: string): Promise<void> {
  const keys = [peopleKeys.detail(id), peopleKeys.timeline(id), peopleKeys.all, peopleKeys.searches, ['agenda'], ['search'], ['insights']];
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useLogInteraction(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<CreateInteractionInput, 'contactId' | 'occurredAt'>) => api.post<Interaction>('/api/v1/interactions', { contactId, ...body }),
    onSuccess: () => refreshAfterContactActivity(client, contactId),
  });
}

/** Deleting a person, with a while to undo it. */
export function useDeleteContact({ id, name, onDeleted }: { id: string; name: string; onDeleted: () => void | Promise<void> }) {
  return useUndoableDelete({ url: contactUrls.one(id), label: name, restoredPath: `/people/${id}`, homePath: '/people', onDeleted });
}

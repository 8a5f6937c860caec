import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { PEOPLE_PAGE } from '../../../shared/vocabulary/first-requests.js';
import type { Agenda } from '../../../shared/schemas/agenda.js';
import type { PageResult } from '../../../shared/schemas/common.js';
import type { Contact, UpdateContactInput } from '../../../shared/schemas/contacts.js';
import type { Exploration } from '../../../shared/schemas/explorations.js';
import type { CreateInteractionInput, Interaction } from '../../../shared/schemas/interactions.js';
import type { Organization } from '../../../shared/schemas/organizations.js';
import type { SearchResult } from '../../../shared/schemas/search.js';
import type { Timeline } from '../../../shared/schemas/timeline.js';
import type { DeletedWithUndo } from '../../../shared/schemas/trash.js';
import { api } from '../../api/client.js';
import { agendaKeys, explorationKeys, insightKeys, invalidate, organizationKeys, peopleKeys, searchKeys } from '../../api/keys.js';
import { useUndoableDelete } from '../../ui/undo.js';

/** The addresses of the people feature: only this file ever names them. */
const contactUrls = {
  collection: '/api/v1/contacts',
  one: (id: string) => `/api/v1/contacts/${id}`,
};

export { PEOPLE_PAGE };

export const fetchContactsPage = (query: Record<string, string>, offset: number) =>
  api.get<PageResult<Contact>>(contactUrls.collection, { ...query, limit: PEOPLE_PAGE, offset });

/** The first page of people matching `query` (the rest are fetched as the list scrolls, with fetchContactsPage). */
export const contactsFirstPageQuery = (query: Record<string, string>) => queryOptions({ queryKey: peopleKeys.list(query), queryFn: () => fetchContactsPage(query, 0) });

export function useContactsFirstPage(query: Record<string, string>) {
  return useQuery({ ...contactsFirstPageQuery(query), placeholderData: keepPreviousData });
}

/** People whose name, title or notes match `text`, with the matching words marked. */
export function useContactSearch(text: string) {
  return useQuery({
    queryKey: peopleKeys.search(text),
    queryFn: () => api.get<SearchResult>('/api/v1/search', { q: text, types: 'contact', limit: 50 }),
    enabled: text.trim().length > 0,
  });
}

export const organizationOptionsQuery = queryOptions({
  queryKey: organizationKeys.options(),
  queryFn: () => api.get<PageResult<Organization>>('/api/v1/organizations', { limit: 500, sort: 'name' }),
});

/** The organisations for a picker; `enabled: false` waits (People asks once its first rows are in). */
export function useOrganizationOptions(enabled = true) {
  return useQuery({ ...organizationOptionsQuery, enabled });
}

export const explorationOptionsQuery = queryOptions({
  queryKey: explorationKeys.options(),
  queryFn: () => api.get<PageResult<Exploration>>('/api/v1/explorations', { limit: 500, sort: 'title' }),
});

export function useExplorationOptions(enabled = true) {
  return useQuery({ ...explorationOptionsQuery, enabled });
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

/** The add-or-edit form's request: a new person, or changes to one. */
export const saveContact =
  (id: string | undefined) =>
  (body: Record<string, unknown>): Promise<Contact> =>
    id ? api.patch<Contact>(contactUrls.one(id), body) : api.post<Contact>(contactUrls.collection, body);

export const updateContact = (id: string, body: UpdateContactInput) => api.patch<Contact>(contactUrls.one(id), body);

/** Deleted to the trash, so it can be undone. */
export const deleteContact = (id: string) => api.delete<DeletedWithUndo>(contactUrls.one(id));

/** What logging contact with a person can change: them, their timeline, the lists and searches they are in, the agenda, search and insights. */
export async function refreshAfterContactActivity(client: QueryClient, id: string): Promise<void> {
  await invalidate(client, [peopleKeys.detail(id), peopleKeys.timeline(id), peopleKeys.all, peopleKeys.searches, agendaKeys.all, searchKeys.all, insightKeys.all]);
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
  return useUndoableDelete({ request: () => deleteContact(id), label: name, restoredPath: `/people/${id}`, homePath: '/people', onDeleted });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact } from '../../../shared/schemas/contacts.js';
import type { Template, TemplatePreview, UpdateTemplateInput } from '../../../shared/schemas/templates.js';
import { api, type Page } from '../../api/client.js';
import { peopleKeys, templateKeys } from '../../api/keys.js';

export function useTemplates() {
  return useQuery({ queryKey: templateKeys.all, queryFn: () => api.get<Page<Template>>('/api/v1/templates', { limit: 500, sort: 'kind' }) });
}

/** The people a template can be tried on, by name. */
export function useTemplatePeople() {
  return useQuery({ queryKey: peopleKeys.list('template-people'), queryFn: () => api.get<Page<Contact>>('/api/v1/contacts', { limit: 200, sort: 'name' }) });
}

/** The template filled in for one person, as it is edited. */
export function useTemplatePreview(input: { contactId: string; subject: string; body: string }) {
  const { contactId, subject, body } = input;
  return useQuery({
    queryKey: templateKeys.preview(input),
    queryFn: () => api.post<TemplatePreview>('/api/v1/templates/preview', { contactId, subject: subject || null, body }),
    enabled: Boolean(contactId) && body.trim().length > 0,
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function useUpdateTemplate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTemplateInput) => api.patch<Template>(`/api/v1/templates/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

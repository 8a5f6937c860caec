import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agenda, AgendaDraft, AgendaDraftInput, AgendaItem, AgendaStateInput, AgendaItemState } from '../../../shared/schemas/agenda.js';
import type { Contact } from '../../../shared/schemas/contacts.js';
import type { RecordThankYouInput } from '../../../shared/schemas/conversation.js';
import type { CreateInteractionInput, Interaction } from '../../../shared/schemas/interactions.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import { api, type Page } from '../../api/client.js';
import { agendaKeys, interviewKeys, invalidate, peopleKeys, recordKeys } from '../../api/keys.js';

/** The agenda with at most `limit` items of each group (overdue, today, later); asking for more keeps the shown ones on screen. */
export const agendaQuery = (limit: number) => queryOptions({ queryKey: agendaKeys.today(limit), queryFn: () => api.get<Agenda>('/api/v1/agenda', { limit }) });

export function useAgenda(limit: number) {
  return useQuery({ ...agendaQuery(limit), placeholderData: keepPreviousData });
}

/** Whether anyone has been added yet (asked only when the agenda is empty). */
export function useAnyoneAdded(enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.list({ limit: 1, today: true }),
    queryFn: () => api.get<Page<Contact>>('/api/v1/contacts', { limit: 1 }),
    enabled,
  });
}

const setItemState = (key: string, body: AgendaStateInput) => api.put<AgendaItemState>(`/api/v1/agenda/items/${encodeURIComponent(key)}/state`, body);

/** Done, snoozed or dismissed: the agenda and everything worked out from the same records refresh. */
export function useAgendaActions() {
  const client = useQueryClient();
  const refresh = () => invalidate(client, recordKeys);
  const setState = useMutation({
    mutationFn: ({ key, ...body }: AgendaStateInput & { key: string }) => setItemState(key, body),
    onSuccess: refresh,
  });
  return { setState, refresh };
}

/** A message for an agenda item, drafted on the server from the user's own templates. */
export function useAgendaDraft(itemKey: string, input: Partial<AgendaDraftInput>) {
  return useQuery({
    queryKey: agendaKeys.draft(itemKey),
    queryFn: () => api.post<AgendaDraft>('/api/v1/agenda/draft', input),
    enabled: Boolean(input.contactId),
  });
}

/**
 * "I sent it": a thank-you marks its interview thanked and logs itself; anything else is logged on the
 * person's timeline and settles the item.
 */
export function useLogSentMessage(item: AgendaItem, onLogged: () => void) {
  const { refresh } = useAgendaActions();
  return useMutation({
    mutationFn: async (sent: { thankYou: RecordThankYouInput & { interviewId: string } } | { interaction: CreateInteractionInput } | null) => {
      if (!sent) return;
      if ('thankYou' in sent) {
        const { interviewId, ...body } = sent.thankYou;
        await api.post<Interview>(`/api/v1/interviews/${interviewId}/thank-you`, body);
        return;
      }
      await api.post<Interaction>('/api/v1/interactions', sent.interaction);
      await setItemState(item.key, { state: 'done' });
    },
    onSuccess: async () => {
      await refresh();
      onLogged();
    },
  });
}

/** The interview an agenda item is about (from the cache when it is there). */
export function useFetchInterview() {
  const client = useQueryClient();
  return (id: string) => client.fetchQuery({ queryKey: interviewKeys.one(id), queryFn: () => api.get<Interview>(`/api/v1/interviews/${id}`) });
}

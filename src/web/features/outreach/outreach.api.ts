import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestDraft, RequestDraftInput, RequestSent, RequestSentInput } from '../../../shared/schemas/outreach.js';
import { api } from '../../api/client.js';
import { invalidate, outreachKeys, recordKeys } from '../../api/keys.js';

/** The request drafted on the server from the user's own template, for this person and exploration. */
export function useRequestDraft(input: RequestDraftInput) {
  return useQuery({
    queryKey: outreachKeys.draft(input),
    queryFn: () => api.post<RequestDraft>('/api/v1/outreach/request-draft', input),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

/** "I sent it": the interview moves to requested and keeps the message; every page that shows records refreshes. */
export function useRequestSent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestSentInput) => api.post<RequestSent>('/api/v1/outreach/request-sent', input),
    onSuccess: () => invalidate(client, recordKeys),
  });
}

/** A `mailto:` link with the address, subject and body (line breaks as CRLF, as RFC 6068 asks). */
export function mailtoHref(to: string | null, subject: string, body: string): string {
  const params = [subject ? `subject=${encodeURIComponent(subject)}` : null, `body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`].filter(Boolean).join('&');
  return `mailto:${to ? encodeURIComponent(to).replace(/%40/g, '@') : ''}?${params}`;
}

import { useQuery } from '@tanstack/react-query';
import type { InterviewNote } from '../../../shared/schemas/conversation.js';
import type { Interview, InterviewStatus } from '../../../shared/schemas/interviews.js';
import type { Referral } from '../../../shared/schemas/referrals.js';
import { api, ApiError, type Page } from '../../api/client.js';

/** Query keys of the interviews feature: one interview, its notes and its referrals sit under ['interview', id]. */
export const interviewKeys = {
  one: (id: string) => ['interview', id] as const,
  notes: (id: string) => ['interview', id, 'notes'] as const,
  referrals: (id: string) => ['interview', id, 'referrals'] as const,
  ofContact: (contactId: string) => ['interviews', { contactId }] as const,
};

/** Not there: deleted, or an address whose id cannot name an interview at all. */
export const isMissing = (error: unknown): boolean => error instanceof ApiError && (error.status === 404 || (error.status === 400 && 'id' in error.fieldErrors()));

/** A 404 will not turn into anything else by asking again: no retry, so a deleted interview shows one clear state. */
export const retryUnlessMissing = (count: number, error: unknown): boolean =>
  !(isMissing(error) || (error instanceof ApiError && error.status === 401)) && count < 1;

export function useInterview(id: string) {
  return useQuery({ queryKey: interviewKeys.one(id), queryFn: () => api.get<Interview>(`/api/v1/interviews/${id}`), retry: retryUnlessMissing });
}

export function useInterviewNotes(id: string, enabled = true) {
  return useQuery({
    queryKey: interviewKeys.notes(id),
    queryFn: () => api.get<{ items: InterviewNote[] }>(`/api/v1/interviews/${id}/notes`),
    retry: retryUnlessMissing,
    enabled,
  });
}

export function useInterviewReferrals(id: string, enabled = true) {
  return useQuery({
    queryKey: interviewKeys.referrals(id),
    queryFn: () => api.get<Page<Referral>>('/api/v1/referrals', { interviewId: id, limit: 100 }),
    retry: retryUnlessMissing,
    enabled,
  });
}

export function useContactInterviews(contactId: string) {
  return useQuery({
    queryKey: interviewKeys.ofContact(contactId),
    queryFn: () => api.get<Page<Interview>>('/api/v1/interviews', { contactId, limit: 50 }),
  });
}

/**
 * Interview mode is for the conversation itself: offered once it is scheduled and until the
 * thank-you is sent (held, it is where the notes were being taken), never after.
 */
export const offersInterviewMode = (status: InterviewStatus): boolean => status === 'scheduled' || status === 'held';
/** After the thanks, or closed without a conversation: interview mode has nothing left to do. */
export const isOver = (status: InterviewStatus): boolean => ['thanked', 'keeping-in-touch', 'no-reply', 'declined', 'cancelled'].includes(status);
/** The states in which an interview is still open: planning another with the same person would be a duplicate. */
export const openStatuses: readonly InterviewStatus[] = ['idea', 'requested', 'scheduled'];

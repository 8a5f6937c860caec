import { useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PageResult } from '../../../shared/schemas/common.js';
import type {
  CreateNoteInput,
  DebriefInput,
  InterviewNote,
  InterviewNotes,
  QuickReferral,
  QuickReferralInput,
  RecordThankYouInput,
  ThankYouDraft,
  UpdateLiveInput,
  UpdateNoteInput,
} from '../../../shared/schemas/conversation.js';
import type { Interview, InterviewStatus, TransitionInput, UpdateInterviewInput } from '../../../shared/schemas/interviews.js';
import type { Question } from '../../../shared/schemas/questions.js';
import type { Referral } from '../../../shared/schemas/referrals.js';
import { api, ApiError } from '../../api/client.js';

/** The addresses of the interviews feature: only this file (and forms that take one) ever names them. */
export const interviewUrls = {
  collection: '/api/v1/interviews',
  one: (id: string) => `/api/v1/interviews/${id}`,
  /** A download link: the interview as an .ics file. */
  calendar: (id: string) => `/api/v1/interviews/${id}/calendar.ics`,
};

/**
 * Query keys of the interviews feature, in the shapes of the app-wide factory (src/web/api/keys.ts, being
 * written beside this): one interview, its notes and its referrals under ['interview', id]; lists under ['interviews'].
 */
export const interviewKeys = {
  all: ['interviews'] as const,
  list: (params: object | string) => ['interviews', params] as const,
  details: ['interview'] as const,
  one: (id: string) => ['interview', id] as const,
  notes: (id: string) => ['interview', id, 'notes'] as const,
  referrals: (id: string) => ['interview', id, 'referrals'] as const,
  /** The draft is written from the interview as it is: a new version of the interview asks for a new draft. */
  thankYouDraft: (id: string, version: string) => ['interview', id, 'thank-you', version] as const,
  ofContact: (contactId: string) => ['interviews', { contactId }] as const,
  /** The question bank, for the questions chosen for a conversation. */
  questionBank: ['questions', 'all'] as const,
};

/** Not there: deleted, or an address whose id cannot name an interview at all. */
export const isMissing = (error: unknown): boolean => error instanceof ApiError && (error.status === 404 || (error.status === 400 && 'id' in error.fieldErrors()));

/** A 404 will not turn into anything else by asking again: no retry, so a deleted interview shows one clear state. */
export const retryUnlessMissing = (count: number, error: unknown): boolean =>
  !(isMissing(error) || (error instanceof ApiError && error.status === 401)) && count < 1;

/**
 * Everything an interview's change can show up in besides the interview itself: the lists, people and
 * their timelines, organisations, explorations and their decision boards, the agenda and its drafts,
 * whom to ask next, insights, search and the coach's view. (The same records as `recordKeys` in the
 * app-wide key factory, with the coach's view.)
 */
const shownWithInterviews: QueryKey[] = [
  ['workspace'],
  ['interviews'],
  ['contacts'],
  ['contact'],
  ['people-search'],
  ['timeline'],
  ['organizations'],
  ['organization'],
  ['explorations'],
  ['exploration'],
  ['decision'],
  ['agenda'],
  ['agenda-draft'],
  ['suggestions'],
  ['outreach'],
  ['insights'],
  ['referral-graph'],
  ['search'],
  ['template-preview'],
  ['questions'],
  ['coaching'],
];

/**
 * Refreshes what an interview's change can show up in. `except` names an interview whose
 * own record is already up to date (set from the server's answer), so it is not fetched again.
 */
export async function refreshAfterInterviewChange(client: QueryClient, except?: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: interviewKeys.details, predicate: (q) => !(except !== undefined && q.queryKey[1] === except && q.queryKey.length === 2) }),
    ...shownWithInterviews.map((queryKey) => client.invalidateQueries({ queryKey })),
  ]);
}

export function useInterview(id: string) {
  return useQuery({ queryKey: interviewKeys.one(id), queryFn: () => api.get<Interview>(interviewUrls.one(id)), retry: retryUnlessMissing });
}

export function useInterviewNotes(id: string, enabled = true) {
  return useQuery({
    queryKey: interviewKeys.notes(id),
    queryFn: () => api.get<InterviewNotes>(`${interviewUrls.one(id)}/notes`),
    retry: retryUnlessMissing,
    enabled,
  });
}

export function useInterviewReferrals(id: string, enabled = true) {
  return useQuery({
    queryKey: interviewKeys.referrals(id),
    queryFn: () => api.get<PageResult<Referral>>('/api/v1/referrals', { interviewId: id, limit: 100 }),
    retry: retryUnlessMissing,
    enabled,
  });
}

const fetchContactInterviews = (contactId: string) => api.get<PageResult<Interview>>(interviewUrls.collection, { contactId, limit: 50 });

export function useContactInterviews(contactId: string) {
  return useQuery({ queryKey: interviewKeys.ofContact(contactId), queryFn: () => fetchContactInterviews(contactId) });
}

/** Every interview, most recently changed first, for the board. */
export function useInterviewBoard() {
  return useQuery({ queryKey: interviewKeys.list('board'), queryFn: () => api.get<PageResult<Interview>>(interviewUrls.collection, { limit: 500, sort: '-updatedAt' }) });
}

/** The whole question bank (the questions chosen for a conversation are looked up in it). */
export function useQuestionBank() {
  return useQuery({ queryKey: interviewKeys.questionBank, queryFn: () => api.get<PageResult<Question>>('/api/v1/questions', { limit: 500, sort: 'category' }) });
}

/** Moves an interview to another state. */
export function useTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & TransitionInput) => api.post<Interview>(`${interviewUrls.one(id)}/transitions`, body),
    onSuccess: () => refreshAfterInterviewChange(client),
  });
}

/**
 * "Plan an interview" with a person: `check` asks the server for the interviews already there
 * (never from the cache), `create` makes the idea, refreshes, then calls `onPlanned` (even if the
 * button has left the page meanwhile, as a suggestion does once it is planned).
 */
export function usePlanInterview(contactId: string, explorationIds: string[] | undefined, onPlanned: (interview: Interview) => Promise<void> | void) {
  const client = useQueryClient();
  const check = useMutation({
    mutationFn: () => client.fetchQuery({ queryKey: interviewKeys.ofContact(contactId), queryFn: () => fetchContactInterviews(contactId), staleTime: 0 }),
  });
  const create = useMutation({
    mutationFn: () => api.post<Interview>(interviewUrls.collection, { contactId, ...(explorationIds ? { explorationIds } : {}) }),
    onSuccess: async (interview) => {
      await refreshAfterInterviewChange(client);
      await onPlanned(interview);
    },
  });
  return { check, create };
}

/** Saves some of an interview's fields and puts the server's answer in place; everything showing interviews refreshes. */
export function useSaveInterviewFields(id: string) {
  const client = useQueryClient();
  return useCallback(
    async (body: UpdateInterviewInput) => {
      const updated = await api.patch<Interview>(interviewUrls.one(id), body);
      client.setQueryData(interviewKeys.one(id), updated);
      await refreshAfterInterviewChange(client, id);
      return updated;
    },
    [client, id],
  );
}

/** The preparation checklist, saved as it is ticked. */
export function useSavePrep(interview: Interview) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (checklist: Record<string, boolean>) => api.patch<Interview>(interviewUrls.one(interview.id), { prep: { ...interview.prep, checklist } }),
    onSuccess: () => refreshAfterInterviewChange(client),
  });
}

/**
 * The live state of the conversation (timer, agenda step, questions asked): `change` shows
 * a change at once (a tick stays ticked as it is clicked), saves it, and puts it back if the
 * save fails.
 */
export function useLiveState(id: string) {
  const client = useQueryClient();
  const mutationKey = ['interview-live', id];
  const live = useMutation({
    mutationKey,
    mutationFn: (body: UpdateLiveInput) => api.put<Interview>(`${interviewUrls.one(id)}/live`, body),
    // A refetch in flight is dropped, so it cannot bring back the state from before this change.
    onMutate: () => client.cancelQueries({ queryKey: interviewKeys.one(id), exact: true }, { revert: false }),
    // Quick moves (a step, then a tick) overlap: an earlier answer must not undo a later change still on its way.
    // The server merges each partial change, so the last answer to arrive has them all.
    onSuccess: (updated) => {
      if (client.isMutating({ mutationKey }) <= 1) client.setQueryData(interviewKeys.one(id), updated);
    },
  });
  const change = (body: UpdateLiveInput) => {
    const before = client.getQueryData<Interview>(interviewKeys.one(id));
    if (before) client.setQueryData<Interview>(interviewKeys.one(id), { ...before, live: { ...before.live, ...body } });
    live.mutate(body, { onError: () => before && client.setQueryData(interviewKeys.one(id), before) });
  };
  return { live, change };
}

/**
 * Ends the conversation: saves the note being typed (`saveNote`), stops the timer, marks a
 * scheduled interview held from when it started, refreshes, then calls `onEnded`.
 */
export function useEndConversation(interview: Interview, saveNote: () => Promise<unknown>, onEnded: () => Promise<void> | void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await saveNote();
      const i = interview;
      if (!i.live.endedAt) await api.put<Interview>(`${interviewUrls.one(i.id)}/live`, { endedAt: new Date().toISOString() });
      // The conversation happened: a scheduled interview is now held, from when it started.
      if (i.status === 'scheduled') await api.post<Interview>(`${interviewUrls.one(i.id)}/transitions`, { to: 'held', at: i.live.startedAt ?? new Date().toISOString() });
    },
    onSuccess: async () => {
      await refreshAfterInterviewChange(client);
      await onEnded();
    },
  });
}

/** The calls behind the note typed in interview mode (the draft hook decides when to make them). */
export const noteCalls = {
  create: (interviewId: string, body: CreateNoteInput) => api.post<InterviewNote>(`${interviewUrls.one(interviewId)}/notes`, body),
  update: (interviewId: string, noteId: string, body: UpdateNoteInput) => api.patch<InterviewNote>(`${interviewUrls.one(interviewId)}/notes/${noteId}`, body),
  remove: (interviewId: string, noteId: string) => api.delete<unknown>(`${interviewUrls.one(interviewId)}/notes/${noteId}`),
};

/** Refreshes an interview's notes. */
export const refreshNotes = (client: QueryClient, interviewId: string) => client.invalidateQueries({ queryKey: interviewKeys.notes(interviewId) });

/** Changes one saved note. */
export function useUpdateNote(interviewId: string, noteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNoteInput) => noteCalls.update(interviewId, noteId, body),
    onSuccess: () => refreshNotes(client, interviewId),
  });
}

/** Adds a person the interviewee suggested, referred by them. */
export function useAddReferral(interviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: QuickReferralInput) => api.post<QuickReferral>(`${interviewUrls.one(interviewId)}/referrals`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: interviewKeys.referrals(interviewId) }),
  });
}

/** Saves the debrief; what was learned becomes the takeaways. */
export function useSaveDebrief(id: string) {
  const client = useQueryClient();
  return useCallback(
    async (body: DebriefInput) => {
      await api.put<Interview>(`${interviewUrls.one(id)}/debrief`, body);
      await refreshAfterInterviewChange(client);
    },
    [client, id],
  );
}

/** The thank-you drafted for this version of the interview. */
export function useThankYouDraft(interview: Interview) {
  return useQuery({ queryKey: interviewKeys.thankYouDraft(interview.id, interview.updatedAt), queryFn: () => api.get<ThankYouDraft>(`${interviewUrls.one(interview.id)}/thank-you/draft`) });
}

/**
 * Records the thank-you as sent (which marks the interview thanked). `onRecorded` runs before
 * the refresh, which usually takes the thank-you card off the page.
 */
export function useRecordThankYou(id: string, onRecorded: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordThankYouInput) => api.post<Interview>(`${interviewUrls.one(id)}/thank-you`, body),
    onSuccess: () => {
      onRecorded();
      return refreshAfterInterviewChange(client);
    },
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

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Findings } from '../../../shared/schemas/coach.js';
import type { Seniority } from '../../../shared/schemas/contacts.js';
import type { Interview } from '../../../shared/schemas/interviews.js';
import type { NewQuestionInput, Question, UpdateQuestionInput } from '../../../shared/schemas/questions.js';
import { api, type Page } from '../../api/client.js';
import { agendaKeys, interviewKeys, invalidate, questionKeys } from '../../api/keys.js';
import { useLiveCheck } from '../coach/coach.api.js';

export interface QuestionFilters {
  category: string;
  audience: string;
  favourites: boolean;
}

/** The whole bank, by category (for choosing questions for a conversation). */
export function useQuestionBank() {
  return useQuery({ queryKey: questionKeys.bank(), queryFn: () => api.get<Page<Question>>('/api/v1/questions', { limit: 500, sort: 'category' }) });
}

export function useQuestions({ category, audience, favourites }: QuestionFilters) {
  return useQuery({
    queryKey: questionKeys.list({ category, audience, favourites }),
    queryFn: () =>
      api.get<Page<Question>>('/api/v1/questions', { limit: 500, sort: 'category', category: category || undefined, audience: audience || undefined, favourite: favourites ? 'true' : undefined }),
  });
}

export function useAddQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewQuestionInput) => api.post<Question>('/api/v1/questions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: questionKeys.all }),
  });
}

export function useUpdateQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateQuestionInput & { id: string }) => api.patch<Question>(`/api/v1/questions/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: questionKeys.all }),
  });
}

/** The questions chosen for one conversation live in the interview's preparation. */
export function useChooseInterviewQuestions(interview: Interview) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (questionIds: string[]) => api.patch<Interview>(`/api/v1/interviews/${interview.id}`, { prep: { ...interview.prep, questionIds } }),
    onSuccess: () => invalidate(client, [interviewKeys.details, interviewKeys.all, agendaKeys.all]),
  });
}

/** The question checker's findings, as a question is typed. */
export const useQuestionCheck = (text: string, audience: Seniority) =>
  useLiveCheck('question', text, (t) => api.post<Findings>('/api/v1/coach/question', { text: t, audience }), { audience });

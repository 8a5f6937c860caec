import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReminderRound, ReminderRoundResponse, ReminderRounds } from '../../../shared/schemas/reminders.js';
import { api } from '../../api/client.js';
import { reminderKeys } from '../../api/keys.js';

/** Rounds started this recently and not finished yet are watched until they are. */
const WATCH_MS = 10 * 60_000;

const stillSending = (rounds: readonly ReminderRound[] | undefined, now = Date.now()) =>
  (rounds ?? []).some((r) => r.finishedAt === null && now - Date.parse(r.startedAt) < WATCH_MS);

/** The last rounds of morning reminders, refreshed every second while one is still going out. */
export function useReminderRounds() {
  return useQuery({
    queryKey: reminderKeys.rounds,
    queryFn: () => api.get<ReminderRounds>('/api/v1/admin/reminders/rounds'),
    refetchInterval: (query) => (stillSending(query.state.data?.items) ? 1000 : false),
  });
}

/** Starts a round now: keeping each person's 07:00, or `anyway`. */
export function useRunReminders() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (anyway: boolean) => api.post<ReminderRoundResponse>('/api/v1/admin/reminders/run', { anyway }),
    onSuccess: () => client.invalidateQueries({ queryKey: reminderKeys.rounds }),
  });
}

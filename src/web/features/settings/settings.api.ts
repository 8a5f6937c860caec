import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SIGN_OUT_EVERYWHERE_PATH } from '../../../shared/vocabulary/browser-sessions.js';
import type { SignOutEverywhereResult } from '../../../shared/schemas/browser-sessions.js';
import { COMING_HOLIDAYS_PATH, HOLIDAY_PLACES_PATH } from '../../../shared/vocabulary/holidays.js';
import type { ComingHolidays, HolidayPlaces } from '../../../shared/schemas/holidays.js';
import type { Profile, UpdateProfileInput } from '../../../shared/schemas/profile.js';
import type { CalendarFeed } from '../../../shared/schemas/calendar.js';
import { api } from '../../api/client.js';
import { invalidate, recordKeys, settingsKeys } from '../../api/keys.js';

export function useProfile() {
  return useQuery({ queryKey: settingsKeys.profile, queryFn: () => api.get<Profile>('/api/v1/profile') });
}

/** The name, time zone and working week show in drafts, due dates and the set-up: all of those refresh. */
export function useSaveProfile({ onSaved, onRefreshed, onError }: { onSaved: () => void; onRefreshed?: (() => void) | undefined; onError: (error: Error) => void }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileInput) => api.patch<Profile>('/api/v1/profile', body),
    onSuccess: async () => {
      onSaved();
      await invalidate(client, [settingsKeys.profile, ...recordKeys]);
      onRefreshed?.();
    },
    onError,
  });
}

export function useHolidayPlaces() {
  return useQuery({ queryKey: settingsKeys.holidayPlaces, queryFn: () => api.get<HolidayPlaces>(HOLIDAY_PLACES_PATH), staleTime: Infinity });
}

export function useComingHolidays() {
  return useQuery({ queryKey: settingsKeys.comingHolidays, queryFn: () => api.get<ComingHolidays>(COMING_HOLIDAYS_PATH) });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: settingsKeys.calendarFeed, queryFn: () => api.get<CalendarFeed>('/api/v1/calendar') });
}

export function useRegenerateCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeed>('/api/v1/calendar/regenerate'),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.calendarFeed }),
  });
}

/** Every browser of a personal install is signed out, this one too. */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: () => api.post<SignOutEverywhereResult>(SIGN_OUT_EVERYWHERE_PATH),
    // This browser is signed out too: the start page then says how to sign in again.
    onSuccess: () => window.location.assign('/'),
  });
}

/** Downloads: everything, or people and interviews in common formats, and the backup file. */
export const exportLinks = {
  everything: '/api/v1/exports/inroads-export.json',
  contactsCsv: '/api/v1/exports/contacts.csv',
  interviewsCsv: '/api/v1/exports/interviews.csv',
  contactsVcard: '/api/v1/exports/contacts.vcf',
  backup: '/api/v1/backup',
} as const;

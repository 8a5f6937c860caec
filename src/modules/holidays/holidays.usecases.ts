import { dayToIso, localDay } from '../../shared/business-days.js';
import type { ComingHolidays, HolidayPlaces } from '../../shared/schemas/holidays.js';
import type { AppContext } from '../repositories.js';
import { holidayPlaces, publicHolidays } from './holidays.calendar.js';

/** How far ahead "coming holidays" looks. */
export const COMING_DAYS = 365;

export function listHolidayPlaces(): HolidayPlaces {
  return { countries: holidayPlaces() };
}

/** The public holidays and the user's own days off from today (in their time zone) for the next year. */
export async function comingHolidays({ ctx }: { ctx: AppContext }): Promise<ComingHolidays> {
  const profile = await ctx.repos.profile.get();
  const today = localDay(ctx.clock.now(), { timeZone: profile.timeZone, workingDays: [], holidays: [] });
  const from = dayToIso(today);
  const to = dayToIso(today + COMING_DAYS - 1);
  const inRange = (date: string) => date >= from && date <= to;
  const holidays = [
    ...publicHolidays(profile.country, profile.region, Number(from.slice(0, 4)), Number(to.slice(0, 4)))
      .filter((h) => inRange(h.date))
      .map((h) => ({ ...h, kind: 'public' as const })),
    ...profile.holidays.filter(inRange).map((date) => ({ date, name: 'Your day off', kind: 'day-off' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
  return { country: profile.country, region: profile.region, from, to, holidays };
}

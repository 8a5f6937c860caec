import { z } from 'zod';
import { isoDate } from './common.js';
import { COMING_HOLIDAYS_PATH, HOLIDAY_PLACES_PATH } from '../vocabulary/holidays.js';
export { COMING_HOLIDAYS_PATH, HOLIDAY_PLACES_PATH };

const named = { code: z.string(), name: z.string() };

/** The countries (and their regions) whose public holidays Inroads knows. */
export const holidayPlacesSchema = z.object({
  countries: z.array(z.object({ ...named, regions: z.array(z.object(named)) })),
});

/** The days off in the coming months: public holidays of the profile's place and the user's own days off. */
export const comingHolidaysSchema = z.object({
  country: z.string(),
  region: z.string(),
  from: isoDate,
  to: isoDate,
  holidays: z.array(z.object({ date: isoDate, name: z.string(), kind: z.enum(['public', 'day-off']) })),
});

export type HolidayPlaces = z.infer<typeof holidayPlacesSchema>;
export type ComingHolidays = z.infer<typeof comingHolidaysSchema>;

import { COMING_HOLIDAYS_PATH, comingHolidaysSchema, HOLIDAY_PLACES_PATH, holidayPlacesSchema } from '../../shared/schemas/holidays.js';
import { profileSchema, updateProfileInput } from '../../shared/schemas/profile.js';
import { errorResponses, type App } from '../../server/types.js';
import { comingHolidays, listHolidayPlaces } from '../holidays/holidays.usecases.js';
import type { AppContext } from '../repositories.js';
import { getProfile, updateProfile } from './profile.usecases.js';

export function registerProfileRoutes(app: App, ctx: AppContext): void {
  const tags = ['profile'];
  app.get('/api/v1/profile', {
    schema: { tags, summary: 'Your profile: name, pitch, time zone, working days, country and days off', response: { 200: profileSchema, ...errorResponses } },
    handler: async () => (await getProfile({ ctx })).profile,
  });
  app.patch('/api/v1/profile', {
    schema: { tags, summary: 'Change your profile', body: updateProfileInput, response: { 200: profileSchema, ...errorResponses } },
    handler: async (request) => (await updateProfile({ ctx, input: request.body })).profile,
  });
  app.get(HOLIDAY_PLACES_PATH, {
    schema: { tags, summary: 'The countries and regions whose public holidays are known', response: { 200: holidayPlacesSchema, ...errorResponses } },
    handler: async () => listHolidayPlaces(),
  });
  app.get(COMING_HOLIDAYS_PATH, {
    schema: { tags, summary: 'Public holidays and your days off in the coming year', response: { 200: comingHolidaysSchema, ...errorResponses } },
    handler: async () => comingHolidays({ ctx }),
  });
}

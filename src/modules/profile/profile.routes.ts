import { profileSchema, updateProfileInput } from '../../shared/schemas/profile.js';
import { errorResponses, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { getProfile, updateProfile } from './profile.usecases.js';

export function registerProfileRoutes(app: App, ctx: AppContext): void {
  const tags = ['profile'];
  app.get('/api/v1/profile', {
    schema: { tags, summary: 'Your profile: name, pitch, time zone, working days', response: { 200: profileSchema, ...errorResponses } },
    handler: async () => (await getProfile({ ctx })).profile,
  });
  app.patch('/api/v1/profile', {
    schema: { tags, summary: 'Change your profile', body: updateProfileInput, response: { 200: profileSchema, ...errorResponses } },
    handler: async (request) => (await updateProfile({ ctx, input: request.body })).profile,
  });
}

import { errorResponses, type App } from '../../server/types.js';
import { weeklyTargetsInput, weeklyTargetsResponse, weekQuery, weekSchema } from '../../shared/schemas/week.js';
import type { AppContext } from '../repositories.js';
import { getWeek, getWeeklyTargets, setWeeklyTargets } from './week.usecases.js';

export function registerWeekRoutes(app: App, ctx: AppContext): void {
  const tags = ['week'];
  app.get('/api/v1/week', {
    schema: {
      tags,
      summary: "This week against the targets: progress, the streak, what stalled and next week's first actions",
      querystring: weekQuery,
      response: { 200: weekSchema, ...errorResponses },
    },
    handler: async (request) => getWeek({ ctx, at: request.query.at }),
  });
  app.get('/api/v1/week/targets', {
    schema: { tags, summary: 'The weekly targets', response: { 200: weeklyTargetsResponse, ...errorResponses } },
    handler: async () => getWeeklyTargets({ ctx }),
  });
  app.put('/api/v1/week/targets', {
    schema: { tags, summary: 'Set the weekly targets (any of them; the others stay)', body: weeklyTargetsInput, response: { 200: weeklyTargetsResponse, ...errorResponses } },
    handler: async (request) => setWeeklyTargets({ ctx, input: request.body }),
  });
}

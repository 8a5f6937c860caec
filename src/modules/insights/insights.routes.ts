import { insightsQuery, insightsSchema, referralGraphSchema } from '../../shared/schemas/insights.js';
import { errorResponses, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { getInsights, getReferralGraph } from './insights.usecases.js';

export function registerInsightRoutes(app: App, ctx: AppContext): void {
  const tags = ['insights'];
  app.get('/api/v1/insights', {
    schema: {
      tags,
      summary: 'Response rate, time to reply, responsiveness, conversations per week and the funnel',
      querystring: insightsQuery,
      response: { 200: insightsSchema, ...errorResponses },
    },
    handler: async (request) => getInsights({ ctx, weeks: request.query.weeks }),
  });
  app.get('/api/v1/referrals/graph', {
    schema: { tags, summary: 'Who led to whom: chains, their depth and the best introducers', response: { 200: referralGraphSchema, ...errorResponses } },
    handler: async () => getReferralGraph({ ctx }),
  });
}

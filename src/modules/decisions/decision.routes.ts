import { decisionBoardSchema } from '../../shared/schemas/decisions.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { getDecisionBoard } from './decision.usecases.js';

export function registerDecisionRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/explorations/:id/decision', {
    schema: {
      tags: ['decisions'],
      summary: 'The decision board: evidence for and against each key question, the leaning over time, what to ask next',
      params: idParams,
      response: { 200: decisionBoardSchema, ...errorResponses },
    },
    handler: async (request) => getDecisionBoard({ ctx, explorationId: request.params.id }),
  });
}

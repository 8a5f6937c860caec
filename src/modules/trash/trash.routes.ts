import { restoredResponse } from '../../shared/schemas/trash.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { restoreFromTrash } from './trash.usecases.js';

export function registerTrashRoutes(app: App, ctx: AppContext): void {
  app.post('/api/v1/trash/:id/restore', {
    schema: {
      tags: ['trash'],
      summary: 'Undo a delete: bring back a person, organisation or interview with everything that hung off it',
      params: idParams,
      response: { 200: restoredResponse, ...errorResponses },
    },
    handler: async (request) => restoreFromTrash({ ctx, id: request.params.id }),
  });
}

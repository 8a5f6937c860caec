import { deletedResponse, page, parseSort } from '../../shared/schemas/common.js';
import {
  activeExplorationSchema,
  createExplorationInput,
  deletedExplorationsResponse,
  explorationListQuery,
  explorationSchema,
  type ExplorationSortField,
  setActiveExplorationInput,
  updateExplorationInput,
} from '../../shared/schemas/explorations.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import {
  createExploration,
  deleteExploration,
  getActiveExploration,
  getExploration,
  listDeletedExplorations,
  listExplorations,
  restoreExploration,
  setActiveExploration,
  updateExploration,
} from './explorations.usecases.js';

export function registerExplorationRoutes(app: App, ctx: AppContext): void {
  const tags = ['explorations'];
  app.get('/api/v1/explorations', {
    schema: { tags, summary: 'List explorations', querystring: explorationListQuery, response: { 200: page(explorationSchema), ...errorResponses } },
    handler: async (request) => {
      const { limit, offset, sort, ...filters } = request.query;
      return listExplorations({ ctx, filters, sort: parseSort<ExplorationSortField>(sort), page: { limit, offset } });
    },
  });
  app.post('/api/v1/explorations', {
    schema: { tags, summary: 'Start an exploration', body: createExplorationInput, response: { 201: explorationSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createExploration({ ctx, input: request.body })).exploration),
  });
  // Registered before /:id so that these words are never read as ids.
  app.get('/api/v1/explorations/active', {
    schema: { tags, summary: 'The active exploration: the one new people, organisations and interviews join', response: { 200: activeExplorationSchema, ...errorResponses } },
    handler: async () => getActiveExploration({ ctx }),
  });
  app.put('/api/v1/explorations/active', {
    schema: { tags, summary: 'Choose the active exploration (null for none)', body: setActiveExplorationInput, response: { 200: activeExplorationSchema, ...errorResponses } },
    handler: async (request) => setActiveExploration({ ctx, explorationId: request.body.explorationId }),
  });
  app.get('/api/v1/explorations/deleted', {
    schema: { tags, summary: 'Deleted explorations that can be restored', response: { 200: deletedExplorationsResponse, ...errorResponses } },
    handler: async () => listDeletedExplorations({ ctx }),
  });
  app.post('/api/v1/explorations/:id/restore', {
    schema: { tags, summary: 'Restore a deleted exploration with its links', params: idParams, response: { 200: explorationSchema, ...errorResponses } },
    handler: async (request) => (await restoreExploration({ ctx, id: request.params.id })).exploration,
  });
  app.get('/api/v1/explorations/:id', {
    schema: { tags, summary: 'One exploration', params: idParams, response: { 200: explorationSchema, ...errorResponses } },
    handler: async (request) => (await getExploration({ ctx, id: request.params.id })).exploration,
  });
  app.patch('/api/v1/explorations/:id', {
    schema: {
      tags,
      summary: 'Change an exploration, its leanings or conclusion',
      params: idParams,
      body: updateExplorationInput,
      response: { 200: explorationSchema, ...errorResponses },
    },
    handler: async (request) => (await updateExploration({ ctx, id: request.params.id, input: request.body })).exploration,
  });
  app.delete('/api/v1/explorations/:id', {
    schema: { tags, summary: 'Delete an exploration (it can be restored)', params: idParams, response: { 200: deletedResponse, ...errorResponses } },
    handler: async (request) => ({ deleted: true as const, id: (await deleteExploration({ ctx, id: request.params.id })).id }),
  });
}

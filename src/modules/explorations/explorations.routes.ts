import { z } from 'zod';
import { csvOf, deletedResponse, page, pageQuery, parseSort, sortParam } from '../../shared/schemas/common.js';
import {
  createExplorationInput,
  explorationKinds,
  explorationSchema,
  explorationStatuses,
  updateExplorationInput,
} from '../../shared/schemas/explorations.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import type { ExplorationSortField } from './explorations.repository.js';
import { createExploration, deleteExploration, getExploration, listExplorations, updateExploration } from './explorations.usecases.js';

const listQuery = z.object({
  ...pageQuery,
  sort: sortParam(['title', 'createdAt', 'updatedAt'], '-updatedAt'),
  status: csvOf(z.enum(explorationStatuses)).optional(),
  kind: z.enum(explorationKinds).optional(),
});

export function registerExplorationRoutes(app: App, ctx: AppContext): void {
  const tags = ['explorations'];
  app.get('/api/v1/explorations', {
    schema: { tags, summary: 'List explorations', querystring: listQuery, response: { 200: page(explorationSchema), ...errorResponses } },
    handler: async (request) => {
      const { limit, offset, sort, ...filters } = request.query;
      return listExplorations({ ctx, filters, sort: parseSort<ExplorationSortField>(sort), page: { limit, offset } });
    },
  });
  app.post('/api/v1/explorations', {
    schema: { tags, summary: 'Start an exploration', body: createExplorationInput, response: { 201: explorationSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createExploration({ ctx, input: request.body })).exploration),
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
    schema: { tags, summary: 'Remove an exploration', params: idParams, response: { 200: deletedResponse, ...errorResponses } },
    handler: async (request) => ({ deleted: true as const, id: (await deleteExploration({ ctx, id: request.params.id })).id }),
  });
}

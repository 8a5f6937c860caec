import { deletedResponse, page, parseSort } from '../../shared/schemas/common.js';
import {
  createInteractionInput,
  interactionListQuery,
  interactionSchema,
  type InteractionSortField,
  updateInteractionInput,
} from '../../shared/schemas/interactions.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { createInteraction, deleteInteraction, getInteraction, listInteractions, updateInteraction } from './interactions.usecases.js';

export function registerInteractionRoutes(app: App, ctx: AppContext): void {
  const tags = ['interactions'];
  app.get('/api/v1/interactions', {
    schema: { tags, summary: 'List interactions', querystring: interactionListQuery, response: { 200: page(interactionSchema), ...errorResponses } },
    handler: async (request) => {
      const { limit, offset, sort, ...filters } = request.query;
      return listInteractions({ ctx, filters, sort: parseSort<InteractionSortField>(sort), page: { limit, offset } });
    },
  });
  app.post('/api/v1/interactions', {
    schema: { tags, summary: 'Log an interaction', body: createInteractionInput, response: { 201: interactionSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createInteraction({ ctx, input: request.body })).interaction),
  });
  app.get('/api/v1/interactions/:id', {
    schema: { tags, summary: 'One interaction', params: idParams, response: { 200: interactionSchema, ...errorResponses } },
    handler: async (request) => (await getInteraction({ ctx, id: request.params.id })).interaction,
  });
  app.patch('/api/v1/interactions/:id', {
    schema: {
      tags,
      summary: 'Change an interaction',
      params: idParams,
      body: updateInteractionInput,
      response: { 200: interactionSchema, ...errorResponses },
    },
    handler: async (request) => (await updateInteraction({ ctx, id: request.params.id, input: request.body })).interaction,
  });
  app.delete('/api/v1/interactions/:id', {
    schema: { tags, summary: 'Remove an interaction', params: idParams, response: { 200: deletedResponse, ...errorResponses } },
    handler: async (request) => ({ deleted: true as const, id: (await deleteInteraction({ ctx, id: request.params.id })).id }),
  });
}

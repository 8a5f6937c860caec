import { deletedResponse, page, parseSort } from '../../shared/schemas/common.js';
import { createLeadInput, leadListQuery, leadSchema, type LeadSortField, updateLeadInput } from '../../shared/schemas/leads.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { createLead, deleteLead, getLead, listLeads, updateLead } from './leads.usecases.js';

export function registerLeadRoutes(app: App, ctx: AppContext): void {
  const tags = ['leads'];
  app.get('/api/v1/leads', {
    schema: { tags, summary: 'List leads heard in conversations', querystring: leadListQuery, response: { 200: page(leadSchema), ...errorResponses } },
    handler: async (request) => {
      const { limit, offset, sort, ...filters } = request.query;
      return listLeads({ ctx, filters, sort: parseSort<LeadSortField>(sort), page: { limit, offset } });
    },
  });
  app.post('/api/v1/leads', {
    schema: { tags, summary: 'Record a lead', body: createLeadInput, response: { 201: leadSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createLead({ ctx, input: request.body })).lead),
  });
  app.get('/api/v1/leads/:id', {
    schema: { tags, summary: 'One lead', params: idParams, response: { 200: leadSchema, ...errorResponses } },
    handler: async (request) => (await getLead({ ctx, id: request.params.id })).lead,
  });
  app.patch('/api/v1/leads/:id', {
    schema: { tags, summary: 'Change a lead', params: idParams, body: updateLeadInput, response: { 200: leadSchema, ...errorResponses } },
    handler: async (request) => (await updateLead({ ctx, id: request.params.id, input: request.body })).lead,
  });
  app.delete('/api/v1/leads/:id', {
    schema: { tags, summary: 'Remove a lead', params: idParams, response: { 200: deletedResponse, ...errorResponses } },
    handler: async (request) => ({ deleted: true as const, id: (await deleteLead({ ctx, id: request.params.id })).id }),
  });
}

import { deletedWithUndoResponse } from '../../shared/schemas/trash.js';
import { page, parseSort } from '../../shared/schemas/common.js';
import { createOrganizationInput, organizationListQuery, organizationSchema, type OrganizationSortField, updateOrganizationInput } from '../../shared/schemas/organizations.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.usecases.js';

export function registerOrganizationRoutes(app: App, ctx: AppContext): void {
  const tags = ['organizations'];
  app.get('/api/v1/organizations', {
    schema: {
      tags,
      summary: 'The target list of organisations, ranked',
      querystring: organizationListQuery,
      response: { 200: page(organizationSchema), ...errorResponses },
    },
    handler: async (request) => {
      const { limit, offset, sort, ...filters } = request.query;
      return listOrganizations({ ctx, filters, sort: parseSort<OrganizationSortField>(sort), page: { limit, offset } });
    },
  });
  app.post('/api/v1/organizations', {
    schema: { tags, summary: 'Add an organisation', body: createOrganizationInput, response: { 201: organizationSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createOrganization({ ctx, input: request.body })).organization),
  });
  app.get('/api/v1/organizations/:id', {
    schema: { tags, summary: 'One organisation', params: idParams, response: { 200: organizationSchema, ...errorResponses } },
    handler: async (request) => (await getOrganization({ ctx, id: request.params.id })).organization,
  });
  app.patch('/api/v1/organizations/:id', {
    schema: {
      tags,
      summary: 'Change an organisation',
      params: idParams,
      body: updateOrganizationInput,
      response: { 200: organizationSchema, ...errorResponses },
    },
    handler: async (request) => (await updateOrganization({ ctx, id: request.params.id, input: request.body })).organization,
  });
  app.delete('/api/v1/organizations/:id', {
    schema: {
      tags,
      summary: 'Remove an organisation (its people stay)',
      params: idParams,
      response: { 200: deletedWithUndoResponse, ...errorResponses },
    },
    handler: async (request) => ({ deleted: true as const, ...(await deleteOrganization({ ctx, id: request.params.id })) }),
  });
}

import { deletedResponse, page, parseSort } from '../../shared/schemas/common.js';
import {
  createTemplateInput,
  templatePreviewInput,
  templatePreviewSchema,
  templateListQuery,
  templateSchema,
  type TemplateSortField,
  updateTemplateInput,
} from '../../shared/schemas/templates.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, previewTemplate, updateTemplate } from './templates.usecases.js';

export function registerTemplateRoutes(app: App, ctx: AppContext): void {
  const tags = ['templates'];
  app.get('/api/v1/templates', {
    schema: { tags, summary: 'Message templates', querystring: templateListQuery, response: { 200: page(templateSchema), ...errorResponses } },
    handler: async (request) => {
      const { limit, offset, sort, ...filters } = request.query;
      return listTemplates({ ctx, filters, sort: parseSort<TemplateSortField>(sort), page: { limit, offset } });
    },
  });
  app.post('/api/v1/templates', {
    schema: { tags, summary: 'Add a template', body: createTemplateInput, response: { 201: templateSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createTemplate({ ctx, input: request.body })).template),
  });
  app.post('/api/v1/templates/preview', {
    schema: {
      tags,
      summary: 'Fill a template for one person: a saved one (templateId) or the text being edited (subject, body)',
      body: templatePreviewInput,
      response: { 200: templatePreviewSchema, ...errorResponses },
    },
    handler: async (request) => previewTemplate({ ctx, ...request.body }),
  });
  app.get('/api/v1/templates/:id', {
    schema: { tags, summary: 'One template', params: idParams, response: { 200: templateSchema, ...errorResponses } },
    handler: async (request) => (await getTemplate({ ctx, id: request.params.id })).template,
  });
  app.patch('/api/v1/templates/:id', {
    schema: { tags, summary: 'Change a template', params: idParams, body: updateTemplateInput, response: { 200: templateSchema, ...errorResponses } },
    handler: async (request) => (await updateTemplate({ ctx, id: request.params.id, input: request.body })).template,
  });
  app.delete('/api/v1/templates/:id', {
    schema: { tags, summary: 'Remove a template', params: idParams, response: { 200: deletedResponse, ...errorResponses } },
    handler: async (request) => ({ deleted: true as const, id: (await deleteTemplate({ ctx, id: request.params.id })).id }),
  });
}

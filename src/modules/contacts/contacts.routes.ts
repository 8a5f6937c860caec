import { deletedWithUndoResponse } from '../../shared/schemas/trash.js';
import { page, parseSort } from '../../shared/schemas/common.js';
import {
  contactListQuery,
  contactSchema,
  type ContactSortField,
  createContactInput,
  updateContactInput,
} from '../../shared/schemas/contacts.js';
import { timelineQuery, timelineSchema } from '../../shared/schemas/timeline.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { contactTimeline } from '../timeline/timeline.usecases.js';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contacts.usecases.js';

export function registerContactRoutes(app: App, ctx: AppContext): void {
  const tags = ['contacts'];
  app.get('/api/v1/contacts', {
    schema: { tags, summary: 'List people', querystring: contactListQuery, response: { 200: page(contactSchema), ...errorResponses } },
    handler: async (request) => {
      const { limit, offset, sort, ...filters } = request.query;
      return listContacts({ ctx, filters, sort: parseSort<ContactSortField>(sort), page: { limit, offset } });
    },
  });
  app.post('/api/v1/contacts', {
    schema: { tags, summary: 'Add a person', body: createContactInput, response: { 201: contactSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createContact({ ctx, input: request.body })).contact),
  });
  app.get('/api/v1/contacts/:id', {
    schema: { tags, summary: 'One person', params: idParams, response: { 200: contactSchema, ...errorResponses } },
    handler: async (request) => (await getContact({ ctx, id: request.params.id })).contact,
  });
  app.patch('/api/v1/contacts/:id', {
    schema: { tags, summary: 'Change a person', params: idParams, body: updateContactInput, response: { 200: contactSchema, ...errorResponses } },
    handler: async (request) => (await updateContact({ ctx, id: request.params.id, input: request.body })).contact,
  });
  app.delete('/api/v1/contacts/:id', {
    schema: {
      tags,
      summary: 'Remove a person with their interviews, interactions and referrals',
      params: idParams,
      response: { 200: deletedWithUndoResponse, ...errorResponses },
    },
    handler: async (request) => ({ deleted: true as const, ...(await deleteContact({ ctx, id: request.params.id })) }),
  });
  app.get('/api/v1/contacts/:id/timeline', {
    schema: {
      tags,
      summary: "A person's interactions, interviews and referrals in date order",
      params: idParams,
      querystring: timelineQuery,
      response: { 200: timelineSchema, ...errorResponses },
    },
    handler: async (request) => contactTimeline({ ctx, contactId: request.params.id, order: request.query.order }),
  });
}

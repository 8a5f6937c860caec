import {
  agendaDraftInput,
  agendaDraftSchema,
  agendaItemParams,
  agendaItemStateSchema,
  agendaQuery,
  agendaResponse,
  agendaStateInput,
} from '../../shared/schemas/agenda.js';
import { errorResponses, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { draftForAgendaItem } from './drafts.usecases.js';
import { getAgenda, setAgendaItemState } from './followups.usecases.js';

export function registerFollowupRoutes(app: App, ctx: AppContext): void {
  const tags = ['agenda'];
  app.get('/api/v1/agenda', {
    schema: {
      tags,
      summary: 'Today and the week ahead: whom to thank, chase, prepare for and check in with',
      querystring: agendaQuery,
      response: { 200: agendaResponse, ...errorResponses },
    },
    handler: async (request) => getAgenda({ ctx, ...request.query }),
  });
  app.put('/api/v1/agenda/items/:key/state', {
    schema: {
      tags,
      summary: 'Mark an agenda item done, snoozed (until a time), dismissed, or open again',
      params: agendaItemParams,
      body: agendaStateInput,
      response: { 200: agendaItemStateSchema, ...errorResponses },
    },
    handler: async (request) => setAgendaItemState({ ctx, key: request.params.key, ...request.body }),
  });
  app.post('/api/v1/agenda/draft', {
    schema: {
      tags,
      summary: 'The message an agenda item calls for, drafted from your templates for that person',
      body: agendaDraftInput,
      response: { 200: agendaDraftSchema, ...errorResponses },
    },
    handler: async (request) => draftForAgendaItem({ ctx, ...request.body }),
  });
}

import { z } from 'zod';
import { agendaQuery, agendaResponse, agendaStateInput } from '../../shared/schemas/agenda.js';
import { isoDateTime } from '../../shared/schemas/common.js';
import { errorResponses, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
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
      params: z.object({ key: z.string().min(1).max(200) }),
      body: agendaStateInput,
      response: {
        200: z.object({ key: z.string(), state: z.string(), snoozedUntil: isoDateTime.nullable() }),
        ...errorResponses,
      },
    },
    handler: async (request) => setAgendaItemState({ ctx, key: request.params.key, ...request.body }),
  });
}

import { z } from 'zod';
import { agendaKinds, agendaQuery, agendaResponse, agendaStateInput } from '../../shared/schemas/agenda.js';
import { idSchema, isoDateTime } from '../../shared/schemas/common.js';
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
      params: z.object({ key: z.string().min(1).max(200) }),
      body: agendaStateInput,
      response: {
        200: z.object({ key: z.string(), state: z.string(), snoozedUntil: isoDateTime.nullable() }),
        ...errorResponses,
      },
    },
    handler: async (request) => setAgendaItemState({ ctx, key: request.params.key, ...request.body }),
  });
  app.post('/api/v1/agenda/draft', {
    schema: {
      tags,
      summary: 'The message an agenda item calls for, drafted from your templates for that person',
      body: z.object({ kind: z.enum(agendaKinds), contactId: idSchema, interviewId: idSchema.optional() }).strict(),
      response: { 200: z.object({ subject: z.string().nullable(), body: z.string(), templateId: idSchema.nullable() }), ...errorResponses },
    },
    handler: async (request) => draftForAgendaItem({ ctx, ...request.body }),
  });
}

import { requestDraftInput, requestDraftSchema, requestSentInput, requestSentResponse } from '../../shared/schemas/outreach.js';
import { errorResponses, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { draftRequest, recordRequestSent } from './outreach.usecases.js';

/** Asking for a conversation: the drafted request, and recording that it went. */
export function registerOutreachRoutes(app: App, ctx: AppContext): void {
  const tags = ['outreach'];
  app.post('/api/v1/outreach/request-draft', {
    schema: {
      tags,
      summary: 'A request for a conversation, filled from your request template for one person and exploration',
      description: 'Fields nothing can fill stay as [placeholders]; POST the text to /api/v1/coach/email to see them flagged as `unfilled-placeholder`.',
      body: requestDraftInput,
      response: { 200: requestDraftSchema, ...errorResponses },
    },
    handler: async (request) => draftRequest({ ctx, input: request.body }),
  });
  app.post('/api/v1/outreach/request-sent', {
    schema: {
      tags,
      summary: 'I sent it: the idea interview (made first if there is none) moves to requested, keeping the message; the email goes on the timeline',
      body: requestSentInput,
      response: { 200: requestSentResponse, ...errorResponses },
    },
    handler: async (request) => recordRequestSent({ ctx, input: request.body }),
  });
}

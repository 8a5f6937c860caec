import { errorResponses, idParams, type App } from '../../server/types.js';
import { grantInput, type Account } from '../../shared/schemas/accounts.js';
import { accessLogQuery, accessLogResponse, coachDashboardSchema, coachParams, explorerNotesSchema, explorerProgressSchema, grantsResponse, sharingPreviewQuery, sharingPreviewSchema } from '../../shared/schemas/sharing.js';
import { accessLogOf } from './audit.usecases.js';
import type { AppContext } from '../repositories.js';
import { coachDashboard, explorerNotes, explorerProgress, listGrants, previewSharing, shareWithCoach, stopSharing, type OpenWorkspace } from './sharing.usecases.js';

export interface SharingRouteDeps {
  control: AppContext;
  open: OpenWorkspace;
  currentUser(): Account;
}

/** An explorer's consent to coaches, and what a coach sees with it. */
export function registerSharingRoutes(app: App, deps: SharingRouteDeps): void {
  const { control, open } = deps;
  const tags = ['sharing'];
  app.get('/api/v1/account/sharing', {
    schema: { tags, summary: 'The coaches you share your progress with', response: { 200: grantsResponse, ...errorResponses } },
    handler: async () => listGrants({ control, explorer: deps.currentUser() }),
  });
  app.post('/api/v1/account/sharing', {
    schema: { tags, summary: 'Share your progress (or your notes too) with a coach, with or without the names of the people and organisations', body: grantInput, response: { 200: grantsResponse, ...errorResponses } },
    handler: async (request) => shareWithCoach({ control, explorer: deps.currentUser(), ...request.body }),
  });
  app.delete('/api/v1/account/sharing/:coachId', {
    schema: { tags, summary: 'Stop sharing with a coach; it takes effect on their next request', params: coachParams, response: { 200: grantsResponse, ...errorResponses } },
    handler: async (request) => stopSharing({ control, explorer: deps.currentUser(), coachId: request.params.coachId }),
  });
  app.get('/api/v1/account/sharing/preview', {
    schema: {
      tags,
      summary: 'Exactly what a coach would see of your data with these choices (the same views as the coach’s pages)',
      querystring: sharingPreviewQuery,
      response: { 200: sharingPreviewSchema, ...errorResponses },
    },
    handler: async (request) => previewSharing({ explorer: deps.currentUser(), open, ...request.query }),
  });
  app.get('/api/v1/account/access-log', {
    schema: { tags, summary: 'Who looked at what you share, and when you shared, changed or stopped: the latest first', querystring: accessLogQuery, response: { 200: accessLogResponse, ...errorResponses } },
    handler: async (request) => accessLogOf({ control, explorerId: deps.currentUser().id, ...request.query }),
  });

  const coaching = ['coaching'];
  app.get('/api/v1/coaching/explorers', {
    schema: { tags: coaching, summary: 'Every explorer who shares with you: who is stuck, overdue thank-yous, conversations this month', response: { 200: coachDashboardSchema, ...errorResponses } },
    handler: async () => coachDashboard({ control, coach: deps.currentUser(), open }),
  });
  app.get('/api/v1/coaching/explorers/:id', {
    schema: { tags: coaching, summary: 'One explorer’s progress: counts, open agenda, interview states', params: idParams, response: { 200: explorerProgressSchema, ...errorResponses } },
    handler: async (request) => explorerProgress({ control, coach: deps.currentUser(), explorerId: request.params.id, open }),
  });
  app.get('/api/v1/coaching/explorers/:id/notes', {
    schema: { tags: coaching, summary: 'One explorer’s conversation notes, when they share notes', params: idParams, response: { 200: explorerNotesSchema, ...errorResponses } },
    handler: async (request) => explorerNotes({ control, coach: deps.currentUser(), explorerId: request.params.id, open }),
  });
}

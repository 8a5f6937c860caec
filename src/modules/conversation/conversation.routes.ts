import { deletedResponse } from '../../shared/schemas/common.js';
import {
  createNoteInput,
  debriefInput,
  noteParams,
  noteSchema,
  notesResponse,
  quickReferralInput,
  quickReferralResponse,
  recordThankYouInput,
  thankYouDraftSchema,
  updateLiveInput,
  updateNoteInput,
} from '../../shared/schemas/conversation.js';
import { interviewSchema } from '../../shared/schemas/interviews.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import {
  addNote,
  deleteNote,
  listNotes,
  quickReferral,
  recordThankYou,
  saveDebrief,
  thankYouDraft,
  updateLive,
  updateNote,
} from './conversation.usecases.js';

/** Interview mode, notes, the debrief and the thank-you, under /api/v1/interviews/:id. */
export function registerConversationRoutes(app: App, ctx: AppContext): void {
  const tags = ['interview mode'];
  app.get('/api/v1/interviews/:id/notes', {
    schema: { tags, summary: 'Notes taken during the interview, oldest first', params: idParams, response: { 200: notesResponse, ...errorResponses } },
    handler: async (request) => listNotes({ ctx, interviewId: request.params.id }),
  });
  app.post('/api/v1/interviews/:id/notes', {
    schema: { tags, summary: 'Add a note (tagged by agenda step, question category, key question)', params: idParams, body: createNoteInput, response: { 201: noteSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await addNote({ ctx, interviewId: request.params.id, input: request.body })).note),
  });
  app.patch('/api/v1/interviews/:id/notes/:noteId', {
    schema: { tags, summary: 'Change a note', params: noteParams, body: updateNoteInput, response: { 200: noteSchema, ...errorResponses } },
    handler: async (request) => (await updateNote({ ctx, interviewId: request.params.id, noteId: request.params.noteId, input: request.body })).note,
  });
  app.delete('/api/v1/interviews/:id/notes/:noteId', {
    schema: { tags, summary: 'Remove a note', params: noteParams, response: { 200: deletedResponse, ...errorResponses } },
    handler: async (request) => ({ deleted: true as const, id: (await deleteNote({ ctx, interviewId: request.params.id, noteId: request.params.noteId })).id }),
  });
  app.put('/api/v1/interviews/:id/live', {
    schema: { tags, summary: 'Interview mode: start or stop the timer, move between agenda steps, tick questions off', params: idParams, body: updateLiveInput, response: { 200: interviewSchema, ...errorResponses } },
    handler: async (request) => (await updateLive({ ctx, interviewId: request.params.id, input: request.body })).interview,
  });
  app.put('/api/v1/interviews/:id/debrief', {
    schema: { tags, summary: 'Save the debrief; what was learned becomes the takeaways', params: idParams, body: debriefInput, response: { 200: interviewSchema, ...errorResponses } },
    handler: async (request) => (await saveDebrief({ ctx, interviewId: request.params.id, input: request.body })).interview,
  });
  app.post('/api/v1/interviews/:id/referrals', {
    schema: {
      tags,
      summary: 'Add a person the interviewee suggested: a contact referred by them (or the one already there) and the referral, in one step',
      params: idParams,
      body: quickReferralInput,
      response: { 201: quickReferralResponse, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(201).send(await quickReferral({ ctx, interviewId: request.params.id, input: request.body })),
  });
  app.get('/api/v1/interviews/:id/thank-you/draft', {
    schema: { tags, summary: 'A thank-you in the suggested format, quoting one takeaway', params: idParams, response: { 200: thankYouDraftSchema, ...errorResponses } },
    handler: async (request) => thankYouDraft({ ctx, interviewId: request.params.id }),
  });
  app.post('/api/v1/interviews/:id/thank-you', {
    schema: { tags, summary: 'Record that the thank-you was sent (interview → thanked, and on the timeline)', params: idParams, body: recordThankYouInput, response: { 200: interviewSchema, ...errorResponses } },
    handler: async (request) => (await recordThankYou({ ctx, interviewId: request.params.id, input: request.body })).interview,
  });
}

import { deletedWithUndoResponse } from '../../shared/schemas/trash.js';
import { page, parseSort } from '../../shared/schemas/common.js';
import {
  createInterviewInput,
  interviewListQuery,
  interviewSchema,
  type InterviewSortField,
  transitionInput,
  updateInterviewInput,
} from '../../shared/schemas/interviews.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import {
  createInterview,
  deleteInterview,
  getInterview,
  listInterviews,
  transitionInterview,
  updateInterview,
} from './interviews.usecases.js';

export function registerInterviewRoutes(app: App, ctx: AppContext): void {
  const tags = ['interviews'];
  app.get('/api/v1/interviews', {
    schema: { tags, summary: 'List interviews', querystring: interviewListQuery, response: { 200: page(interviewSchema), ...errorResponses } },
    handler: async (request) => {
      const { limit, offset, sort, scheduledFrom, scheduledTo, ...filters } = request.query;
      return listInterviews({
        ctx,
        filters: {
          ...filters,
          scheduledFrom: scheduledFrom && new Date(scheduledFrom).toISOString(),
          scheduledTo: scheduledTo && new Date(scheduledTo).toISOString(),
        },
        sort: parseSort<InterviewSortField>(sort),
        page: { limit, offset },
      });
    },
  });
  app.post('/api/v1/interviews', {
    schema: { tags, summary: 'Plan or record an interview', body: createInterviewInput, response: { 201: interviewSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createInterview({ ctx, input: request.body })).interview),
  });
  app.get('/api/v1/interviews/:id', {
    schema: { tags, summary: 'One interview', params: idParams, response: { 200: interviewSchema, ...errorResponses } },
    handler: async (request) => (await getInterview({ ctx, id: request.params.id })).interview,
  });
  app.patch('/api/v1/interviews/:id', {
    schema: {
      tags,
      summary: 'Change details (not the status: use transitions)',
      params: idParams,
      body: updateInterviewInput,
      response: { 200: interviewSchema, ...errorResponses },
    },
    handler: async (request) => (await updateInterview({ ctx, id: request.params.id, input: request.body })).interview,
  });
  app.post('/api/v1/interviews/:id/transitions', {
    schema: {
      tags,
      summary: 'Move an interview to another lifecycle state (409 when the move is not allowed)',
      params: idParams,
      body: transitionInput,
      response: { 200: interviewSchema, ...errorResponses },
    },
    handler: async (request) => (await transitionInterview({ ctx, id: request.params.id, input: request.body })).interview,
  });
  app.delete('/api/v1/interviews/:id', {
    schema: { tags, summary: 'Remove an interview', params: idParams, response: { 200: deletedWithUndoResponse, ...errorResponses } },
    handler: async (request) => ({ deleted: true as const, ...(await deleteInterview({ ctx, id: request.params.id })) }),
  });
}

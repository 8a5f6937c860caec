import { deletedResponse, page, parseSort } from '../../shared/schemas/common.js';
import { createQuestionInput, questionListQuery, questionSchema, type QuestionSortField, updateQuestionInput } from '../../shared/schemas/questions.js';
import { errorResponses, idParams, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { createQuestion, deleteQuestion, getQuestion, listQuestions, updateQuestion } from './questions.usecases.js';

export function registerQuestionRoutes(app: App, ctx: AppContext): void {
  const tags = ['questions'];
  app.get('/api/v1/questions', {
    schema: { tags, summary: 'The question bank', querystring: questionListQuery, response: { 200: page(questionSchema), ...errorResponses } },
    handler: async (request) => {
      const { limit, offset, sort, ...filters } = request.query;
      return listQuestions({ ctx, filters, sort: parseSort<QuestionSortField>(sort), page: { limit, offset } });
    },
  });
  app.post('/api/v1/questions', {
    schema: { tags, summary: 'Add a question', body: createQuestionInput, response: { 201: questionSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send((await createQuestion({ ctx, input: request.body })).question),
  });
  app.get('/api/v1/questions/:id', {
    schema: { tags, summary: 'One question', params: idParams, response: { 200: questionSchema, ...errorResponses } },
    handler: async (request) => (await getQuestion({ ctx, id: request.params.id })).question,
  });
  app.patch('/api/v1/questions/:id', {
    schema: { tags, summary: 'Change a question', params: idParams, body: updateQuestionInput, response: { 200: questionSchema, ...errorResponses } },
    handler: async (request) => (await updateQuestion({ ctx, id: request.params.id, input: request.body })).question,
  });
  app.delete('/api/v1/questions/:id', {
    schema: { tags, summary: 'Remove a question', params: idParams, response: { 200: deletedResponse, ...errorResponses } },
    handler: async (request) => ({ deleted: true as const, id: (await deleteQuestion({ ctx, id: request.params.id })).id }),
  });
}

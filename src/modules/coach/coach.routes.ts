import { emailCheckInput, findingsResponse, questionCheckInput } from '../../shared/schemas/coach.js';
import { errorResponses, type App } from '../../server/types.js';
import { checkEmail } from './email.rules.js';
import { checkQuestion } from './question.rules.js';

/** The coaching checks: offline, deterministic, no database. */
export function registerCoachRoutes(app: App): void {
  const tags = ['coaching'];
  app.post('/api/v1/coach/email', {
    schema: {
      tags,
      summary: 'Check an outreach email: plain text, an optional "Subject:" first line, a blank line, the body',
      body: emailCheckInput,
      response: { 200: findingsResponse, ...errorResponses },
    },
    handler: async (request) => ({ findings: checkEmail(request.body.text) }),
  });
  app.post('/api/v1/coach/question', {
    schema: {
      tags,
      summary: 'Check an interview question for the seniority of the person who will hear it',
      body: questionCheckInput,
      response: { 200: findingsResponse, ...errorResponses },
    },
    handler: async (request) => ({ findings: checkQuestion(request.body.text, request.body.audience) }),
  });
}

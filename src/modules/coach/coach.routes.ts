import {
  emailCheckInput,
  emailRuleIds,
  findingsResponse,
  pitchCheckInput,
  pitchCheckResponse,
  pitchRuleIds,
  questionCheckInput,
  questionRuleIds,
  suggestionsQuery,
  suggestionsResponse,
} from '../../shared/schemas/coach.js';
import type { AppContext } from '../repositories.js';
import { suggestions } from './suggestions.usecases.js';
import { errorResponses, type App } from '../../server/types.js';
import { checkEmail } from './email.rules.js';
import { checkPitch } from './pitch.rules.js';
import { checkQuestion } from './question.rules.js';

/** The coaching checks: offline, deterministic, no database. */
export function registerCoachRoutes(app: App, ctx: AppContext): void {
  const tags = ['coaching'];
  app.get('/api/v1/suggestions', {
    schema: {
      tags,
      summary: 'Whom to ask next, best first, with plain-language reasons',
      querystring: suggestionsQuery,
      response: { 200: suggestionsResponse, ...errorResponses },
    },
    handler: async (request) => suggestions({ ctx, ...request.query }),
  });
  app.post('/api/v1/coach/email', {
    schema: {
      tags,
      summary: 'Check an outreach email: plain text, an optional "Subject:" first line, a blank line, the body',
      description: `Each finding's \`rule\` is one of: ${emailRuleIds.map((r) => `\`${r}\``).join(', ')}. \`unfilled-placeholder\` flags a merge field or hand-fill marker still in the text ({{…}}, [exploration.title], <name>).`,
      body: emailCheckInput,
      response: { 200: findingsResponse, ...errorResponses },
    },
    handler: async (request) => ({ findings: checkEmail(request.body.text) }),
  });
  app.post('/api/v1/coach/pitch', {
    schema: {
      tags,
      summary: 'Check a pitch: word count, spoken length (aim for about 30 seconds) and the job-asking check',
      description: `Each finding's \`rule\` is one of: ${pitchRuleIds.map((r) => `\`${r}\``).join(', ')}.`,
      body: pitchCheckInput,
      response: { 200: pitchCheckResponse, ...errorResponses },
    },
    handler: async (request) => checkPitch(request.body.text),
  });
  app.post('/api/v1/coach/question', {
    schema: {
      tags,
      summary: 'Check an interview question for the seniority of the person who will hear it',
      description: `Each finding's \`rule\` is one of: ${questionRuleIds.map((r) => `\`${r}\``).join(', ')}.`,
      body: questionCheckInput,
      response: { 200: findingsResponse, ...errorResponses },
    },
    handler: async (request) => ({ findings: checkQuestion(request.body.text, request.body.audience) }),
  });
}

import { searchQuery, searchResult } from '../../shared/schemas/search.js';
import { errorResponses, type App } from '../../server/types.js';
import type { AppContext } from '../repositories.js';
import { search } from './search.usecases.js';

export function registerSearchRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/search', {
    schema: {
      tags: ['search'],
      summary: 'Search people, organisations, interview notes and interactions (prefix matching, ranked, with snippets)',
      querystring: searchQuery,
      response: { 200: searchResult, ...errorResponses },
    },
    handler: async (request) => search({ ctx, query: request.query.q, types: request.query.types, limit: request.query.limit }),
  });
}

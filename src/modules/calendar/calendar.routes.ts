import { errorResponses, idParams, type App } from '../../server/types.js';
import { calendarFeedParams, calendarFeedSchema, sharedCalendarFeedParams } from '../../shared/schemas/calendar.js';
import type { AppContext } from '../repositories.js';
import { currentScope } from '../../server/request-scope.js';
import { calendarFeedFor, calendarFeedToken, interviewCalendar, regenerateCalendarFeedToken } from './calendar.usecases.js';

export const CALENDAR_FEED_PREFIX = '/calendar/';

const localFeedPath = (token: string) => `${CALENDAR_FEED_PREFIX}${token}.ics`;

/** On a shared server the feed address also names its owner, whose workspace the token is checked in. */
export interface SharedFeed {
  feedPath(token: string): string;
  /** The route pattern, with :userId and :file. */
  feedRoute: string;
}

/** On a shared server, the accounts database learns the token's hash before its address is shown. */
async function recorded(token: string): Promise<string> {
  await currentScope()?.recordFeedToken?.(token);
  return token;
}

export function registerCalendarRoutes(app: App, ctx: AppContext, shared?: SharedFeed): void {
  const feedPath = shared?.feedPath ?? localFeedPath;
  const tags = ['calendar'];
  app.get('/api/v1/calendar', {
    schema: { tags, summary: 'The private calendar feed address', response: { 200: calendarFeedSchema, ...errorResponses } },
    handler: async () => ({ path: feedPath(await recorded((await calendarFeedToken({ ctx })).token)) }),
  });
  app.post('/api/v1/calendar/regenerate', {
    schema: { tags, summary: 'Make a new feed address; the old one stops working', response: { 200: calendarFeedSchema, ...errorResponses } },
    handler: async () => ({ path: feedPath(await recorded((await regenerateCalendarFeedToken({ ctx })).token)) }),
  });
  app.get('/api/v1/interviews/:id/calendar.ics', {
    schema: { tags, summary: 'Download one scheduled interview as an .ics file', params: idParams },
    handler: async (request, reply) => {
      const { filename, ics } = await interviewCalendar({ ctx, id: request.params.id });
      return reply.type('text/calendar; charset=utf-8').header('Content-Disposition', `attachment; filename="${filename}"`).send(ics);
    },
  });
  // Calendar apps cannot sign in: the secret token in the address is the credential.
  app.get(shared?.feedRoute ?? `${CALENDAR_FEED_PREFIX}:file`, {
    schema: { hide: true, params: shared ? sharedCalendarFeedParams : calendarFeedParams },
    handler: async (request, reply) => {
      const ics = await calendarFeedFor({ ctx, token: request.params.file.replace(/\.ics$/, '') });
      return reply.type('text/calendar; charset=utf-8').header('Cache-Control', 'no-store').send(ics);
    },
  });
}

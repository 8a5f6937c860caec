import type { FastifyReply } from 'fastify';
import { SIGN_OUT_EVERYWHERE_PATH, signOutEverywhereResult } from '../../shared/schemas/browser-sessions.js';
import { errorResponses, type App } from '../../server/types.js';
import type { BrowserSessions } from './browser-sessions.usecases.js';

/** Local mode: sign every browser out (this one too); the start link signs a browser in again. */
export function registerBrowserSessionRoutes(app: App, sessions: BrowserSessions, clearCookies: (reply: FastifyReply) => void): void {
  app.post(SIGN_OUT_EVERYWHERE_PATH, {
    schema: {
      tags: ['accounts'],
      summary: 'Sign every browser out of this workspace (the start link from `inroads open` signs one in again)',
      response: { 200: signOutEverywhereResult, ...errorResponses },
    },
    handler: async (_request, reply) => {
      const signedOut = await sessions.signOutEverywhere();
      clearCookies(reply);
      return { signedOut };
    },
  });
}

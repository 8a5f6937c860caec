import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, errorResponses, type App } from '../../server/types.js';
import { AppError } from '../../shared/errors.js';
import { ssoFinishInput, ssoFinishResponse, ssoStartInput, ssoStartResponse, ssoStatusSchema } from '../../shared/schemas/sso.js';
import type { AppContext } from '../repositories.js';
import { SSO_LOGIN_MINUTES } from './sso.rules.js';
import { finishSso, requireProvider, ssoStatus, startSso, type IdentityProvider } from './sso.usecases.js';

export interface SsoRouteDeps {
  control: AppContext;
  /** The identity provider, connected at start; null when single sign-on is not set up. */
  provider: IdentityProvider | null;
  /** Secure, __Host- cookies (the public address is https). */
  secureCookies: boolean;
  cookies: {
    set(reply: FastifyReply, token: string): void;
    setDevice(reply: FastifyReply, token: string): void;
  };
  /** The session token the request carries, if any (it ends when a new sign-in starts). */
  token(request: FastifyRequest): string | null;
}

/** The password routes that single-sign-on-only mode turns off (admins keep the command line). */
export const PASSWORD_ROUTES = new Set([
  'POST /api/v1/auth/sign-in',
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/reset-link',
  'POST /api/v1/auth/reset',
  'POST /api/v1/account/password',
  'POST /api/v1/admin/users/:id/password-reset',
]);

/** Single sign-on: whether there is one, going to the provider, and coming back from it. */
export function registerSsoRoutes(app: App, deps: SsoRouteDeps): void {
  const { control, provider } = deps;
  const tags = ['accounts'];
  const cookieName = `${deps.secureCookies ? '__Host-' : ''}inroads_sso`;
  const cookieOptions = { path: '/', secure: deps.secureCookies, sameSite: 'lax', httpOnly: true } as const;

  if (provider?.only) {
    const name = provider.name;
    app.addHook('onRequest', async (request) => {
      if (PASSWORD_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
        throw new AppError('sso.only', 403, `This server signs people in with ${name} only; passwords are not used here.`);
      }
    });
  }

  app.get('/api/v1/auth/sso', {
    schema: { tags, summary: 'Whether this server offers single sign-on, under which name, and whether it is the only way in', response: { 200: ssoStatusSchema } },
    handler: async () => ssoStatus(provider),
  });
  app.post('/api/v1/auth/sso/start', {
    schema: {
      tags,
      summary: 'Start signing in with the identity provider: answers the address to send the browser to (with an invitation link to join)',
      body: ssoStartInput,
      response: { 200: ssoStartResponse, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { url, browserKey } = await startSso({ ctx: control, provider: requireProvider(provider), invitation: request.body.invitation });
      reply.setCookie(cookieName, browserKey, { ...cookieOptions, maxAge: SSO_LOGIN_MINUTES * 60 });
      return { url };
    },
  });
  app.post('/api/v1/auth/sso/finish', {
    schema: {
      tags,
      summary: 'Finish signing in with what the identity provider sent back: starts a session like a password sign-in (joins with an invitation for the verified email)',
      body: ssoFinishInput,
      response: { 200: ssoFinishResponse, ...errorResponses, 502: errorBody },
    },
    handler: async (request, reply) => {
      const active = requireProvider(provider);
      // The browser's sign-in can be used once, whatever happens next.
      reply.clearCookie(cookieName, { path: '/', secure: deps.secureCookies });
      const { user, token, deviceToken, joined } = await finishSso({
        ctx: control,
        provider: active,
        browserKey: request.cookies[cookieName],
        response: request.body.response,
        address: request.ip,
        previousToken: deps.token(request) ?? undefined,
      });
      deps.cookies.set(reply, token);
      deps.cookies.setDevice(reply, deviceToken);
      return { user, joined };
    },
  });
}

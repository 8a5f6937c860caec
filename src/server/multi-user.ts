import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, calendarFeedOwner, DEVICE_DAYS, recordFeedToken } from '../modules/accounts/accounts.usecases.js';
import { storedCalendarFeedToken } from '../modules/calendar/calendar.usecases.js';
import type { AppContext } from '../modules/repositories.js';
import { ID_PATTERN } from '../shared/ids.js';
import type { Account } from '../shared/schemas/accounts.js';
import { AppError } from '../shared/errors.js';
import { accessFor } from './access.js';
import { routeNotFound } from './errors.js';
import { runInScope, type RequestScope } from './request-scope.js';
import { safeEqual } from './secret.js';
import { applyResponseHeaders, CSRF_HEADER, deny } from './security.js';
import type { UserWorkspaces } from './user-workspaces.js';
import type { IdentityProvider } from '../modules/sso/sso.usecases.js';
import type { SendMail } from '../modules/reminders/reminders.usecases.js';
import type { Workspaces } from './workspace.js';
import { currentScope, requireScope, scopedContext } from './request-scope.js';

export interface MultiUserDeps {
  /** The accounts database: users, sessions, grants, settings. */
  control: AppContext;
  /** Each user's own workspace. */
  workspaces: UserWorkspaces;
  /** `host:port` values this server answers to (its public name and its own address). */
  allowedHosts: string[];
  /** Origins whose pages may send changes, e.g. https://inroads.example.edu. */
  allowedOrigins: string[];
  /** Secure, __Host- cookies: on whenever the public address is https. */
  secureCookies: boolean;
  /** Queues an opened reminder round now (`force`: whatever the hour where each person is); null when reminders are not configured. */
  planReminders?: ((round: { id: string; force: boolean }) => Promise<void>) | null;
  /** Deletes a user's workspace for good (see workspace-removal.ts). */
  removeWorkspace: (userId: string) => Promise<void>;
  /** Sends email through the configured SMTP server (password reset links); none without SMTP. */
  sendMail?: SendMail | null;
  /** The address people use, for the links in emails. */
  appUrl?: string | null;
  /** Single sign-on's identity provider (connected at start); none when it is not set up. */
  sso?: IdentityProvider | null;
}

/**
 * What a person whose first password an admin set may do before choosing their own
 * (besides the public routes: status, signing out): read their account, change the password.
 */
const WHILE_PASSWORD_TEMPORARY = new Set(['GET /api/v1/account', 'POST /api/v1/account/password']);

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_MAX_AGE_S = 30 * 86_400;
const DEVICE_MAX_AGE_S = DEVICE_DAYS * 86_400;

export interface SessionCookies {
  session: string;
  csrf: string;
  /** The device cookie: a browser the account has signed in from before (see signIn). */
  device: string;
  set(reply: FastifyReply, token: string): void;
  clear(reply: FastifyReply): void;
  deviceToken(request: FastifyRequest): string | undefined;
  setDevice(reply: FastifyReply, token: string): void;
}

/** The CSRF value that goes with a session: derived from its token, so any instance can check it with no shared state. */
export const csrfFor = (token: string) => createHash('sha256').update(`inroads-csrf-v1:${token}`).digest('base64url');

export function sessionCookies(secure: boolean): SessionCookies {
  const prefix = secure ? '__Host-' : '';
  const session = `${prefix}inroads_session`;
  const csrf = `${prefix}inroads_csrf`;
  const device = `${prefix}inroads_device`;
  const base = { path: '/', secure, sameSite: 'lax', maxAge: SESSION_MAX_AGE_S } as const;
  return {
    session,
    csrf,
    device,
    set(reply, token) {
      reply.setCookie(session, token, { ...base, httpOnly: true });
      reply.setCookie(csrf, csrfFor(token), { ...base, httpOnly: false });
    },
    clear(reply) {
      reply.clearCookie(session, { path: '/', secure });
      reply.clearCookie(csrf, { path: '/', secure });
    },
    // Only ever sent with this site's own requests, and kept when the session ends: it stands for the browser, not a sign-in.
    deviceToken: (request) => request.cookies[device] || undefined,
    setDevice(reply, token) {
      reply.setCookie(device, token, { path: '/', secure, sameSite: 'strict', httpOnly: true, maxAge: DEVICE_MAX_AGE_S });
    },
  };
}

/** A route one may not use answers exactly like one that does not exist. */
const notFound = (request: FastifyRequest, reply: FastifyReply) => reply.code(404).type('application/json; charset=utf-8').send(routeNotFound(request.method, request.url));

/** The session token a request presents: the cookie, or `Authorization: Bearer` for scripts. */
export function presentedToken(request: FastifyRequest, cookies: SessionCookies): { token: string; via: 'cookie' | 'bearer' } | null {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return { token: authorization.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies[cookies.session];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

declare module 'fastify' {
  interface FastifyRequest {
    inroadsScope?: RequestScope;
    inroadsRelease?: () => void;
  }
}

/** Ends the request's lease on its user's workspace (once the response is sent, or the client has gone). */
const releaseWorkspace = async (request: FastifyRequest) => request.inroadsRelease?.();

/**
 * Multi-user mode's defences and its access layer, in front of every route: the
 * Host check, sign-in by session, the role a route needs (see access.ts), Origin
 * and CSRF checks on changes, and then the rest of the request runs inside the
 * user's own workspace and nowhere else.
 */
export function registerMultiUserSecurity(app: FastifyInstance, deps: MultiUserDeps, cookies: SessionCookies): void {
  const allowedHosts = new Set(deps.allowedHosts.map((h) => h.toLowerCase()));
  const allowedOrigins = new Set(deps.allowedOrigins.map((o) => o.toLowerCase()));
  /** The user's workspace for this request, leased until the response is sent (or the client goes away). */
  const scopeFor = async (request: FastifyRequest, user: Account): Promise<RequestScope> => {
    const { ctx, handle, release } = await deps.workspaces.open(user.id);
    request.inroadsRelease = release;
    const recordFeed = (token: string) => recordFeedToken({ ctx: deps.control, userId: user.id, token });
    return { user, ctx, handle, recordFeedToken: recordFeed };
  };
  /**
   * Users whose feed token this process has copied into the accounts database: a feed address made before the
   * accounts database kept its hash works again once its owner next uses Inroads (checked once per user, not per request).
   */
  const feedsCopied = new Set<string>();
  const copyFeedToken = async (scope: RequestScope) => {
    if (feedsCopied.has(scope.user.id)) return;
    const token = await storedCalendarFeedToken({ ctx: scope.ctx });
    if (token) await scope.recordFeedToken?.(token);
    if (feedsCopied.size > 100_000) feedsCopied.clear();
    feedsCopied.add(scope.user.id);
  };
  app.addHook('onResponse', releaseWorkspace);
  app.addHook('onRequestAbort', releaseWorkspace);

  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) return deny(reply, 403, 'security.forbidden_host', 'This server only answers requests addressed to it by its own name.');
    const access = accessFor(request.method, request.routeOptions.url, request.url);

    if (access === 'feed') {
      // Calendar apps cannot sign in: the token in the address is checked against the accounts database first, in
      // constant time, so an unknown id and a wrong token look alike and no workspace is opened (or created) for either.
      const { userId = '', file = '' } = request.params as { userId?: string; file?: string };
      const owner = ID_PATTERN.test(userId) ? await calendarFeedOwner({ ctx: deps.control, userId, token: file.replace(/\.ics$/, '') }) : null;
      if (!owner) return notFound(request, reply);
      request.inroadsScope = await scopeFor(request, owner);
      return undefined;
    }

    const presented = presentedToken(request, cookies);
    const user = presented ? await authenticate({ ctx: deps.control, token: presented.token }) : null;
    if (!user && access !== 'public') {
      if (presented?.via === 'cookie') cookies.clear(reply);
      return deny(reply, 401, 'auth.required', 'Sign in to use Inroads.');
    }
    if ((access === 'admin' && user?.role !== 'admin') || (access === 'coach' && user?.role !== 'coach')) return notFound(request, reply);
    if (user?.mustChangePassword && access !== 'public' && !WHILE_PASSWORD_TEMPORARY.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
      return deny(reply, 403, 'accounts.password_change_required', 'Choose your own password first (on your Account page): the one you were given is only for signing in once.');
    }

    if (STATE_CHANGING.has(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
        return deny(reply, 403, 'security.forbidden_origin', 'Changes are only accepted from Inroads itself.');
      }
      const header = request.headers[CSRF_HEADER] as string | undefined;
      // With a session cookie the header must carry that session's value; before sign-in, the custom header itself is
      // the defence (no other site can send it without a CORS approval this server never gives).
      const ok = presented?.via === 'bearer' || (user && presented ? safeEqual(header, csrfFor(presented.token)) : header !== undefined);
      if (!ok) return deny(reply, 403, 'security.csrf', `A change needs the ${CSRF_HEADER} header that the Inroads app sends; reload the page and try again.`);
    }
    if (user) {
      request.inroadsScope = await scopeFor(request, user);
      await copyFeedToken(request.inroadsScope);
    }
    return undefined;
  });

  // After the body is read, the handler runs inside the user's scope (async context follows it through every await).
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.inroadsScope) runInScope(request.inroadsScope, done);
    else done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    applyResponseHeaders(request, reply);
    if (deps.secureCookies) reply.header('Strict-Transport-Security', 'max-age=31536000');
    return payload;
  });
}

/** The signed-in user of the current request (routes behind `user`, `coach` or `admin` access always have one). */
export const currentUser = (): Account => requireScope().user;

/** Whoever is signed in on a public route, if anyone (the access layer has already checked the session). */
export const signedInUser = (): Account | null => currentScope()?.user ?? null;

/** The workspace page's view in multi-user mode: the signed-in user's workspace, no demo switching. */
export const multiUserWorkspaces: Workspaces = {
  live: scopedContext,
  demoUrl: null,
  current: () => ({ handle: requireScope().handle, demo: false }),
  switchTo: async () => {
    throw new AppError('workspace.no_demo', 409, 'The demo workspace is not available on a shared server.');
  },
  close: async () => undefined,
};

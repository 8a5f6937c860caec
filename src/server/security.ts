import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createBrowserSessionsRepository } from '../modules/browser-sessions/browser-sessions.repository.js';
import { registerBrowserSessionRoutes } from '../modules/browser-sessions/browser-sessions.routes.js';
import { BROWSER_SESSION_DAYS } from '../modules/browser-sessions/browser-sessions.rules.js';
import { createBrowserSessions, type BrowserSessions } from '../modules/browser-sessions/browser-sessions.usecases.js';
import { systemClock, type Clock } from '../shared/clock.js';
import type { ErrorCode, StatusOf } from '../shared/error-codes.js';
import { derive, openCommandFor, safeEqual } from './secret.js';

export { openCommandFor } from './secret.js';
import type { App } from './types.js';

export interface SecurityOptions {
  secret: string;
  /** `host:port` values this server answers to. */
  allowedHosts: string[];
  /** GET (and HEAD) paths that carry their own secret token (calendar feeds) and so need no sign-in. */
  tokenInPathPrefixes?: string[];
  /** Where the signed-in browsers are kept: the database the server opened. */
  db: Kysely<Database>;
  clock?: Clock | undefined;
  /** The command that prints the start link again, as the signed-out page shows it (see openCommandFor). */
  openCommand?: string | undefined;
}


export const AUTH_COOKIE = 'inroads_auth';
export const CSRF_COOKIE = 'inroads_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The only inline style Inroads serves (server-rendered pages); allowed by its hash, not by 'unsafe-inline'. */
export const PAGE_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933}' +
  'code{background:#eef1f4;padding:.1rem .3rem;border-radius:4px}a{color:#1d4ed8}' +
  '@media (prefers-color-scheme:dark){body{background:#111827;color:#e5e7eb}code{background:#1f2937}a{color:#93c5fd}}';
const PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${PAGE_STYLE_HASH}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function allowedHostsFor(host: string, port: number): string[] {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (host !== '127.0.0.1' && host !== '0.0.0.0' && host !== '::') names.add(host.includes(':') ? `[${host}]` : host);
  return [...names].map((name) => `${name}:${port}`);
}

/** A refusal in the API's error shape, sent before any route runs. */
export function deny<C extends ErrorCode>(reply: FastifyReply, status: StatusOf<C>, code: C, message: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message, details: {} } });
}

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function signInPage(host: string, openCommand: string = openCommandFor()): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inroads — open it from your terminal</title>
<style>${PAGE_STYLE}</style>
</head><body><main>
<h1>Inroads is running, but this browser is not signed in</h1>
<p>Your workspace is private to you. To open it, use the link Inroads printed when it started
(it ends in <code>?token=…</code>), or run this in a terminal:</p>
<p><code>${escapeHtml(openCommand)}</code></p>
<p>That prints the link again and opens it here. (From the folder where you installed Inroads, <code>npx inroads open</code> does the same.)
The link signs this browser in for ${BROWSER_SESSION_DAYS} days from its last visit, also after the browser is closed.</p>
<p>Address: <code>${escapeHtml(host)}</code></p>
</main></body></html>`;
}

/** Signs this browser out (its cookies end now). */
function clearSignedIn(reply: FastifyReply): void {
  reply.clearCookie(AUTH_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** What the local-mode routes need from registerSecurity, per app. */
const signInState = new WeakMap<App, BrowserSessions>();

/** The local-mode sign-in routes (signing every browser out); registered with the other routes, after registerSecurity. */
export function registerLocalSignInRoutes(app: App): void {
  const sessions = signInState.get(app);
  if (!sessions) throw new Error('registerLocalSignInRoutes needs registerSecurity first');
  registerBrowserSessionRoutes(app, sessions, clearSignedIn);
}

/**
 * Where the sign-in link may send the browser on: a path on this server only. `//host/…`
 * (or `/\\host`, which browsers read the same) would leave for another site, so anything
 * that is not one `/` followed by a path segment goes to the start page.
 */
export function sameOriginPath(pathname: string, search = ''): string {
  const path = pathname.replace(/\\/g, '/');
  if (!path.startsWith('/') || path.startsWith('//')) return '/';
  return `${path}${search}`;
}

/**
 * The local-mode baseline, applied to every request before routing:
 * Host check (DNS rebinding), the launch secret, Origin + CSRF token on writes,
 * and strict response headers.
 */
export function registerSecurity(app: App, options: SecurityOptions): void {
  const csrfValue = derive(options.secret, 'inroads-csrf-v1');
  const allowedHosts = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
  const allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const openCommand = options.openCommand ?? openCommandFor();
  // A signed-in browser keeps a random value that is replaced as it is used; only its hash is stored.
  const sessions = createBrowserSessions(createBrowserSessionsRepository(options.db), options.clock ?? systemClock);
  const cookie = { path: '/', httpOnly: true, sameSite: 'strict', secure: false, maxAge: BROWSER_SESSION_DAYS * 24 * 60 * 60 } as const;
  const setSignedIn = (reply: FastifyReply, token: string) => {
    reply.setCookie(AUTH_COOKIE, token, cookie);
    reply.setCookie(CSRF_COOKIE, csrfValue, { ...cookie, httpOnly: false });
  };
  signInState.set(app, sessions);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) {
      return deny(reply, 403, 'security.forbidden_host', 'This server only answers requests addressed to it by its own local address.');
    }

    const authorization = request.headers.authorization;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    const viaBearer = safeEqual(bearer, options.secret);
    let viaCookie = false;
    const presented = request.cookies[AUTH_COOKIE];
    if (!viaBearer && presented !== undefined) {
      const used = await sessions.use(presented);
      viaCookie = used.valid;
      if (used.replacement) setSignedIn(reply, used.replacement.token);
    }

    const url = new URL(request.url, `http://${host}`);
    const token = url.searchParams.get('token');
    if (!viaBearer && !viaCookie && request.method === 'GET' && token !== null && safeEqual(token, options.secret)) {
      setSignedIn(reply, (await sessions.signIn()).token);
      url.searchParams.delete('token');
      return reply.redirect(sameOriginPath(url.pathname, url.search), 303);
    }

    const tokenInPath = (request.method === 'GET' || request.method === 'HEAD') && (options.tokenInPathPrefixes ?? []).some((p) => request.url.startsWith(p));
    if (!viaBearer && !viaCookie && !tokenInPath) {
      if (request.url.startsWith('/api/')) {
        return deny(reply, 401, 'auth.required', 'Sign in with the link Inroads printed at start (or run `npx inroads open` in the folder where Inroads is installed), or send the launch secret as a Bearer token.');
      }
      return reply.code(401).type('text/html; charset=utf-8').send(signInPage(host, openCommand));
    }

    if (STATE_CHANGING.has(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
        return deny(reply, 403, 'security.forbidden_origin', 'Changes are only accepted from Inroads itself.');
      }
      if (!viaBearer && !safeEqual(request.headers[CSRF_HEADER] as string | undefined, csrfValue)) {
        return deny(reply, 403, 'security.csrf', `A change needs the ${CSRF_HEADER} header that the Inroads app sends; reload the page and try again.`);
      }
    }
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    applyResponseHeaders(request, reply);
    return payload;
  });
}

/** The strict headers on every response, in both modes. */
export function applyResponseHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  if (request.url.startsWith('/api/') || reply.statusCode === 401) reply.header('Cache-Control', 'no-store');
}

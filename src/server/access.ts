/**
 * The one table that says who may call what in multi-user mode. Every route is
 * judged here, by its method and route pattern, before anything else runs:
 *
 * - `public`: anyone (signing in and up, health, the web app's files; the API's
 *   description is for signed-in users only);
 * - `feed`: a calendar app, with the owner's id and secret token in the address;
 * - `user`: a signed-in, active account, inside that account's own workspace;
 * - `coach` / `admin`: a signed-in account with that role (others get a 404,
 *   exactly as if the address did not exist).
 *
 * Anything under /api/ that is not listed is `user`, so a new route is private
 * unless it is deliberately made public here.
 */
export type Access = 'public' | 'feed' | 'user' | 'coach' | 'admin';

const PUBLIC_API = new Set([
  'GET /api/v1/health',
  'GET /api/v1/auth/status',
  'POST /api/v1/auth/sign-in',
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/sign-out',
  'POST /api/v1/auth/invitation',
  'POST /api/v1/auth/reset-link',
  'POST /api/v1/auth/reset',
  'GET /api/v1/auth/sso',
  'POST /api/v1/auth/sso/start',
  'POST /api/v1/auth/sso/finish',
]);

export const FEED_ROUTE = '/calendar/:userId/:file';

export function accessFor(method: string, route: string | undefined, url: string): Access {
  const path = route ?? url.split('?')[0] ?? url;
  if (PUBLIC_API.has(`${method} ${path}`)) return 'public';
  if (path === FEED_ROUTE) return 'feed';
  if (path.startsWith('/api/v1/admin/')) return 'admin';
  if (path.startsWith('/api/v1/coaching/')) return 'coach';
  if (path.startsWith('/api/')) return 'user';
  // The single-page app and its files: it asks the API who is signed in.
  return 'public';
}

// What a page asks the server for before it can show anything. The server names these in a
// `Link: …; rel=preload` header on the page itself, so the browser fetches them while it is
// still loading the scripts; the web app asks for exactly these addresses (a contract test
// holds the two together), and so finds them already on their way.

/** Items of each agenda group Today shows at first. */
export const TODAY_FIRST_ITEMS = 25;
/** People per page of the People list. */
export const PEOPLE_PAGE = 100;

const signedIn = ['/api/v1/workspace', '/api/v1/explorations?limit=200&sort=-updatedAt', '/api/v1/explorations/active'];

const byPage: Record<string, readonly string[]> = {
  '/': [`/api/v1/agenda?limit=${TODAY_FIRST_ITEMS}`],
  // The filters' choices are left out: the page asks for them once its first rows are in.
  '/people': [`/api/v1/contacts?sort=name&limit=${PEOPLE_PAGE}&offset=0`],
};

/** Who is signed in: every page asks this first. */
export const AUTH_STATUS_URL = '/api/v1/auth/status';

/**
 * The first requests of the page at `pathname` (with `search`, the address's query string,
 * empty or starting with `?`): who is signed in, and for a signed-in person the workspace,
 * the exploration picker and, for Today and People as first opened, their first data.
 */
export function firstRequests(pathname: string, search: string, signedInNow: boolean): string[] {
  if (!signedInNow) return [AUTH_STATUS_URL];
  return [AUTH_STATUS_URL, ...signedIn, ...(search === '' ? (byPage[pathname] ?? []) : [])];
}

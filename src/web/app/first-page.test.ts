import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchFirstPage } from './first-page.js';
import { firstRequests } from '../../shared/vocabulary/first-requests.js';

/**
 * The server tells the browser to fetch `firstRequests(page)` along with the page; the browser hands
 * those answers to the app only if the app asks for exactly the same addresses. So the app's own first
 * requests, made by the same query functions its pages use, must be exactly that list.
 */
async function requestedBy(pathname: string, search: string, status: object): Promise<string[]> {
  const asked: string[] = [];
  vi.stubGlobal('document', { cookie: '' });
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const body = url === '/api/v1/auth/status' ? status : { items: [], total: 0 };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  await prefetchFirstPage(new QueryClient({ defaultOptions: { queries: { retry: false } } }), pathname, search);
  return asked;
}

describe('the first requests of a page', () => {
  afterEach(() => vi.unstubAllGlobals());
  const local = { mode: 'local', user: null };

  it.each(['/', '/people', '/interviews', '/people/3f1c9a52-1b7e-4d8a-9c3e-2a6b8d0e4f71'])('are the same addresses in the app and in the server hint for %s', async (pathname) => {
    const asked = await requestedBy(pathname, '', local);
    expect(asked.sort()).toEqual(firstRequests(pathname, '', true).sort());
  });

  it('name Today\'s agenda and the People list with their first page', () => {
    expect(firstRequests('/', '', true)).toContain('/api/v1/agenda?limit=25');
    expect(firstRequests('/people', '', true)).toContain('/api/v1/contacts?sort=name&limit=100&offset=0');
  });

  it('leave out a page\'s data when the address carries a filter, which changes what the page asks', async () => {
    const asked = await requestedBy('/people', '?relationship=friend', local);
    expect(asked.sort()).toEqual(firstRequests('/people', '?relationship=friend', true).sort());
    expect(asked.some((url) => url.startsWith('/api/v1/contacts'))).toBe(false);
  });

  it('ask only who is signed in when nobody is (a shared server\'s sign-in page)', async () => {
    expect(await requestedBy('/', '', { mode: 'multi-user', user: null })).toEqual(['/api/v1/auth/status']);
    expect(firstRequests('/', '', false)).toEqual(['/api/v1/auth/status']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../test/fixtures/api.js';
import { anonymous, createMultiUserApp, signedIn, type MultiUserTestApp } from '../../test/fixtures/multi-user.js';
import { settableClock } from '../shared/clock.js';
import { firstRequests } from '../shared/vocabulary/first-requests.js';

const preloads = (link: unknown) =>
  String(link ?? '')
    .split(', ')
    .filter(Boolean)
    .map((part) => {
      expect(part).toMatch(/^<[^>]+>; rel=preload; as=fetch; crossorigin$/);
      return part.slice(1, part.indexOf('>'));
    });

describe('the page names its first requests for the browser to fetch at once', () => {
  const t = useTestApp();

  it.each(['/', '/people', '/interviews/3f1c9a52-1b7e-4d8a-9c3e-2a6b8d0e4f71'])('on %s, a signed-in page', async (url) => {
    const page = await asBrowser(t.app, { method: 'GET', url, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(preloads(page.headers.link)).toEqual(firstRequests(url, '', true));
  });

  it('keeps a filtered list\'s data out (the page asks for something else) and adds nothing to the API\'s own answers', async () => {
    const page = await asBrowser(t.app, { method: 'GET', url: '/people?tag=alumni', headers: { accept: 'text/html' } });
    expect(preloads(page.headers.link)).toEqual(firstRequests('/people', '?tag=alumni', true));
    expect((await asBrowser(t.app, { method: 'GET', url: '/api/v1/contacts' })).headers.link).toBeUndefined();
  });
});

describe('what the browser keeps', () => {
  const t = useTestApp();

  it('keeps the built scripts and styles (named by their content) for good, and checks the page and the icon every time', async () => {
    const html = await asBrowser(t.app, { method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(html.headers['cache-control']).toBe('no-cache');
    const assets = [...html.body.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) expect((await asBrowser(t.app, { method: 'GET', url: asset })).headers['cache-control'], asset).toBe('private, max-age=31536000, immutable');
    expect((await asBrowser(t.app, { method: 'GET', url: '/favicon.svg' })).headers['cache-control']).toBe('no-cache');
    expect((await asBrowser(t.app, { method: 'GET', url: '/people' })).headers['cache-control']).toBe('no-cache');
  });
});

describe('on a shared server', () => {
  let t: MultiUserTestApp;
  beforeAll(async () => {
    t = await createMultiUserApp('sqlite', settableClock('2026-03-10T10:00:00.000Z'));
  });
  afterAll(async () => t?.dispose());

  it('names only who is signed in to someone who is not, and the rest once they are', async () => {
    const page = await anonymous(t.app, 'GET', '/');
    expect(page.statusCode).toBe(200);
    expect(preloads(page.headers.link)).toEqual(['/api/v1/auth/status']);
    const ana = await signedIn(t, 'ana@example.org');
    expect(preloads((await ana.call('GET', '/')).headers.link)).toEqual(firstRequests('/', '', true));
  });
});

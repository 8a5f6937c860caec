import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, authCookie, csrfToken, HOST, ORIGIN, PORT, TEST_SECRET, useTestApp } from '../../test/fixtures/api.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../test/fixtures/databases.js';
import { settableClock } from '../shared/clock.js';
import { buildApp } from './app.js';
import { AUTH_COOKIE, allowedHostsFor, CSRF_COOKIE, openCommandFor, sameOriginPath } from './security.js';
import type { App } from './types.js';

interface SetCookie {
  name: string;
  value: string;
  httpOnly?: boolean;
  sameSite?: string;
  maxAge?: number;
  path?: string;
}
const cookiesOf = (res: { cookies: unknown }) => res.cookies as SetCookie[];
/** A GET with the path sent exactly as written (as a browser or curl sends it), to the app listening on a free port. */
async function rawGet(app: App, path: string): Promise<{ status: number; location: string | undefined }> {
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host: HOST } }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode ?? 0, location: res.headers.location }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** The new sign-in cookie a response sets, if it sets one. */
const replacement = (res: { cookies: unknown }) => cookiesOf(res).find((c) => c.name === AUTH_COOKIE);

describe('the local security baseline', () => {
  const t = useTestApp();

  const routes = ['/', '/api/v1/contacts', '/api/openapi.json', '/api/v1/health', '/favicon.ico', '/index.html'];

  it.each(routes)('answers 403 to a foreign Host on %s, even when signed in', async (url) => {
    for (const host of ['evil.example', 'evil.example:4580', '127.0.0.1:9999', 'localhost']) {
      const res = await asBrowser(t.app, { method: 'GET', url, headers: { host } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('security.forbidden_host');
    }
  });

  it('accepts its own loopback names', async () => {
    for (const host of [HOST, 'localhost:4580', '[::1]:4580']) {
      expect((await asBrowser(t.app, { method: 'GET', url: '/api/v1/health', headers: { host } })).statusCode).toBe(200);
    }
  });

  it('answers 401 without the launch secret, and a browser gets a page explaining how to get in', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { host: HOST } });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('auth.required');
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { host: HOST, accept: 'text/html' } });
    expect(page.statusCode).toBe(401);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('?token=');
    // A command that works without `inroads` on the PATH: this installation's bin/inroads.js, by its absolute path.
    expect(page.body).toContain(openCommandFor());
    expect(openCommandFor()).toMatch(/^node \/\S*\/bin\/inroads\.js open$/);
    expect(page.body).toContain('npx inroads open');
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { host: HOST, cookie: `${AUTH_COOKIE}=nope` } });
    expect(wrong.statusCode).toBe(401);
  });

  it('exchanges the start link for a lasting HttpOnly cookie and drops the token from the address', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/?token=${TEST_SECRET}&x=1`, headers: { host: HOST } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/?x=1');
    const cookies = cookiesOf(res);
    const auth = cookies.find((c) => c.name === AUTH_COOKIE);
    // Max-Age makes it outlive the browser: 30 days.
    expect(auth).toMatchObject({ httpOnly: true, sameSite: 'Strict', maxAge: 30 * 24 * 60 * 60, path: '/' });
    expect(auth?.value).not.toBe(TEST_SECRET);
    expect(auth?.value).not.toBe(authCookie);
    expect(cookies.find((c) => c.name === CSRF_COOKIE)).toMatchObject({ value: csrfToken, maxAge: 30 * 24 * 60 * 60 });
    expect(cookies.find((c) => c.name === CSRF_COOKIE)?.httpOnly).toBeFalsy();
    // The new cookie signs the browser in.
    const signedIn = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { host: HOST, cookie: `${AUTH_COOKIE}=${auth?.value}` } });
    expect(signedIn.statusCode).toBe(200);
    const wrong = await t.app.inject({ method: 'GET', url: '/?token=wrong', headers: { host: HOST } });
    expect(wrong.statusCode).toBe(401);
  });

  it.each([
    ['/..//evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
    ['/./\\/evil.example', '/'],
    ['/people/abc', '/people/abc'],
  ])('sends the start link %s on to %s: a path on this server only', async (path, expected) => {
    // Over a real connection: app.inject() tidies the address before the app sees it, a browser's request is not tidied.
    const res = await rawGet(t.app, `${path}?token=${TEST_SECRET}`);
    expect(res.status).toBe(303);
    expect(res.location).toBe(expected);
  });

  it.each(['/%2e%2e//evil.example/x', '/.%2e//evil.example', '/a/../..//evil.example/', '/%5cevil.example', '///evil.example'])(
    'never sends the start link %s to another site',
    async (path) => {
      const res = await rawGet(t.app, `${path}?token=${TEST_SECRET}`);
      expect(res.status).toBe(303);
      const location = String(res.location);
      expect(location).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
    },
  );

  it('keeps other query parameters on the way', () => {
    expect(sameOriginPath('/interviews', '?view=board')).toBe('/interviews?view=board');
    expect(sameOriginPath('//evil.example', '?view=board')).toBe('/');
    expect(sameOriginPath('evil.example')).toBe('/');
  });

  it('refuses a change from a foreign Origin with 403', async () => {
    const res = await asBrowser(t.app, {
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { origin: 'http://localhost:3000' },
      payload: { name: 'Cross-site' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('security.forbidden_origin');
  });

  it('refuses a change without the CSRF token with 403, and writes nothing', async () => {
    const res = await asBrowser(t.app, { method: 'POST', url: '/api/v1/organizations', headers: { 'x-csrf-token': '' }, payload: { name: 'No token' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('security.csrf');
    const list = await asBrowser(t.app, { method: 'GET', url: '/api/v1/organizations' });
    expect(list.json().total).toBe(0);
  });

  it('accepts the launch secret as a Bearer token for scripts', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { host: HOST, authorization: `Bearer ${TEST_SECRET}` },
      payload: { name: 'Scripted' },
    });
    expect(res.statusCode).toBe(201);
  });

  it('sends CSP, nosniff and frame-ancestors everywhere and no-store on the API', async () => {
    for (const url of ['/', '/api/v1/contacts']) {
      const res = await asBrowser(t.app, { method: 'GET', url, headers: { origin: ORIGIN } });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const api = await asBrowser(t.app, { method: 'GET', url: '/api/v1/contacts' });
    expect(api.headers['cache-control']).toBe('no-store');
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { host: 'evil.example' } });
    expect(denied.headers['content-security-policy']).toBeDefined();
  });

  it('never changes data on GET', async () => {
    const before = (await asBrowser(t.app, { method: 'GET', url: '/api/v1/organizations' })).json().total;
    await asBrowser(t.app, { method: 'GET', url: '/api/v1/organizations?name=x' });
    expect((await asBrowser(t.app, { method: 'GET', url: '/api/v1/organizations' })).json().total).toBe(before);
  });
});

describe.each(dialects)('signed-in browsers on %s', (dialect) => {
  let w: TestWorkspace;
  let app: App;
  const clock = settableClock('2026-03-10T10:00:00Z');
  beforeAll(async () => {
    w = await createTestWorkspace(dialect, clock);
    app = await buildApp({ ctx: w.ctx, secret: TEST_SECRET, allowedHosts: allowedHostsFor('127.0.0.1', PORT), handle: w.handle });
  });
  afterAll(async () => {
    await app?.close();
    await w?.dispose();
  });

  const signIn = async () => {
    const res = await app.inject({ method: 'GET', url: `/?token=${TEST_SECRET}`, headers: { host: HOST } });
    return cookiesOf(res).find((c) => c.name === AUTH_COOKIE)?.value ?? '';
  };
  const get = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { host: HOST, cookie: `${AUTH_COOKIE}=${cookie}` } });

  it('stay signed in, replacing the cookie value as it is used once it is an hour old', async () => {
    clock.set('2026-03-10T10:00:00Z');
    const first = await signIn();
    clock.set('2026-03-10T10:30:00Z');
    const early = await get(first);
    expect(early.statusCode).toBe(200);
    expect(replacement(early)).toBeUndefined();

    clock.set('2026-03-10T11:00:00Z');
    const rotated = await get(first);
    expect(rotated.statusCode).toBe(200);
    const second = replacement(rotated);
    expect(second).toMatchObject({ httpOnly: true, maxAge: 30 * 24 * 60 * 60 });
    expect(second?.value).not.toBe(first);
    // A request already on its way with the old value still gets through, and does not replace it twice.
    const inFlight = await get(first);
    expect(inFlight.statusCode).toBe(200);
    expect(replacement(inFlight)).toBeUndefined();
    // A minute later the old value no longer works; the new one does.
    clock.set('2026-03-10T11:01:01Z');
    expect((await get(first)).statusCode).toBe(401);
    expect((await get(second?.value ?? '')).statusCode).toBe(200);
  });

  it('last thirty days from the last use, and no longer', async () => {
    clock.set('2026-04-01T10:00:00Z');
    let cookie = await signIn();
    // Used every three weeks, it keeps working for months.
    for (const at of ['2026-04-22T10:00:00Z', '2026-05-13T10:00:00Z', '2026-06-03T10:00:00Z']) {
      clock.set(at);
      const res = await get(cookie);
      expect(res.statusCode, at).toBe(200);
      cookie = replacement(res)?.value ?? cookie;
    }
    clock.set('2026-07-03T10:00:01Z');
    expect((await get(cookie)).statusCode).toBe(401);
  });

  it('are all signed out by "sign out everywhere", this one included', async () => {
    clock.set('2026-08-01T10:00:00Z');
    const laptop = await signIn();
    const other = await signIn();
    expect((await get(laptop)).statusCode).toBe(200);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: { host: HOST, origin: ORIGIN, 'x-csrf-token': csrfToken, cookie: `${AUTH_COOKIE}=${laptop}; ${CSRF_COOKIE}=${csrfToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().signedOut).toBeGreaterThanOrEqual(2);
    expect(cookiesOf(res).find((c) => c.name === AUTH_COOKIE)?.value).toBe('');
    expect((await get(laptop)).statusCode).toBe(401);
    expect((await get(other)).statusCode).toBe(401);
    // The start link signs a browser in again.
    expect((await get(await signIn())).statusCode).toBe(200);
  });

  it('refuse "sign out everywhere" from another site (no CSRF token)', async () => {
    const cookie = await signIn();
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere', headers: { host: HOST, origin: ORIGIN, cookie: `${AUTH_COOKIE}=${cookie}` } });
    expect(res.statusCode).toBe(403);
    expect((await get(cookie)).statusCode).toBe(200);
  });
});

import { request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, authCookie, csrfToken, HOST, ORIGIN, PORT, signInTestBrowser, TEST_SECRET, testApp, useTestApp } from '../../test/fixtures/api.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../test/fixtures/databases.js';
import { createMultiUserApp, MU_HOST, MU_ORIGIN } from '../../test/fixtures/multi-user.js';
import { fixedClock, settableClock } from '../shared/clock.js';
import { buildApp } from './app.js';
import { AUTH_COOKIE, allowedHostsFor, CSRF_COOKIE, openCommandFor, sameOriginPath } from './security.js';
import type { App } from './types.js';
import { createWorkspaces } from './workspace.js';

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

/** The one error shape, small whatever was sent, with no SQL, server path or stack in it. */
function expectCleanError(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.body.length).toBeLessThan(2048);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  // (A 5xx also carries the id of its log line.)
  expect(Object.keys(body.error).sort()).toEqual(status >= 500 ? ['code', 'details', 'id', 'message'] : ['code', 'details', 'message']);
  if (code) expect(body.error.code).toBe(code);
  expect(res.body).not.toMatch(/relation|column "|\/tmp\/|inroads-download|FST_ERR|statusCode|at .*\.ts:\d+|select |insert into/i);
  return body.error as { code: string; message: string; details: unknown };
}

describe.each(dialects)('hostile input on %s', (dialect) => {
  const t = useTestApp(dialect);
  const post = (url: string, payload: string | object, contentType?: string) =>
    asBrowser(t.app, { method: 'POST', url, payload: payload as string, ...(contentType ? { headers: { 'content-type': contentType } } : {}) });

  it('answers a JSON route sent any other body type with a small 415, without reading it as an object', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    for (const type of ['text/plain', 'application/octet-stream', 'text/csv', 'text/vcard', 'application/zip', 'application/xml', 'application/x-www-form-urlencoded']) {
      expectCleanError(await post('/api/v1/contacts', big, type), 415, 'request.unsupported_media_type');
    }
    expectCleanError(await post('/api/v1/restore', big, 'text/plain'), 415, 'request.unsupported_media_type');
    expect((await asBrowser(t.app, { method: 'GET', url: '/api/v1/contacts' })).json().total).toBe(0);
  });

  it('caps JSON bodies at 1 MB with a 413 naming the limit, while an upload keeps its larger limit', async () => {
    const error = expectCleanError(await post('/api/v1/contacts', { name: 'Big', notes: 'n'.repeat(1024 * 1024) }), 413, 'request.too_large');
    expect(error.details).toEqual({ limitBytes: 1024 * 1024 });
    expect(error.message).toContain('1 MB');
    const rows = Array.from({ length: 2000 }, (_, i) => `Person ${i},p${i}@example.com,${'n'.repeat(600)}`).join('\n');
    const csv = `Name,Email,Notes\n${rows}\n`;
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const preview = await post('/api/v1/imports/csv?dryRun=true', csv, 'text/csv');
    expect(preview.statusCode).not.toBe(413);
    const exported = (await asBrowser(t.app, { method: 'GET', url: '/api/v1/exports/inroads-export.json' })).json();
    const restore = await post('/api/v1/restore?replace=true', { ...exported, app: 'x'.repeat(1.5 * 1024 * 1024) });
    expect(restore.statusCode).toBe(200);
    expect(preview.statusCode).toBeLessThan(500);
  });

  it('reports a bounded list of problems: thousands of unknown keys are named once, in a short list', async () => {
    const body: Record<string, unknown> = { name: 'Keys' };
    for (let i = 0; i < 5000; i++) body[`extra${i}`] = i;
    const error = expectCleanError(await post('/api/v1/contacts', body), 400, 'validation.failed');
    expect(error.details).toEqual([{ field: '(body)', message: expect.stringContaining('has 5000 fields it does not know: "extra0"') }]);
    const one = expectCleanError(await post('/api/v1/contacts', { name: 'One', colour: 'red' }), 400, 'validation.failed');
    expect(one.details).toEqual([{ field: 'colour', message: 'is not a known field' }]);
    const many = expectCleanError(await post('/api/v1/contacts', { name: 'Many', emails: Array.from({ length: 2000 }, () => ({ value: 'nope' })) }), 400);
    expect((many.details as unknown[]).length).toBeLessThanOrEqual(10);
    const longKey = expectCleanError(await post('/api/v1/contacts', { name: 'Long', ['k'.repeat(200_000)]: 1 }), 400);
    expect(JSON.stringify(longKey).length).toBeLessThan(1024);
  });

  it('refuses a NUL character in a body field, a query parameter, a path parameter or an uploaded file with a 400 naming the field', async () => {
    const body = expectCleanError(await post('/api/v1/contacts', { name: 'Nul\u0000Name' }), 400, 'validation.failed');
    expect(body.details).toEqual([{ field: 'name', message: expect.stringContaining('NUL') }]);
    const nested = expectCleanError(await post('/api/v1/contacts', { name: 'Nested', emails: [{ value: 'a\u0000@example.com' }] }), 400);
    expect(body.message).toContain('name');
    expect(nested.details).toEqual([{ field: 'emails.0.value', message: expect.stringContaining('NUL') }]);
    for (const [url, field] of [
      ['/api/v1/contacts?q=a%00b', 'q'],
      ['/api/v1/contacts?tag=a%00b', 'tag'],
      ['/api/v1/search?q=a%00b', 'q'],
      ['/api/v1/contacts/a%00b', 'id'],
    ] as const) {
      const error = expectCleanError(await asBrowser(t.app, { method: 'GET', url }), 400, 'validation.failed');
      expect(error.details, url).toEqual([{ field, message: expect.stringContaining('NUL') }]);
    }
    const upload = expectCleanError(await post('/api/v1/imports/csv', 'Name,Email\nAna,ana@example.com\nNul\u0000Person,n@example.com\n', 'text/csv'), 400, 'validation.failed');
    expect(upload.message).toContain('line 3');
    expect((await asBrowser(t.app, { method: 'GET', url: '/api/v1/contacts' })).json().total).toBe(0);
  });

  it("answers Fastify's own refusals in the one shape, without echoing the address", async () => {
    const badUrl = expectCleanError(await asBrowser(t.app, { method: 'GET', url: '/api/v1/contacts/%E0%A4%A-secret-looking-text' }), 400, 'request.bad_url');
    expect(badUrl.message).not.toContain('secret-looking');
    // (DELETE: a GET this long falls through to the web app's static files when they are built.)
    const long = expectCleanError(await asBrowser(t.app, { method: 'DELETE', url: `/api/v1/contacts/${'a'.repeat(5000)}` }), 414, 'request.too_long');
    expect(long.message).not.toContain('aaaa');
    expectCleanError(await post('/api/v1/contacts', '', 'application/json'), 400, 'request.invalid_json');
    const broken = expectCleanError(await post('/api/v1/contacts', '{"name": "Broken-secret', 'application/json'), 400, 'request.invalid_json');
    expect(broken.message).not.toContain('Broken-secret');
    const missing = expectCleanError(await asBrowser(t.app, { method: 'DELETE', url: `/api/v1/${'z'.repeat(50_000)}` }), 404, 'route.not_found');
    expect(missing.message.length).toBeLessThan(200);
  });

  it('names a __proto__ or constructor.prototype key instead of calling the body invalid JSON', async () => {
    for (const [payload, field] of [
      ['{"name":"x","__proto__":{"admin":true}}', '__proto__'],
      ['{"name":"x","constructor":{"prototype":{"admin":true}}}', 'constructor.prototype'],
      ['{"name":"x","emails":[{"value":"a@b.example","\\u005f_proto__":{}}]}', 'emails.0.__proto__'],
    ] as const) {
      const error = expectCleanError(await post('/api/v1/contacts', payload, 'application/json'), 400, 'validation.failed');
      expect(error.details).toEqual([{ field, message: expect.stringContaining('reserved') }]);
    }
    expectCleanError(await post('/api/v1/contacts', '['.repeat(5000) + ']'.repeat(5000), 'application/json'), 400, 'validation.failed');
  });

  it('restores nothing from a file that does not fit, naming the table and field rather than quoting the database', async () => {
    const exported = (await asBrowser(t.app, { method: 'GET', url: '/api/v1/exports/inroads-export.json' })).json();
    const withRows = (rows: unknown[]) => ({ ...exported, tables: { ...exported.tables, contacts: rows } });
    const base = { id: '01900000-0000-7000-8000-0000000000aa', name: 'Restored', sortName: 'restored', relationship: 'acquaintance', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    const unknownColumn = expectCleanError(await post('/api/v1/restore?replace=true', withRows([{ ...base, nope: 1 }])), 400, 'restore.invalid_file');
    expect(unknownColumn.details).toEqual({ field: 'tables.contacts.0.nope' });
    const missingName = expectCleanError(await post('/api/v1/restore?replace=true', withRows([{ ...base, name: null }])), 400, 'restore.failed');
    expect(missingName.message).toContain('contacts');
    expect(missingName.details).toEqual({ field: 'tables.contacts' });
    expectCleanError(await post('/api/v1/restore?replace=true', { ...exported, schema: 'constructor' }), 400, 'restore.newer_file');
    const manyTables = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`table${i}`, []]));
    const unknownTables = expectCleanError(await post('/api/v1/restore?replace=true', { ...exported, tables: manyTables }), 400, 'restore.invalid_file');
    expect(unknownTables.message).toContain('and 2995 more');
    expect((await asBrowser(t.app, { method: 'GET', url: '/api/v1/contacts' })).json().total).toBe(0);
  });

  it('does not show the server\'s temporary path when a backup fails', async () => {
    // The browser signs in against one workspace; the workspace it backs up is closed, so the snapshot fails.
    const w = await createTestWorkspace(dialect);
    const broken = await createTestWorkspace(dialect);
    await signInTestBrowser(w);
    const app = await buildApp({ ctx: w.ctx, secret: TEST_SECRET, allowedHosts: allowedHostsFor('127.0.0.1', PORT), handle: w.handle, workspaces: createWorkspaces(broken.handle, w.ctx.clock, null) });
    try {
      await broken.handle.close();
      const error = expectCleanError(await asBrowser(app, { method: 'GET', url: '/api/v1/backup' }), 500, 'backup.failed');
      expect(error.message).not.toMatch(/\//);
    } finally {
      await app.close();
      await w.dispose();
      await broken.dispose().catch(() => undefined);
    }
  });
});

describe('a shared server sent a 5 MB text body to sign-in without signing in', () => {
  it('answers at once with a small 415 and no account is touched', async () => {
    const t = await createMultiUserApp('sqlite', fixedClock('2026-03-10T10:00:00.000Z'));
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: 'a'.repeat(5 * 1024 * 1024),
        headers: { host: MU_HOST, origin: MU_ORIGIN, 'x-csrf-token': 'none', 'content-type': 'text/plain' },
      });
      expectCleanError(res, 415, 'request.unsupported_media_type');
      const health = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { host: MU_HOST } });
      expect(health.statusCode).toBe(200);
    } finally {
      await t.dispose();
    }
  });
});

describe('a malformed HTTP request on the wire', () => {
  it('is answered in the one error shape, not Fastify\'s', async () => {
    const w = await createTestWorkspace('sqlite');
    const app = await testApp(w);
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n'));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'request.malformed', message: expect.any(String), details: {} } });
    } finally {
      await app.close();
      await w.dispose();
    }
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

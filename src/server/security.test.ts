import { describe, expect, it } from 'vitest';
import { asBrowser, authCookie, HOST, ORIGIN, TEST_SECRET, useTestApp } from '../../test/fixtures/api.js';
import { AUTH_COOKIE, CSRF_COOKIE } from './security.js';

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
    expect(page.body).toContain('inroads open');
    expect(page.body).toContain('?token=');
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { host: HOST, cookie: `${AUTH_COOKIE}=nope` } });
    expect(wrong.statusCode).toBe(401);
  });

  it('exchanges the start link for an HttpOnly cookie and drops the token from the address', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/?token=${TEST_SECRET}&x=1`, headers: { host: HOST } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/?x=1');
    const cookies = res.cookies as Array<{ name: string; value: string; httpOnly?: boolean; sameSite?: string }>;
    const auth = cookies.find((c) => c.name === AUTH_COOKIE);
    expect(auth).toMatchObject({ value: authCookie, httpOnly: true, sameSite: 'Strict' });
    expect(auth?.value).not.toBe(TEST_SECRET);
    expect(cookies.find((c) => c.name === CSRF_COOKIE)?.httpOnly).toBeFalsy();
    const wrong = await t.app.inject({ method: 'GET', url: '/?token=wrong', headers: { host: HOST } });
    expect(wrong.statusCode).toBe(401);
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

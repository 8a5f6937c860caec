import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, testApp } from '../../test/fixtures/api.js';
import { createTestWorkspace, type TestWorkspace } from '../../test/fixtures/databases.js';
import { errorAnswers } from '../../test/fixtures/error-answers.js';
import { createMultiUserApp, type MultiUserTestApp } from '../../test/fixtures/multi-user.js';
import { fixedClock } from '../shared/clock.js';
import { ERROR_CODES } from '../shared/error-codes.js';
import { errorCodesOf, GENERIC_ERROR_CODES, ROUTE_ERROR_CODES } from '../shared/route-errors.js';
import type { App } from './types.js';

/**
 * ROUTE_ERROR_CODES has an entry for every route in both modes, and the OpenAPI
 * document lists each route's codes from it. (That each route answers only the codes
 * its entry declares is checked where the API is driven hardest: the API fuzz test
 * and the authorisation matrix.)
 */
type Operation = { responses: Record<string, { description: string; content?: Record<string, { schema: { properties: { error: { properties: { code: { enum: string[] } } } } } }> }> };

/** The codes each operation of the document lists for its error responses, by `METHOD /path/{param}`. */
function documented(doc: { paths: Record<string, Record<string, Operation>> }): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const codes = Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([, response]) => response.content?.['application/json']?.schema.properties.error.properties.code.enum ?? ['(no codes)']);
      out.set(`${method.toUpperCase()} ${path}`, codes);
    }
  }
  return out;
}

const asDocPath = (route: string) => route.replace(/:(\w+)/g, '{$1}');

describe('the error codes of each route', () => {
  let w: TestWorkspace;
  let local: App;
  let multi: MultiUserTestApp;
  const localRoutes: string[] = [];
  const multiRoutes: string[] = [];
  const answers = errorAnswers();
  beforeAll(async () => {
    w = await createTestWorkspace('sqlite');
    local = await testApp(w, { onRoute: (method, url) => localRoutes.push(`${method} ${url}`) });
    multi = await createMultiUserApp('sqlite', fixedClock('2026-03-10T10:00:00.000Z'), { onRoute: (method, url) => multiRoutes.push(`${method} ${url}`), onErrorResponse: answers.record });
    await local.ready();
    await multi.app.ready();
  });
  afterAll(async () => {
    await local?.close();
    await w?.dispose();
    await multi?.dispose();
  });

  it('has an entry for every route of both modes, and none for a route that does not exist', () => {
    const routes = new Set([...localRoutes, ...multiRoutes]);
    expect(routes.size).toBeGreaterThan(100);
    expect([...routes].filter((route) => !(route in ROUTE_ERROR_CODES)), 'routes with no entry in ROUTE_ERROR_CODES').toEqual([]);
    // (The web app's files are served by `GET /*` once it is built, and `GET /` shows a landing page before.)
    const either = new Set(['GET /', 'GET /*']);
    expect(Object.keys(ROUTE_ERROR_CODES).filter((route) => !routes.has(route) && !either.has(route)), 'entries for routes that do not exist').toEqual([]);
  });

  it('declares only HTTP codes of the catalogue, none twice, and none that every route has anyway', () => {
    for (const [route, codes] of Object.entries(ROUTE_ERROR_CODES)) {
      for (const code of codes) {
        expect('exit' in ERROR_CODES[code], `${route}: ${code} is a command-line code`).toBe(false);
        expect(GENERIC_ERROR_CODES as readonly string[], `${route}: ${code} is generic`).not.toContain(code);
      }
      expect(new Set(codes).size, route).toBe(codes.length);
    }
  });

  it.each([
    // (As a signed-in browser asks for it; the multi-user document is the same builder's, read directly.)
    ['local', async () => (await asBrowser(local, { method: 'GET', url: '/api/openapi.json' })).json()],
    ['multi-user', async () => multi.app.swagger()],
  ] as const)('lists each route’s error codes, by status, in the OpenAPI document (%s mode)', async (_mode, read) => {
    const doc = await read();
    const listed = documented(doc as never);
    expect(listed.size).toBeGreaterThan(80);
    const wrong: string[] = [];
    for (const [operation, codes] of listed) {
      const [method = '', path = ''] = operation.split(' ');
      const route = Object.keys(ROUTE_ERROR_CODES).find((key) => key.startsWith(`${method} `) && asDocPath(key.slice(method.length + 1)) === path) ?? null;
      const declared = route === null ? undefined : errorCodesOf(method, route.slice(method.length + 1));
      if (!declared || [...codes].sort().join() !== [...declared].sort().join()) wrong.push(`${operation}: lists ${codes.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('shows a record’s own codes beside the generic ones, each under its status with its message', async () => {
    const doc = await local.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    const responses = doc.paths['/api/v1/interviews/{id}/transitions']?.post?.responses ?? {};
    const codesAt = (status: string) => responses[status]?.content?.['application/json']?.schema.properties.error.properties.code.enum;
    expect(codesAt('404')).toEqual(['interviews.not_found']);
    expect(codesAt('409')).toEqual(['interviews.illegal_transition']);
    expect(codesAt('400')).toContain('validation.failed');
    expect(codesAt('415')).toEqual(['request.unsupported_media_type']);
    expect(responses['409']?.description).toContain(ERROR_CODES['interviews.illegal_transition'].message);
  });

  it('records an error answer with its route, and flags one the route does not declare', async () => {
    const admin = multi.app;
    const missing = await admin.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { host: '127.0.0.1:4590' } });
    expect(missing.statusCode).toBe(401);
    // (A broken %-escape is refused before routing, by Fastify's frameworkErrors.)
    const broken = await admin.inject({ method: 'GET', url: '/api/v1/contacts/%E0%A4%A', headers: { host: '127.0.0.1:4590' } });
    expect(broken.statusCode).toBe(400);
    expect(answers.keys()).toEqual(['GET /api/v1/admin/users → 401 auth.required', 'GET (no route) → 400 request.bad_url']);
    expect(answers.undeclared()).toEqual([]);
    answers.record({ method: 'GET', route: '/api/v1/contacts/:id', status: 409, code: 'trash.already_restored' });
    answers.record({ method: 'GET', route: '/api/v1/nowhere', status: 404, code: 'route.not_found' });
    answers.record({ method: 'GET', route: '/api/v1/contacts/:id', status: 400, code: 'contacts.not_found' });
    answers.record({ method: 'GET', route: '/api/v1/contacts/:id', status: 404, code: 'contacts.gone' });
    expect(answers.undeclared()).toEqual([
      'GET /api/v1/contacts/:id → 409 trash.already_restored: not declared for the route',
      'GET /api/v1/nowhere → 404 route.not_found: the route has no entry in ROUTE_ERROR_CODES',
      'GET /api/v1/contacts/:id → 400 contacts.not_found: the catalogue gives contacts.not_found status 404',
      'GET /api/v1/contacts/:id → 404 contacts.gone: not a code in the catalogue',
    ]);
  });
});

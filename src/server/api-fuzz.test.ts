/**
 * A standing fuzz test of the whole API: every operation the OpenAPI document
 * lists, in local and in multi-user mode, on SQLite and on PostgreSQL, gets bad
 * input of every kind (wrong types, values at and past the edges, huge strings,
 * NUL characters, deep nesting, thousands of unknown keys, other content types,
 * broken JSON, garbage ids and addresses). Whatever it is sent, the server must
 * not answer 5xx, must not send a body over 64 KB (downloads of the workspace
 * aside), must answer every error as { error: { code, message, details } }, and
 * must keep answering /api/v1/health while each request is in flight.
 *
 * The inputs are chosen by fast-check from a fixed seed, so every run sends the same requests.
 */
import * as fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authCookie, csrfToken, HOST, ORIGIN, signInTestBrowser, testApp } from '../../test/fixtures/api.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../test/fixtures/databases.js';
import { errorAnswers } from '../../test/fixtures/error-answers.js';
import { createMultiUserApp, MU_HOST, MU_ORIGIN, signedIn, type MultiUserTestApp } from '../../test/fixtures/multi-user.js';
import type { Dialect } from '../db/database.js';
import { fixedClock } from '../shared/clock.js';
import { csrfFor } from './multi-user.js';
import { AUTH_COOKIE, CSRF_COOKIE } from './security.js';
import type { App } from './types.js';

const SEED = 13_2026;
const MAX_BODY = 64 * 1024;
/**
 * The 64 KB cap holds for every error and every answer to bad input. Two kinds of
 * success are as large as the data they carry, and are checked for status only:
 * downloads of the workspace, and answers to valid input at its edges (a record
 * holding the longest allowed notes is rightly returned whole).
 */
const DOWNLOADS = new Set(['GET /api/v1/backup', 'GET /api/v1/exports/{file}']);
const VALID_INPUT = /^(path real|query edges|body plausible)/;
const MISSING_ID = '01900000-0000-7000-8000-00000000f022';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Ids of real records, by the collection they belong to (filled by seeding each app). */
type Ids = Record<string, string>;

/** Which collection an id field or path parameter points into, from its name (and the path). */
function collectionOf(name: string, path = ''): string | null {
  const key = name.toLowerCase();
  if (key === 'noteid') return 'notes';
  if (key === 'id') return /^\/api\/v1\/([a-z-]+)\//.exec(path)?.[1] ?? null;
  for (const [pattern, collection] of [
    [/^tocontact/, 'otherContacts'],
    [/contact|referredby/, 'contacts'],
    [/organi[sz]ation/, 'organizations'],
    [/exploration/, 'explorations'],
    [/interview/, 'interviews'],
    [/question/, 'questions'],
    [/template/, 'templates'],
    [/note/, 'notes'],
  ] as const) {
    if (pattern.test(key)) return collection;
  }
  return null;
}

interface Operation {
  method: string;
  path: string;
  params: Array<{ in: 'path' | 'query'; name: string; schema: JsonSchema }>;
  body: JsonSchema | null;
}

interface Target {
  app: App;
  headers: Record<string, string>;
  /** Run after each request: signs the fuzzing browser back in once a request has signed it out. */
  after?: () => Promise<void>;
}

function operations(doc: { paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      out.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema ?? null });
    }
  }
  // Deleting the real records comes after everything that uses them; signing out ends the session: last.
  const late = (op: Operation) => (/\/sign-out(-everywhere)?$/.test(op.path) ? 2 : op.method === 'DELETE' ? 1 : 0);
  return out.sort((a, b) => late(a) - late(b));
}

/** Deterministic picks: the n-th draw of one seeded fast-check stream. */
function picker(seed: number) {
  const values = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { seed, numRuns: 20_000 });
  let i = 0;
  const next = () => values[i++ % values.length] ?? 0;
  return {
    one: <T>(items: readonly T[]): T => items[next() % items.length] as T,
    some: <T>(items: readonly T[], n: number): T[] => Array.from({ length: n }, () => items[next() % items.length] as T),
    json: (): unknown => fc.sample(fc.jsonValue({ maxDepth: 3 }), { seed: seed + next(), numRuns: 1 })[0],
  };
}
type Picker = ReturnType<typeof picker>;

const HUGE = 'h'.repeat(20_000);
const EDGE_STRINGS = ['', ' ', '\t\n', '𝔘ñíçødé ‮ rtl', '\ud800', "' OR 1=1 --", '${{7*7}}', '<script>x</script>', '0', '-1', 'null', 'x'.repeat(300)];
const GARBAGE_IDS = ['not-an-id', '0', '-1', '%00', `${'x'.repeat(400)}`, '..%2F..%2Fetc%2Fpasswd', "1'%20OR%20'1'='1", '%F0%9F%92%A9', '%E0%A4%A', MISSING_ID.toUpperCase(), '01900000-0000-7000-8000-00000000f02Z', '__proto__', 'constructor'];
const GARBAGE_QUERY = ['-1', '1e308', '99999999999999999999', '0.5', 'NaN', 'true', '[]', '{}', '%00', HUGE, '2026-13-45T99:99:99Z', '__proto__', encodeURIComponent('{"a":')];

const types = (schema: JsonSchema): string[] => [schema.type ?? []].flat();

const PLAUSIBLE_STRINGS = ['Ünïcødé 𝔘 ‮ rtl', "O'Brien; DROP TABLE contacts; --", '=1+1', '  padded  ', '<b>bold</b> & "quoted"', 'emoji 👩🏽‍💻'];

/**
 * A value the schema accepts, at its edges (longest strings, largest numbers,
 * real ids, every optional field): what gets past validation to the use cases and
 * the database.
 */
function plausible(schema: JsonSchema, pick: Picker, ids: Ids, path = '', depth = 0): unknown {
  const choices = (schema.anyOf ?? schema.oneOf)?.filter((c) => !types(c).includes('null'));
  if (choices?.length) return plausible(pick.one(choices), pick, ids, path, depth);
  const key = path.split('.').at(-1) ?? '';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return pick.one(schema.enum);
  const type = types(schema).find((t) => t !== 'null') ?? 'string';
  switch (type) {
    case 'string': {
      if (schema.format === 'date-time') return pick.one(['2999-12-31T23:59:59.999Z', '1900-01-01T00:00:00.000Z', '2026-03-11T09:30:00.000Z']);
      if (schema.format === 'date') return pick.one(['2999-12-31', '1900-01-01', '2026-03-11']);
      if (schema.format === 'uuid') return ids[collectionOf(key) ?? ''] ?? MISSING_ID;
      if (schema.format === 'email') return pick.one([`${'a'.repeat(60)}@example.com`, 'x+tag@example.com']);
      if (/phone/i.test(path)) return '+44 20 7946 0958';
      if (/zone/i.test(key)) return pick.one(['Europe/London', 'Pacific/Chatham', 'UTC']);
      if (schema.format === 'uri' || /url|link|website/i.test(key)) return pick.one(['https://www.linkedin.com/in/someone', 'https://example.com/a?b=c#d']);
      const max = schema.maxLength ?? 5000;
      const value = pick.one([...PLAUSIBLE_STRINGS, 'm'.repeat(max)]).slice(0, max);
      return value.length >= (schema.minLength ?? 0) ? value : 'm'.repeat(schema.minLength ?? 1);
    }
    case 'integer':
    case 'number':
      return pick.one([schema.maximum ?? 2 ** 31 - 1, schema.minimum ?? 0]);
    case 'boolean':
      return pick.one([true, false]);
    case 'array': {
      if (depth > 3 || !schema.items) return [];
      const n = Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3));
      const items = Array.from({ length: n }, () => plausible(schema.items as JsonSchema, pick, ids, path, depth + 1));
      // Lists of choices (days, kinds) must not repeat one.
      return types(schema.items).includes('object') ? items : [...new Set(items)];
    }
    case 'object':
      return depth > 3 ? {} : Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, value]) => [name, plausible(value, pick, ids, path ? `${path}.${name}` : name, depth + 1)]));
    default:
      return null;
  }
}

/** A value of the schema's shape with extreme but plausible content: what gets past validation to the database. */
function edgeValue(schema: JsonSchema, pick: Picker, depth = 0): unknown {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return edgeValue(pick.one(choices), pick, depth);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return pick.one(schema.enum);
  const type = pick.one(types(schema).length ? types(schema) : ['string']);
  switch (type) {
    case 'string':
      if (schema.format === 'date-time') return pick.one(['9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00.000Z', '2026-02-29T12:00:00Z', '+010000-01-01T00:00:00Z']);
      if (schema.format === 'date') return pick.one(['9999-12-31', '0001-01-01', '2026-02-30']);
      if (schema.format === 'uuid' || schema.pattern?.includes('[0-9a-f]')) return MISSING_ID;
      if (schema.format === 'email') return pick.one([`${'a'.repeat(64)}@${'b'.repeat(60)}.example`, 'a@b.example']);
      if (schema.format === 'uri') return pick.one(['https://example.com/?q=%00', `https://example.com/${'p'.repeat(1000)}`]);
      return pick.one([...EDGE_STRINGS, 'm'.repeat(schema.maxLength ?? 5000)]);
    case 'integer':
      return pick.one([schema.maximum ?? 2 ** 31, Number.MAX_SAFE_INTEGER, -(2 ** 31), 0]);
    case 'number':
      return pick.one([schema.maximum ?? 1e308, -1e308, 5e-324]);
    case 'boolean':
      return pick.one([true, false]);
    case 'null':
      return null;
    case 'array':
      return depth > 3 || !schema.items ? [] : Array.from({ length: Math.min(schema.maxItems ?? 3, 3) }, () => edgeValue(schema.items as JsonSchema, pick, depth + 1));
    case 'object':
      return depth > 3 ? {} : Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, edgeValue(value, pick, depth + 1)]));
    default:
      return pick.json();
  }
}

/** The schema's keys with values of the wrong type (a string where a number goes, and so on). */
function wrongTypes(schema: JsonSchema, pick: Picker): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, value]) => {
      const t = types(value)[0] ?? 'string';
      const wrong = t === 'string' ? [12345, true, [], { a: 1 }] : t === 'array' ? ['a', { 0: 'a' }, 7] : t === 'object' ? ['a', [], 0] : ['seven', [], {}, HUGE];
      return [key, pick.one(wrong)];
    }),
  );
}

function firstStringKey(schema: JsonSchema): string | undefined {
  return Object.entries(schema.properties ?? {}).find(([, value]) => types(value).includes('string') && !value.enum)?.[0] ?? Object.keys(schema.properties ?? {})[0];
}

const deep = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { d: value };
  return value;
};

interface Request {
  label: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

const csvRows = (cell: string) => `Name,Email\n${cell},x@example.com\n`;

/** The bad requests for one operation. */
function requestsFor(op: Operation, pick: Picker, ids: Ids): Request[] {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const fill = (value: (name: string, schema: JsonSchema) => string) =>
    op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const param = pathParams.find((p) => p.name === name);
      return value(name, param?.schema ?? {});
    });
  // A path that passes validation (so the body and query are what is tested).
  const validPath = fill((_name, schema) => String(schema.enum?.[0] ?? MISSING_ID));
  // A path to a real record where there is one (so the use case runs to the end).
  const realPath = fill((name, schema) => String(schema.enum ? pick.one(schema.enum) : (ids[collectionOf(name, op.path) ?? ''] ?? MISSING_ID)));
  const out: Request[] = [];
  if (pathParams.length) out.push({ label: 'path real', url: realPath });

  for (const id of pick.some(GARBAGE_IDS, pathParams.length ? 4 : 0)) out.push({ label: `path ${id.slice(0, 20)}`, url: fill(() => id) });

  if (queryParams.length) {
    const set = (value: (name: string) => string) => queryParams.map((p) => `${encodeURIComponent(p.name)}=${value(p.name)}`).join('&');
    out.push({ label: 'query garbage', url: `${validPath}?${set(() => encodeURIComponent(pick.one(GARBAGE_QUERY)))}` });
    out.push({ label: 'query NUL', url: `${validPath}?${set(() => 'a%00b')}` });
    out.push({ label: 'query repeated', url: `${validPath}?${set(() => 'a')}&${set(() => 'b')}&__proto__=x` });
    out.push({ label: 'query huge', url: `${validPath}?${set(() => HUGE)}` });
    const edges = queryParams.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(plausible(p.schema, pick, ids, p.name)))}`).join('&');
    out.push({ label: 'query edges', url: `${realPath}?${edges}` });
    out.push({ label: 'query unknown keys', url: `${validPath}?${Array.from({ length: 1000 }, (_, i) => `k${i}=${i}`).join('&')}` });
  }

  if (op.path === '/api/v1/imports/{format}') {
    out.push(
      { label: 'file NUL', url: validPath, payload: csvRows('A\u0000B'), contentType: 'text/csv' },
      // NULs only decoding reveals: inside a ZIP, and quoted-printable in a vCard.
      { label: 'file NUL in a ZIP', url: '/api/v1/imports/linkedin', payload: Buffer.from(zipSync({ 'Connections.csv': strToU8('First Name,Last Name\nA\u0000,B\n') })), contentType: 'application/zip' },
      { label: 'file NUL =00', url: '/api/v1/imports/vcard', payload: 'BEGIN:VCARD\r\nFN;QUOTED-PRINTABLE:A=00B\r\nEND:VCARD\r\n', contentType: 'text/vcard' },
      { label: 'file garbage', url: validPath, payload: Buffer.from(fc.sample(fc.uint8Array({ minLength: 200, maxLength: 2000 }), { seed: SEED, numRuns: 1 })[0] ?? []), contentType: 'application/octet-stream' },
      { label: 'file fake zip', url: validPath, payload: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 7)]), contentType: 'application/zip' },
      { label: 'file wide', url: validPath, payload: `${Array.from({ length: 3000 }, (_, i) => `c${i}`).join(',')}\n${'x,'.repeat(3000)}\n`, contentType: 'text/csv' },
      { label: 'file edge cells', url: `${validPath}?dryRun=true`, payload: csvRows(pick.one(EDGE_STRINGS)), contentType: 'text/csv' },
      { label: 'file as JSON', url: validPath, payload: '{"name":"x"}', contentType: 'application/json' },
      { label: 'file as XML', url: validPath, payload: '<x/>', contentType: 'application/xml' },
      { label: 'file empty', url: validPath, payload: '', contentType: 'text/csv' },
    );
    return out;
  }

  if (!['POST', 'PUT', 'PATCH'].includes(op.method)) return out;
  const schema = op.body ?? { type: 'object', properties: {} };
  const key = firstStringKey(schema) ?? 'name';
  const json = (label: string, value: unknown) => out.push({ label, url: validPath, payload: JSON.stringify(value), contentType: 'application/json' });
  json('body array', []);
  json('body scalar', pick.one([0, 'text', null, true]));
  json('body wrong types', wrongTypes(schema, pick));
  json('body edges', edgeValue(schema, pick));
  out.push({ label: 'body plausible', url: realPath, payload: JSON.stringify(plausible(schema, pick, ids)), contentType: 'application/json' });
  json('body NUL', { ...(edgeValue(schema, pick) as object), [key]: 'a\u0000b' });
  json('body deep', { ...(edgeValue(schema, pick) as object), [key]: deep(60) });
  json('body unknown keys', Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`unknown${i}`, i])));
  json('body random', pick.json());
  out.push({ label: 'body proto', url: validPath, payload: `{"${key}":"x","__proto__":{"polluted":true}}`, contentType: 'application/json' });
  out.push({ label: 'body broken JSON', url: validPath, payload: pick.one(['{', '{"a":}', '\u00ff\u00fe{}', 'nul\u0000l', '[1,2']), contentType: 'application/json' });
  out.push({ label: 'body empty JSON', url: validPath, payload: '', contentType: 'application/json' });
  out.push({ label: 'body too large', url: validPath, payload: JSON.stringify({ [key]: 'L'.repeat(1100 * 1024) }), contentType: 'application/json' });
  out.push({ label: 'body other type', url: validPath, payload: 'x'.repeat(64 * 1024), contentType: pick.one(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/octet-stream', 'text/csv', 'multipart/form-data; boundary=x']) });
  return out;
}

interface Tally {
  operations: number;
  requests: number;
  failures: string[];
  slowestHealthMs: number;
  statuses: Record<number, number>;
}

const errorShape = (body: unknown): boolean => {
  if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'error') return false;
  const error = (body as { error: Record<string, unknown> }).error;
  return Object.keys(error).sort().join() === 'code,details,message' && typeof error.code === 'string' && /^[a-z_]+(\.[a-z_]+)+$/.test(error.code) && typeof error.message === 'string' && error.details !== undefined;
};

function check(op: Operation, request: Request, response: LightMyRequestResponse): string | null {
  const where = `${op.method} ${op.path} [${request.label}] → ${response.statusCode}`;
  if (response.statusCode >= 500) return `${where}: ${response.body.slice(0, 200)}`;
  const sizedByData = response.statusCode < 300 && (DOWNLOADS.has(`${op.method} ${op.path}`) || VALID_INPUT.test(request.label));
  if (response.rawPayload.length > MAX_BODY && !sizedByData) return `${where}: a ${response.rawPayload.length}-byte body`;
  if (response.statusCode >= 400) {
    let body: unknown;
    try {
      body = response.json();
    } catch {
      return `${where}: an error that is not JSON: ${response.body.slice(0, 120)}`;
    }
    if (!errorShape(body)) return `${where}: not the error shape: ${response.body.slice(0, 200)}`;
    if (/\/tmp\/|relation "|column "|\bat [\w.]+ \(|FST_ERR|statusCode/.test(response.body)) return `${where}: leaks internals: ${response.body.slice(0, 200)}`;
  }
  return null;
}

/** A few real records to aim at: one of each kind the API's ids point to. */
async function seedRecords(send: (options: InjectOptions) => Promise<LightMyRequestResponse>): Promise<Ids> {
  const post = async (url: string, payload: object) => {
    const response = await send({ method: 'POST', url, payload });
    if (response.statusCode >= 300) throw new Error(`seeding ${url}: ${response.body}`);
    return response.json().id as string;
  };
  const ids: Ids = {};
  ids.explorations = await post('/api/v1/explorations', { title: 'Fuzzed research', kind: 'role', transition: 'change-career' });
  ids.organizations = await post('/api/v1/organizations', { name: 'Fuzz Org', explorationIds: [ids.explorations] });
  ids.contacts = await post('/api/v1/contacts', { name: 'Fuzz Person', organizationId: ids.organizations });
  const second = await post('/api/v1/contacts', { name: 'Fuzz Second' });
  ids.otherContacts = second;
  ids.interviews = await post('/api/v1/interviews', { contactId: ids.contacts, status: 'held', heldAt: '2026-03-09T15:00:00Z', explorationIds: [ids.explorations] });
  ids.notes = await post(`/api/v1/interviews/${ids.interviews}/notes`, { body: 'A fuzzed note' });
  ids.interactions = await post('/api/v1/interactions', { contactId: ids.contacts, kind: 'note', occurredAt: '2026-03-09T16:00:00Z', summary: 'Fuzz' });
  ids.referrals = await post('/api/v1/referrals', { fromContactId: ids.contacts, toContactId: second, interviewId: ids.interviews });
  ids.questions = await post('/api/v1/questions', { text: 'What would you fuzz first?', category: 'day-in-the-life' });
  ids.templates = await post('/api/v1/templates', { name: 'Fuzz template', kind: 'request', channel: 'email', body: 'Hi' });
  return ids;
}

async function fuzz(target: Target, tally: Tally, seed: number): Promise<void> {
  const send = (options: InjectOptions) => target.app.inject({ ...options, headers: { ...target.headers, ...options.headers } });
  const ids = await seedRecords(send);
  const docResponse = await send({ method: 'GET', url: '/api/openapi.json' });
  expect(docResponse.statusCode).toBe(200);
  const ops = operations(docResponse.json());
  const pick = picker(seed);
  tally.operations += ops.length;
  for (const op of ops) {
    for (const request of requestsFor(op, pick, ids)) {
      const started = performance.now();
      let healthMs = 0;
      const [response, health] = await Promise.all([
        send({ method: op.method as 'GET', url: request.url, ...(request.payload === undefined ? {} : { payload: request.payload }), headers: request.contentType ? { 'content-type': request.contentType } : {} }),
        send({ method: 'GET', url: '/api/v1/health' }).then((r) => {
          healthMs = performance.now() - started;
          return r;
        }),
      ]);
      await target.after?.();
      tally.requests++;
      tally.statuses[response.statusCode] = (tally.statuses[response.statusCode] ?? 0) + 1;
      tally.slowestHealthMs = Math.max(tally.slowestHealthMs, healthMs);
      const problem = check(op, request, response);
      if (problem) tally.failures.push(problem);
      if (health.statusCode !== 200 || health.json().ok !== true) tally.failures.push(`/api/v1/health during ${op.method} ${op.path} [${request.label}]: ${health.statusCode}`);
    }
  }
}

function report(name: string, tally: Tally) {
  process.stdout.write(
    `api fuzz ${name}: ${tally.operations} operations, ${tally.requests} requests, ${tally.failures.length} failures; slowest /api/v1/health beside a request ${tally.slowestHealthMs.toFixed(0)} ms; answers ${Object.entries(tally.statuses)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ')}\n`,
  );
}

describe.each(dialects)('the API under fuzzing on %s', (dialect: Dialect) => {
  let w: TestWorkspace;
  let local: App;
  let multi: MultiUserTestApp;
  // Every error answered, by route: each must be one its route declares (src/shared/route-errors.ts).
  const localAnswers = errorAnswers();
  const multiAnswers = errorAnswers();
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
    local = await testApp(w, { onErrorResponse: localAnswers.record });
    multi = await createMultiUserApp(dialect, fixedClock('2026-03-10T10:00:00.000Z'), { onErrorResponse: multiAnswers.record });
  });
  afterAll(async () => {
    await local?.close();
    await w?.dispose();
    await multi?.dispose();
  });

  it('never answers 5xx, an oversized body or an error out of shape, and keeps /health answering (local mode)', async () => {
    const tally: Tally = { operations: 0, requests: 0, failures: [], slowestHealthMs: 0, statuses: {} };
    const headers = { host: HOST, origin: ORIGIN, 'x-csrf-token': csrfToken, cookie: `${AUTH_COOKIE}=${authCookie}; ${CSRF_COOKIE}=${csrfToken}` };
    await fuzz({ app: local, headers, after: () => signInTestBrowser(w) }, tally, SEED);
    report(`local ${dialect}`, tally);
    expect(tally.operations).toBeGreaterThan(70);
    expect(tally.failures).toEqual([]);
    expect(localAnswers.count()).toBeGreaterThan(100);
    expect(localAnswers.undeclared(), 'error codes a route answered without declaring them').toEqual([]);
  }, 120_000);

  it('never answers 5xx, an oversized body or an error out of shape, and keeps /health answering (multi-user mode, as an admin)', async () => {
    const admin = await signedIn(multi, 'fuzz-admin@uni.example', 'admin');
    const tally: Tally = { operations: 0, requests: 0, failures: [], slowestHealthMs: 0, statuses: {} };
    const csrf = csrfFor(admin.token);
    await fuzz({ app: multi.app, headers: { host: MU_HOST, origin: MU_ORIGIN, 'x-csrf-token': csrf, cookie: `inroads_session=${admin.token}; inroads_csrf=${csrf}` } }, tally, SEED + 1);
    report(`multi-user ${dialect}`, tally);
    expect(tally.operations).toBeGreaterThan(80);
    expect(tally.failures).toEqual([]);
    expect(multiAnswers.count()).toBeGreaterThan(100);
    expect(multiAnswers.undeclared(), 'error codes a route answered without declaring them').toEqual([]);
  }, 120_000);
});

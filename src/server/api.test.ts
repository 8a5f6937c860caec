import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, testApp } from '../../test/fixtures/api.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../test/fixtures/databases.js';
import type { App } from './types.js';

const missing = '01900000-0000-7000-8000-000000000000';

describe.each(dialects)('the HTTP API on %s', (dialect) => {
  let w: TestWorkspace;
  let app: App;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    asBrowser(app, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
    app = await testApp(w);
  });
  afterAll(async () => {
    await app?.close();
    await w?.dispose();
  });

  it('creates, reads, updates, lists and deletes every entity', async () => {
    const exploration = await call('POST', '/api/v1/explorations', { title: 'UX research', kind: 'role', transition: 'change-career' });
    expect(exploration.statusCode).toBe(201);
    const explorationId = exploration.json().id;
    const org = await call('POST', '/api/v1/organizations', { name: 'Brightpath', motivation: 3, posting: 2, explorationIds: [explorationId] });
    expect(org.statusCode).toBe(201);
    expect(org.json()).toMatchObject({ name: 'Brightpath', rank: 1, advocacy: false, explorationIds: [explorationId] });
    const orgId = org.json().id;
    const contact = await call('POST', '/api/v1/contacts', { name: 'Maya Costa', organizationId: orgId, relationship: 'alumni', tags: ['ux'] });
    expect(contact.statusCode).toBe(201);
    expect(contact.json().organization).toEqual({ id: orgId, name: 'Brightpath' });
    const contactId = contact.json().id;
    const other = (await call('POST', '/api/v1/contacts', { name: 'Ben Walsh' })).json();
    const interview = await call('POST', '/api/v1/interviews', { contactId, explorationIds: [explorationId], objective: 'How teams hire researchers' });
    expect(interview.statusCode).toBe(201);
    expect(interview.json()).toMatchObject({ status: 'idea', plannedMinutes: 20, contact: { id: contactId, name: 'Maya Costa' }, organization: { id: orgId } });
    const interviewId = interview.json().id;
    const interaction = await call('POST', '/api/v1/interactions', { contactId, interviewId, kind: 'email-sent', occurredAt: '2026-03-02T09:00:00Z', summary: 'Sent the request' });
    expect(interaction.statusCode).toBe(201);
    const referral = await call('POST', '/api/v1/referrals', { fromContactId: contactId, toContactId: other.id, interviewId });
    expect(referral.statusCode).toBe(201);
    expect((await call('GET', `/api/v1/contacts/${other.id}`)).json().referredById).toBe(contactId);
    const question = await call('POST', '/api/v1/questions', { text: 'Could you walk me through a typical week?', category: 'day-in-the-life' });
    expect(question.statusCode).toBe(201);
    expect(question.json()).toMatchObject({ audiences: ['junior', 'peer', 'one-step-above', 'senior', 'executive'], favourite: false, builtIn: false });
    const template = await call('POST', '/api/v1/templates', { name: 'Warm ask', kind: 'request', channel: 'email', body: 'Hi {{contact.givenName}}' });
    expect(template.statusCode).toBe(201);

    const entities: Array<[string, string, Record<string, unknown>]> = [
      ['explorations', explorationId, { conclusion: 'Promising' }],
      ['organizations', orgId, { posting: 3 }],
      ['contacts', contactId, { title: 'UX Researcher' }],
      ['interviews', interviewId, { notes: 'Prep notes' }],
      ['interactions', interaction.json().id, { summary: 'Sent a short request' }],
      ['referrals', referral.json().id, { status: 'contacted' }],
      ['questions', question.json().id, { favourite: true }],
      ['templates', template.json().id, { name: 'Warm request' }],
    ];
    for (const [path, id, patch] of entities) {
      const got = await call('GET', `/api/v1/${path}/${id}`);
      expect(got.statusCode, path).toBe(200);
      const changed = await call('PATCH', `/api/v1/${path}/${id}`, patch);
      expect(changed.statusCode, path).toBe(200);
      expect(changed.json(), path).toMatchObject(patch);
      const list = await call("GET", `/api/v1/${path}?limit=500`);
      expect(list.statusCode, path).toBe(200);
      expect(list.json().items.map((x: { id: string }) => x.id), path).toContain(id);
    }
    const profile = await call('PATCH', '/api/v1/profile', { name: 'Sam', timeZone: 'Europe/London' });
    expect(profile.json()).toMatchObject({ name: 'Sam', timeZone: 'Europe/London' });
    expect((await call('GET', '/api/v1/profile')).json().name).toBe('Sam');

    const timeline = await call('GET', `/api/v1/contacts/${contactId}/timeline?order=asc`);
    expect(timeline.json().items.map((e: { type: string }) => e.type)).toEqual(['interaction', 'interview', 'referral']);

    for (const [path, id] of [...entities].reverse()) {
      if (path === 'contacts' || path === 'organizations' || path === 'explorations') continue;
      expect((await call('DELETE', `/api/v1/${path}/${id}`)).json()).toMatchObject({ deleted: true, id });
      expect((await call('GET', `/api/v1/${path}/${id}`)).statusCode).toBe(404);
    }
    expect((await call('DELETE', `/api/v1/contacts/${contactId}`)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/organizations/${orgId}`)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/explorations/${explorationId}`)).statusCode).toBe(200);
  });

  it('moves an interview through the transition endpoint and answers 409 to an illegal move', async () => {
    const contact = (await call('POST', '/api/v1/contacts', { name: 'Transit Person' })).json();
    const interview = (await call('POST', '/api/v1/interviews', { contactId: contact.id })).json();
    const requested = await call('POST', `/api/v1/interviews/${interview.id}/transitions`, { to: 'requested' });
    expect(requested.statusCode).toBe(200);
    expect(requested.json().status).toBe('requested');
    const illegal = await call('POST', `/api/v1/interviews/${interview.id}/transitions`, { to: 'keeping-in-touch' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error).toMatchObject({ code: 'interviews.illegal_transition', details: { from: 'requested', to: 'keeping-in-touch' } });
    expect((await call('GET', `/api/v1/interviews/${interview.id}`)).json()).toEqual(requested.json());
    const noTime = await call('POST', `/api/v1/interviews/${interview.id}/transitions`, { to: 'scheduled' });
    expect(noTime.statusCode).toBe(400);
    expect(noTime.json().error.details[0].field).toBe('scheduledAt');
    const status = await call('PATCH', `/api/v1/interviews/${interview.id}`, { status: 'held' });
    expect(status.statusCode).toBe(400);
    expect(status.json().error.details).toEqual([{ field: 'status', message: 'is not a known field' }]);
    const filtered = await call('GET', '/api/v1/interviews?status=requested,scheduled');
    expect(filtered.json().items.map((i: { id: string }) => i.id)).toContain(interview.id);
  });

  it('paginates and sorts lists', async () => {
    for (const name of ['Page C', 'Page A', 'Page B']) await call('POST', '/api/v1/contacts', { name, tags: ['paging'] });
    const first = (await call('GET', '/api/v1/contacts?tag=paging&limit=2&sort=name')).json();
    expect(first).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.items.map((c: { name: string }) => c.name)).toEqual(['Page A', 'Page B']);
    const second = (await call('GET', '/api/v1/contacts?tag=paging&limit=2&offset=2&sort=name')).json();
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(['Page C']);
    const desc = (await call('GET', '/api/v1/contacts?tag=paging&sort=-name')).json();
    expect(desc.items[0].name).toBe('Page C');
  });

  it('answers errors as { error: { code, message, details } } naming the field, without stack traces', async () => {
    const bad = await call('POST', '/api/v1/contacts', { name: 'X', emails: [{ value: 'not-an-email' }], linkedinUrl: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    expect(body.error.code).toBe('validation.failed');
    expect(body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['emails.0.value', 'linkedinUrl']);
    expect(body.error.message).toContain('linkedinUrl');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);

    const query = await call('GET', '/api/v1/contacts?limit=0&sort=shoe');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'sort']);

    const notFound = await call('GET', `/api/v1/contacts/${missing}`);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().error).toEqual({ code: 'contacts.not_found', message: `No contact with id ${missing}.`, details: { id: missing } });
    expect((await call('GET', '/api/v1/contacts/not-an-id')).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/nothing-here')).json().error.code).toBe('route.not_found');

    const badJson = await asBrowser(app, { method: 'POST', url: '/api/v1/contacts', payload: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('request.invalid_json');

    const a = (await call('POST', '/api/v1/contacts', { name: 'Dup A' })).json();
    const b = (await call('POST', '/api/v1/contacts', { name: 'Dup B' })).json();
    expect((await call('POST', '/api/v1/referrals', { fromContactId: a.id, toContactId: b.id })).statusCode).toBe(201);
    const dup = await call('POST', '/api/v1/referrals', { fromContactId: a.id, toContactId: b.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('referrals.duplicate');
  });

  it('refuses dates outside the years 1900–2999 naming the field, so the agenda never computes a date past year 9999', async () => {
    const person = (await call('POST', '/api/v1/contacts', { name: 'Far Future' })).json();
    const far = await call('POST', '/api/v1/interviews', { contactId: person.id, status: 'held', heldAt: '9999-12-31T23:59:59.999Z' });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details).toEqual([{ field: 'heldAt', message: 'must be between the years 1900 and 2999' }]);
    expect((await call('POST', '/api/v1/interviews', { contactId: person.id, status: 'held', heldAt: '2999-12-31T23:59:59.999Z' })).statusCode).toBe(201);
    const agenda = await call('GET', '/api/v1/agenda?to=2999-12-31T00:00:00Z');
    expect(agenda.statusCode).toBe(200);
  });

  it('searches everything through one endpoint', async () => {
    await call('POST', '/api/v1/contacts', { name: 'Searchable Sigourney', notes: 'Loves longitudinal studies' });
    const res = await call('GET', '/api/v1/search?q=sigo%20long');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ type: 'contact', title: 'Searchable Sigourney' });
    expect((await call('GET', '/api/v1/search?q=')).statusCode).toBe(400);
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const res = await call('GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/contacts', '/api/v1/contacts/{id}', '/api/v1/contacts/{id}/timeline', '/api/v1/interviews/{id}/transitions', '/api/v1/search', '/api/v1/profile']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/v1/contacts'].post.requestBody.content['application/json'].schema.properties.relationship.enum).toContain('linkedin-connection');
  });
});

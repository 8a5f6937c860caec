import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { dialects } from '../../../test/fixtures/databases.js';

describe.each(dialects)('the explorations API on %s', (dialect) => {
  const t = useTestApp(dialect);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    asBrowser(t.app, { method, url, ...(payload === undefined ? {} : { payload }) });

  it('has an active exploration that new things can join, chosen by the user', async () => {
    expect((await call('GET', '/api/v1/explorations/active')).json()).toEqual({ exploration: null });
    const ux = (await call('POST', '/api/v1/explorations', { title: 'UX research', kind: 'role', transition: 'change-career' })).json();
    const policy = (await call('POST', '/api/v1/explorations', { title: 'Policy', kind: 'field', transition: 'change-career' })).json();
    expect((await call('GET', '/api/v1/explorations/active')).json().exploration.id).toBe(ux.id);
    const chosen = await call('PUT', '/api/v1/explorations/active', { explorationId: policy.id });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().exploration.title).toBe('Policy');
    const bad = await call('PUT', '/api/v1/explorations/active', { explorationId: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('explorationId');
    expect((await call('PUT', '/api/v1/explorations/active', { explorationId: null })).json()).toEqual({ exploration: null });
  });

  it('adds people to explorations and renames, pauses, deletes and restores an exploration', async () => {
    const x = (await call('POST', '/api/v1/explorations', { title: 'Service desgin', kind: 'role', transition: 'change-career' })).json();
    const person = await call('POST', '/api/v1/contacts', { name: 'Maya Costa', explorationIds: [x.id] });
    expect(person.statusCode).toBe(201);
    expect(person.json().explorationIds).toEqual([x.id]);
    const people = (await call('GET', `/api/v1/contacts?explorationId=${x.id}`)).json();
    expect(people.items.map((c: { name: string }) => c.name)).toEqual(['Maya Costa']);

    const renamed = await call('PATCH', `/api/v1/explorations/${x.id}`, { title: 'Service design', status: 'paused' });
    expect(renamed.json()).toMatchObject({ title: 'Service design', status: 'paused' });
    const empty = await call('PATCH', `/api/v1/explorations/${x.id}`, { title: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('title');

    expect((await call('DELETE', `/api/v1/explorations/${x.id}`)).json()).toEqual({ deleted: true, id: x.id });
    expect((await call('GET', `/api/v1/explorations/${x.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/contacts/${person.json().id}`)).json().explorationIds).toEqual([]);
    expect((await call('GET', '/api/v1/explorations/deleted')).json().items).toEqual([{ id: x.id, title: 'Service design', deletedAt: expect.any(String) }]);
    const restored = await call('POST', `/api/v1/explorations/${x.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: x.id, title: 'Service design', status: 'paused' });
    expect((await call('GET', `/api/v1/contacts/${person.json().id}`)).json().explorationIds).toEqual([x.id]);
    expect((await call('POST', '/api/v1/explorations/01900000-0000-7000-8000-0000000fffff/restore')).statusCode).toBe(404);
  });
});

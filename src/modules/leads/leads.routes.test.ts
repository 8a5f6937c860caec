import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { dialects } from '../../../test/fixtures/databases.js';

describe.each(dialects)('the leads API on %s', (dialect) => {
  const t = useTestApp(dialect);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    asBrowser(t.app, { method, url, ...(payload === undefined ? {} : { payload }) });

  it('records a lead from a conversation, lists it by organisation, changes and removes it', async () => {
    const org = (await call('POST', '/api/v1/organizations', { name: 'Northwind' })).json();
    const person = (await call('POST', '/api/v1/contacts', { name: 'Lea Park', organizationId: org.id })).json();
    const interview = (await call('POST', '/api/v1/interviews', { contactId: person.id, status: 'held', heldAt: '2026-03-09T15:00:00Z' })).json();

    const created = await call('POST', '/api/v1/leads', { title: 'Analytics team doubles this summer', kind: 'team', interviewId: interview.id, mayNamePerson: true });
    expect(created.statusCode).toBe(201);
    const lead = created.json();
    expect(lead).toMatchObject({ status: 'heard', kind: 'team', contact: { id: person.id, name: 'Lea Park' }, organization: { id: org.id, name: 'Northwind' }, mayNamePerson: true, nextStep: null });

    const listed = (await call('GET', `/api/v1/leads?organizationId=${org.id}&status=heard,pursuing`)).json();
    expect(listed).toMatchObject({ total: 1, items: [{ id: lead.id }] });
    expect((await call('GET', '/api/v1/leads?status=closed')).json().total).toBe(0);

    const changed = await call('PATCH', `/api/v1/leads/${lead.id}`, { status: 'looking-into-it', nextStep: 'Read their engineering blog', nextStepAt: '2026-03-16T09:00:00Z' });
    expect(changed.json()).toMatchObject({ status: 'looking-into-it', nextStepAt: '2026-03-16T09:00:00.000Z' });
    const agenda = (await call('GET', '/api/v1/agenda?to=2026-03-20T00:00:00Z')).json();
    expect(agenda.items.find((i: { key: string }) => i.key === `lead:${lead.id}`)).toMatchObject({ kind: 'lead', contactId: person.id, interviewId: interview.id });
    // The item can be dismissed like any other.
    expect((await call('PUT', `/api/v1/agenda/items/lead:${lead.id}/state`, { state: 'done' })).statusCode).toBe(200);

    expect((await call('DELETE', `/api/v1/leads/${lead.id}`)).json()).toEqual({ deleted: true, id: lead.id });
    const gone = await call('GET', `/api/v1/leads/${lead.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('leads.not_found');
  });

  it('names the field in validation errors', async () => {
    const empty = await call('POST', '/api/v1/leads', { title: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('title');
    const status = await call('POST', '/api/v1/leads', { title: 'A project', status: 'maybe' });
    expect(status.json().error.details[0].field).toBe('status');
    const undated = await call('POST', '/api/v1/leads', { title: 'A project', nextStepAt: '2026-03-16T09:00:00Z' });
    expect(undated.statusCode).toBe(400);
    expect(undated.json().error.details[0].field).toBe('nextStep');
    const nowhere = await call('POST', '/api/v1/leads', { title: 'A project', organizationId: '01900000-0000-7000-8000-0000000fffff' });
    expect(nowhere.json().error.details[0].field).toBe('organizationId');
  });
});

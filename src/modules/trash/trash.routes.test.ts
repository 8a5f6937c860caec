import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';

describe('undoing a delete over the API', () => {
  const t = useTestApp();

  it('a deleted person comes back with their interview, and the undo works once', async () => {
    const person = (await asBrowser(t.app, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Undo Person' } })).json();
    const interview = (await asBrowser(t.app, { method: 'POST', url: '/api/v1/interviews', payload: { contactId: person.id, objective: 'Hear about the job' } })).json();
    const deleted = await asBrowser(t.app, { method: 'DELETE', url: `/api/v1/contacts/${person.id}` });
    expect(deleted.statusCode).toBe(200);
    const body = deleted.json();
    expect(body).toMatchObject({ deleted: true, id: person.id, trashId: expect.any(String), undoUntil: '2026-03-17T10:00:00.000Z' });
    expect((await asBrowser(t.app, { method: 'GET', url: `/api/v1/interviews/${interview.id}` })).statusCode).toBe(404);

    const restored = await asBrowser(t.app, { method: 'POST', url: `/api/v1/trash/${body.trashId}/restore` });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toEqual({ restored: true, type: 'contact', id: person.id, label: 'Undo Person' });
    expect((await asBrowser(t.app, { method: 'GET', url: `/api/v1/interviews/${interview.id}` })).json()).toMatchObject({ objective: 'Hear about the job' });

    const again = await asBrowser(t.app, { method: 'POST', url: `/api/v1/trash/${body.trashId}/restore` });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('trash.not_found');
  });

  it('organisation and interview deletes offer an undo too', async () => {
    const org = (await asBrowser(t.app, { method: 'POST', url: '/api/v1/organizations', payload: { name: 'Undo Org', motivation: 3 } })).json();
    const deleted = (await asBrowser(t.app, { method: 'DELETE', url: `/api/v1/organizations/${org.id}` })).json();
    const restored = await asBrowser(t.app, { method: 'POST', url: `/api/v1/trash/${deleted.trashId}/restore` });
    expect(restored.json()).toMatchObject({ type: 'organization', id: org.id, label: 'Undo Org' });
    expect((await asBrowser(t.app, { method: 'GET', url: `/api/v1/organizations/${org.id}` })).json()).toMatchObject({ motivation: 3 });

    const person = (await asBrowser(t.app, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Interviewed' } })).json();
    const interview = (await asBrowser(t.app, { method: 'POST', url: '/api/v1/interviews', payload: { contactId: person.id } })).json();
    const gone = (await asBrowser(t.app, { method: 'DELETE', url: `/api/v1/interviews/${interview.id}` })).json();
    expect((await asBrowser(t.app, { method: 'POST', url: `/api/v1/trash/${gone.trashId}/restore` })).json()).toMatchObject({
      type: 'interview',
      id: interview.id,
      label: 'The interview with Interviewed',
    });
  });

  it('refuses an address that is not a trash id, naming the field', async () => {
    const response = await asBrowser(t.app, { method: 'POST', url: '/api/v1/trash/not-an-id/restore' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().error.details)).toContain('id');
  });
});

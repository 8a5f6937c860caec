import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';

describe('the coaching API', () => {
  const t = useTestApp();

  it('answers { findings } for an email and for a question, and an empty list when the text is fine', async () => {
    const email = await asBrowser(t.app, { method: 'POST', url: '/api/v1/coach/email', payload: { text: 'Hi,\n\nAre you hiring?\n\nBest,\nSam' } });
    expect(email.statusCode).toBe(200);
    expect(email.json().findings.map((f: { rule: string }) => f.rule)).toEqual(['asks-for-job', 'no-connection', 'no-time-bound-ask']);
    const question = await asBrowser(t.app, { method: 'POST', url: '/api/v1/coach/question', payload: { text: 'Could you walk me through your week?', audience: 'peer' } });
    expect(question.json()).toEqual({ findings: [] });
    const bad = await asBrowser(t.app, { method: 'POST', url: '/api/v1/coach/question', payload: { text: 'Why?', audience: 'boss' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('audience');
  });

  it('flags an unfilled merge field, and documents every email rule id in the API description', async () => {
    const email = await asBrowser(t.app, { method: 'POST', url: '/api/v1/coach/email', payload: { text: 'Hi {{contact.givenName}},\n\nWe met at the meetup. Could I have 20 minutes next week?\n\nSam' } });
    expect(email.json().findings).toEqual([expect.objectContaining({ rule: 'unfilled-placeholder', message: expect.stringContaining('“{{contact.givenName}}”') })]);
    const doc = (await asBrowser(t.app, { method: 'GET', url: '/api/openapi.json' })).json();
    const description: string = doc.paths['/api/v1/coach/email'].post.description;
    for (const rule of ['unfilled-placeholder', 'too-long', 'asks-for-job', 'attaches-resume', 'no-connection', 'no-time-bound-ask']) expect(description).toContain(`\`${rule}\``);
    expect(doc.paths['/api/v1/outreach/request-draft'].post).toBeDefined();
  });

  it('suggests whom to ask next, leaving out people already asked', async () => {
    const friend = (await asBrowser(t.app, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Fran Friend', relationship: 'friend', seniority: 'peer' } })).json();
    const cold = (await asBrowser(t.app, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Cole Cold', relationship: 'cold' } })).json();
    const asked = (await asBrowser(t.app, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Ada Asked', relationship: 'family' } })).json();
    await asBrowser(t.app, { method: 'POST', url: '/api/v1/interviews', payload: { contactId: asked.id, status: 'requested' } });
    const result = (await asBrowser(t.app, { method: 'GET', url: '/api/v1/suggestions' })).json();
    expect(result.items.map((s: { contactId: string }) => s.contactId)).toEqual([friend.id, cold.id]);
    expect(result.items[0].reasons.length).toBeGreaterThan(0);
  });
});

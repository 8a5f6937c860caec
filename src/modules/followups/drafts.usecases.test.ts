import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { dialects } from '../../../test/fixtures/databases.js';

describe.each(dialects)('drafts for agenda items on %s', (dialect) => {
  const t = useTestApp(dialect);
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) => asBrowser(t.app, { method, url, ...(payload ? { payload } : {}) });

  it('fills the user’s own template for the person, falls back to the built-in one, and quotes the conversation in a thank-you', async () => {
    await call('PATCH', '/api/v1/profile', { name: 'Sam Rivera' });
    const maya = (await call('POST', '/api/v1/contacts', { givenName: 'Maya', familyName: 'Costa', relationship: 'alumni' })).json();
    const builtIn = (await call('POST', '/api/v1/agenda/draft', { kind: 'reach-next', contactId: maya.id })).json();
    expect(builtIn.body).toContain('Maya');
    expect(builtIn.body).not.toContain('{{');
    await call('POST', '/api/v1/templates', { name: 'Mine', kind: 'request', channel: 'email', subject: 'Hello {{contact.givenName}}', body: 'Hi {{contact.givenName}}, twenty minutes of advice? — {{profile.name}}' });
    const mine = (await call('POST', '/api/v1/agenda/draft', { kind: 'reach-next', contactId: maya.id })).json();
    expect(mine).toMatchObject({ subject: 'Hello Maya', body: 'Hi Maya, twenty minutes of advice? — Sam Rivera' });

    const interview = (await call('POST', '/api/v1/interviews', { contactId: maya.id, status: 'held', heldAt: '2026-03-09T15:00:00Z', takeaways: 'Portfolios beat certificates. Apply early.' })).json();
    const thanks = (await call('POST', '/api/v1/agenda/draft', { kind: 'thank-you', contactId: maya.id, interviewId: interview.id })).json();
    // Spoken to her, as a letter: not a note about her quoted back.
    expect(thanks.body).toContain('Thank you for your time and advice. You told me that portfolios beat certificates — that stayed with me');
    const confirm = (await call('POST', '/api/v1/agenda/draft', { kind: 'confirm', contactId: maya.id })).json();
    expect(confirm.body).toMatch(/^Hi Maya,/);
    const missing = await call('POST', '/api/v1/agenda/draft', { kind: 'check-in', contactId: '0190a0b0-0000-7000-8000-000000000099' });
    expect(missing.statusCode).toBe(404);
  });

  it('drafts a follow-up to the person first asked, naming the day the request went and the exploration it was about', async () => {
    await call('PATCH', '/api/v1/profile', { name: 'Sam Rivera', timeZone: 'Europe/London' });
    const exploration = (await call('POST', '/api/v1/explorations', { title: 'UX research', kind: 'role', transition: 'change-career' })).json();
    const ken = (await call('POST', '/api/v1/contacts', { name: 'Ken Ito', relationship: 'friend' })).json();
    const asked = (await call('POST', '/api/v1/interviews', { contactId: ken.id, explorationIds: [exploration.id], status: 'requested', requestedAt: '2026-03-03T09:00:00Z' })).json();
    const draft = (await call('POST', '/api/v1/agenda/draft', { kind: 'follow-up', contactId: ken.id, interviewId: asked.id })).json();
    expect(draft.body).toMatch(/^Hi Ken,\n\nI wrote on 3 March to ask for a short conversation\. /);
    expect(draft.body).toContain('I am exploring UX research');
    expect(draft.body).not.toContain('[exploration.title]');
  });
});

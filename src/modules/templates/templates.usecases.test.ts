import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { renderTemplate, unknownMergeFields } from '../../shared/merge.js';
import { templateChannels, templateKinds } from '../../shared/schemas/templates.js';
import { checkEmail } from '../coach/email.rules.js';

describe('message templates', () => {
  const t = useTestApp();

  it('come built in for every kind and channel, using only known merge fields', async () => {
    const all = await t.w.ctx.repos.templates.list({}, { field: 'kind', direction: 'asc' }, { limit: 500, offset: 0 });
    for (const kind of templateKinds) {
      for (const channel of templateChannels) {
        expect(all.items.some((tpl) => tpl.kind === kind && tpl.channel === channel && tpl.builtIn), `${kind}/${channel}`).toBe(true);
      }
    }
    for (const tpl of all.items) expect(unknownMergeFields(`${tpl.subject ?? ''} ${tpl.body}`), tpl.name).toEqual([]);
  });

  it('the built-in request email passes the email checker once filled in', async () => {
    const request = (await t.w.ctx.repos.templates.list({ kind: ['request'], channel: ['email'] }, { field: 'kind', direction: 'asc' }, { limit: 5, offset: 0 })).items[0];
    const values = { 'contact.givenName': 'Maya', connection: 'Ben Walsh suggested I get in touch', 'exploration.title': 'UX research', 'contact.title': 'a researcher', 'organization.name': 'Brightpath', 'profile.name': 'Sam' };
    const text = `Subject: ${renderTemplate(request?.subject ?? '', values)}\n\n${renderTemplate(request?.body ?? '', values)}`;
    expect(checkEmail(text)).toEqual([]);
  });

  it('previews a template on a real person, and refuses an unknown merge field naming it', async () => {
    const contact = (await asBrowser(t.app, { method: 'POST', url: '/api/v1/contacts', payload: { givenName: 'Maya', familyName: 'Costa', relationship: 'alumni', title: 'UX Researcher' } })).json();
    await asBrowser(t.app, { method: 'PATCH', url: '/api/v1/profile', payload: { name: 'Sam Rivera' } });
    const preview = await asBrowser(t.app, { method: 'POST', url: '/api/v1/templates/preview', payload: { contactId: contact.id, subject: 'Hello', body: 'Hi {{contact.givenName}}, {{connection}}. — {{profile.name}} {{lastTakeaway}}' } });
    expect(preview.json()).toEqual({ subject: 'Hello', body: 'Hi Maya, We are alumni of the same school. — Sam Rivera [lastTakeaway]' });
    const bad = await asBrowser(t.app, { method: 'POST', url: '/api/v1/templates', payload: { name: 'x', kind: 'request', channel: 'email', body: 'Hi {{contact.firstName}}' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'body', message: expect.stringContaining('{{contact.firstName}}') });
  });
});

import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { dialects, TEST_NOW } from '../../../test/fixtures/databases.js';

describe.each(dialects)('drafting and recording a request through the API on %s', (dialect) => {
  const t = useTestApp(dialect);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    asBrowser(t.app, { method, url, ...(payload === undefined ? {} : { payload }) });

  it('drafts a request for a person and their organisation’s exploration; what nothing fills is flagged by the checker', async () => {
    const exploration = (await call('POST', '/api/v1/explorations', { title: 'UX research', kind: 'role', transition: 'change-career' })).json();
    const org = (await call('POST', '/api/v1/organizations', { name: 'Brightpath Learning', explorationIds: [exploration.id] })).json();
    const maya = (
      await call('POST', '/api/v1/contacts', { name: 'Maya Costa', organizationId: org.id, relationship: 'alumni', emails: [{ value: 'maya@brightpath.example', label: 'work' }] })
    ).json();

    const draft = await call('POST', '/api/v1/outreach/request-draft', { contactId: maya.id });
    expect(draft.statusCode).toBe(200);
    const body = draft.json();
    expect(body).toMatchObject({ contact: { id: maya.id, name: 'Maya Costa', email: 'maya@brightpath.example' }, exploration: { id: exploration.id, name: 'UX research' }, interviewId: null });
    expect(body.subject).toBe('A question about your work at Brightpath Learning');
    expect(body.body).toContain('Hi Maya,');
    expect(body.body).toContain('I am exploring UX research');
    expect(body.body).not.toContain('{{');
    // Maya has no title and the profile no name: the merge leaves visible blanks, and the checker says so.
    expect(body.body).toContain('your experience as [contact.title]');
    expect(body.body).toContain('[profile.name]');
    const check = (await call('POST', '/api/v1/coach/email', { text: `Subject: ${body.subject}\n\n${body.body}` })).json();
    expect(check.findings.map((f: { rule: string }) => f.rule)).toContain('unfilled-placeholder');
    const fixed = (await call('POST', '/api/v1/coach/email', { text: `Subject: ${body.subject}\n\n${body.body.replace('[contact.title]', 'a UX researcher').replace('[profile.name]', 'Sam')}` })).json();
    expect(fixed.findings.map((f: { rule: string }) => f.rule)).not.toContain('unfilled-placeholder');

    const none = await call('POST', '/api/v1/outreach/request-draft', { contactId: maya.id, explorationId: null });
    expect(none.json().exploration).toBeNull();
    expect(none.json().body).toContain('[exploration.title]');
  });

  it('records “I sent it”: makes the idea interview, moves it to requested now, keeps the message and logs the email — once', async () => {
    const exploration = (await call('POST', '/api/v1/explorations', { title: 'Product design', kind: 'role', transition: 'change-career' })).json();
    const ken = (await call('POST', '/api/v1/contacts', { name: 'Ken Ito', relationship: 'friend' })).json();
    const sent = await call('POST', '/api/v1/outreach/request-sent', { contactId: ken.id, explorationId: exploration.id, subject: 'Twenty minutes?', body: 'Hi Ken,\n\nCould I ask you about design for 20 minutes?\n\nSam' });
    expect(sent.statusCode).toBe(200);
    const { interview, createdInterview } = sent.json();
    expect(createdInterview).toBe(true);
    expect(interview).toMatchObject({ contactId: ken.id, status: 'requested', requestedAt: TEST_NOW, requestChannel: 'email', explorationIds: [exploration.id] });
    expect(interview.requestMessage).toBe('Subject: Twenty minutes?\n\nHi Ken,\n\nCould I ask you about design for 20 minutes?\n\nSam');
    const timeline = (await call('GET', `/api/v1/interactions?contactId=${ken.id}`)).json();
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ kind: 'email-sent', interviewId: interview.id, occurredAt: TEST_NOW });

    const again = await call('POST', '/api/v1/outreach/request-sent', { contactId: ken.id, explorationId: exploration.id, body: 'Hi again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('outreach.already_requested');
    const interviews = (await call('GET', `/api/v1/interviews?contactId=${ken.id}`)).json();
    expect(interviews.items).toHaveLength(1);
  });

  it('moves an existing idea interview rather than making another, and settles the agenda item it answers', async () => {
    const exploration = (await call('POST', '/api/v1/explorations', { title: 'Data journalism', kind: 'field', transition: 'change-career' })).json();
    const lee = (await call('POST', '/api/v1/contacts', { name: 'Lee Park', relationship: 'classmate' })).json();
    const idea = (await call('POST', '/api/v1/interviews', { contactId: lee.id, explorationIds: [exploration.id] })).json();
    const draft = (await call('POST', '/api/v1/outreach/request-draft', { contactId: lee.id, interviewId: idea.id })).json();
    expect(draft).toMatchObject({ interviewId: idea.id, exploration: { id: exploration.id } });
    const key = `reach-next:${idea.id}`;
    const sent = (await call('POST', '/api/v1/outreach/request-sent', { contactId: lee.id, explorationId: exploration.id, body: 'Hi Lee', settlesAgendaItem: key })).json();
    expect(sent).toMatchObject({ createdInterview: false, interview: { id: idea.id, status: 'requested', requestMessage: 'Hi Lee' } });
    const agenda = (await call('GET', '/api/v1/agenda?include=all&to=2026-04-30T00:00:00Z')).json();
    expect(agenda.items.find((i: { key: string }) => i.key === key)?.state).toBe('done');
  });

  it('names the field when something is wrong, and writes nothing', async () => {
    const ana = (await call('POST', '/api/v1/contacts', { name: 'Ana Silva', relationship: 'cold' })).json();
    const empty = await call('POST', '/api/v1/outreach/request-sent', { contactId: ana.id, body: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('body');
    const unknown = await call('POST', '/api/v1/outreach/request-sent', { contactId: ana.id, explorationId: '01900000-0000-7000-8000-00000000abcd', body: 'Hi' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('explorationIds');
    const other = (await call('POST', '/api/v1/contacts', { name: 'Otto Other', relationship: 'cold' })).json();
    const idea = (await call('POST', '/api/v1/interviews', { contactId: other.id })).json();
    const wrong = await call('POST', '/api/v1/outreach/request-draft', { contactId: ana.id, interviewId: idea.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('interviewId');
    expect((await call('GET', `/api/v1/interviews?contactId=${ana.id}`)).json().items).toHaveLength(0);
    expect((await call('GET', `/api/v1/interactions?contactId=${ana.id}`)).json().items).toHaveLength(0);
  });
});

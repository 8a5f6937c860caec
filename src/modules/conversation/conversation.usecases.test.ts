import { describe, expect, it } from 'vitest';
import { asBrowser, useTestApp } from '../../../test/fixtures/api.js';
import { dialects } from '../../../test/fixtures/databases.js';

describe.each(dialects)('interview mode, debrief and thank-you through the API on %s', (dialect) => {
  const t = useTestApp(dialect);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) => asBrowser(t.app, { method, url, ...(payload === undefined ? {} : { payload }) });

  it('takes tagged notes, adds a referral in one step, debriefs, drafts and records the thank-you, and builds the decision board', async () => {
    const exploration = (await call('POST', '/api/v1/explorations', { title: 'UX research', kind: 'role', transition: 'change-career' })).json();
    const org = (await call('POST', '/api/v1/organizations', { name: 'Brightpath Learning' })).json();
    const maya = (await call('POST', '/api/v1/contacts', { name: 'Maya Costa', organizationId: org.id, relationship: 'alumni', seniority: 'executive' })).json();
    const interview = (await call('POST', '/api/v1/interviews', { contactId: maya.id, explorationIds: [exploration.id], status: 'held', heldAt: '2026-03-09T15:00:00Z' })).json();
    expect(interview.live).toEqual({ startedAt: null, endedAt: null, step: 'thank', askedQuestionIds: [] });
    expect(interview.debrief).toBeNull();

    const started = (await call('PUT', `/api/v1/interviews/${interview.id}/live`, { startedAt: '2026-03-09T15:00:00Z', step: 'questions' })).json();
    expect(started.live).toMatchObject({ startedAt: '2026-03-09T15:00:00.000Z', step: 'questions' });

    const draft = (await call('POST', `/api/v1/interviews/${interview.id}/notes`, { body: '', agendaStep: 'questions' })).json();
    const note = (
      await call('PATCH', `/api/v1/interviews/${interview.id}/notes/${draft.id}`, { body: 'Juniors present first at the weekly critique, which builds confidence fast', keyQuestion: 'fit', stance: 'for', questionCategory: 'culture' })
    ).json();
    expect(note).toMatchObject({ agendaStep: 'questions', keyQuestion: 'fit', stance: 'for', questionCategory: 'culture' });
    await call('POST', `/api/v1/interviews/${interview.id}/notes`, { body: 'Most hires come with two years in industry', keyQuestion: 'success', stance: 'against' });
    const bad = await call('POST', `/api/v1/interviews/${interview.id}/notes`, { body: 'x', keyQuestion: 'happiness' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('keyQuestion');
    const notes = (await call('GET', `/api/v1/interviews/${interview.id}/notes`)).json();
    expect(notes.items).toHaveLength(2);
    // Notes are searchable as part of the interview.
    const found = (await call('GET', '/api/v1/search?q=critique')).json();
    expect(found.items.map((h: { id: string }) => h.id)).toContain(interview.id);

    const added = await call('POST', `/api/v1/interviews/${interview.id}/referrals`, { name: 'Ben Walsh', organization: 'Kestrel Labs' });
    expect(added.statusCode).toBe(201);
    const { contact, referral } = added.json();
    expect(contact).toMatchObject({ name: 'Ben Walsh', relationship: 'referral', referredById: maya.id, organization: { name: 'Kestrel Labs' } });
    expect(referral).toMatchObject({ fromContactId: maya.id, toContactId: contact.id, interviewId: interview.id, status: 'suggested' });
    // Suggested again (or already known): linked, not added twice.
    const again = (await call('POST', `/api/v1/interviews/${interview.id}/referrals`, { name: 'ben walsh', organization: 'Kestrel Labs' })).json();
    expect(again).toMatchObject({ existing: true, contact: { id: contact.id }, referral: { id: referral.id } });
    const known = (await call('POST', '/api/v1/contacts', { name: 'Priya Shah', relationship: 'friend' })).json();
    const linked = (await call('POST', `/api/v1/interviews/${interview.id}/referrals`, { name: 'Priya Shah' })).json();
    expect(linked).toMatchObject({ existing: true, contact: { id: known.id, referredById: maya.id, relationship: 'friend' } });

    const strangerNote = '0190a0b0-0000-7000-8000-000000000099';
    const refused = await call('PUT', `/api/v1/interviews/${interview.id}/debrief`, { learned: 'x', evidence: { fit: [strangerNote] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('evidence.fit');
    const debriefed = (
      await call('PUT', `/api/v1/interviews/${interview.id}/debrief`, {
        learned: 'Critique culture is strong. Portfolios matter more than grades.',
        fit: 'Matches my teaching background',
        unknowns: 'How common remote roles are',
        whoElse: 'Ben Walsh',
        leanings: { fit: 2, success: -1 },
        evidence: { fit: [note.id] },
      })
    ).json();
    expect(debriefed.takeaways).toBe('Critique culture is strong. Portfolios matter more than grades.');
    expect(debriefed.debrief).toMatchObject({ fit: 'Matches my teaching background', leanings: { fit: 2, success: -1, desire: null, prospects: null }, evidence: { fit: [note.id] } });

    const letter = (await call('GET', `/api/v1/interviews/${interview.id}/thank-you/draft`)).json();
    expect(letter).toMatchObject({ format: 'handwritten', subject: null, takeaway: 'Critique culture is strong.' });
    expect(letter.body).toContain('Thank you for our conversation. You told me that critique culture is strong — I am grateful for that advice');
    const thanked = (await call('POST', `/api/v1/interviews/${interview.id}/thank-you`, { format: 'handwritten', at: '2026-03-10T09:00:00Z' })).json();
    expect(thanked).toMatchObject({ status: 'thanked', thankYouFormat: 'handwritten', thankedAt: '2026-03-10T09:00:00.000Z' });
    const timeline = (await call('GET', `/api/v1/contacts/${maya.id}/timeline`)).json();
    expect(JSON.stringify(timeline)).toContain('Handwritten thank-you note sent');
    // Thanking twice is an illegal move, and writes nothing.
    expect((await call('POST', `/api/v1/interviews/${interview.id}/thank-you`, { format: 'email' })).statusCode).toBe(409);

    const board = (await call('GET', `/api/v1/explorations/${exploration.id}/decision`)).json();
    const fit = board.questions.find((q: { key: string }) => q.key === 'fit');
    expect(fit.for[0]).toMatchObject({ noteId: note.id, contactName: 'Maya Costa' });
    expect(fit.history).toEqual([expect.objectContaining({ leaning: 2 })]);
    expect(board.suggestedQuestions.map((q: { text: string }) => q.text)).toContain('Could you tell me how common remote roles are?');

    const graph = (await call('GET', '/api/v1/referrals/graph')).json();
    expect(graph.edges).toEqual([
      { from: maya.id, to: contact.id, status: 'suggested' },
      { from: maya.id, to: known.id, status: 'suggested' },
    ]);
    expect(graph.topIntroducers[0]).toMatchObject({ id: maya.id, introductions: 2 });
    const insights = (await call('GET', '/api/v1/insights')).json();
    expect(insights.funnel.find((f: { stage: string }) => f.stage === 'thanked').count).toBe(1);

    // A note of another interview is not found under this one.
    const other = (await call('POST', '/api/v1/interviews', { contactId: contact.id })).json();
    expect((await call('DELETE', `/api/v1/interviews/${other.id}/notes/${note.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/interviews/${interview.id}/notes/${note.id}`)).statusCode).toBe(200);
  });
});

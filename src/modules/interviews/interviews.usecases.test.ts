import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { expectCode } from '../../../test/fixtures/errors.js';
import { createInteraction, getInteraction, updateInteraction } from '../interactions/interactions.usecases.js';
import { createReferral, updateReferral } from '../referrals/referrals.usecases.js';
import { getInterview, transitionInterview, updateInterview } from './interviews.usecases.js';

describe.each(dialects)('interviews on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('moves an interview through its lifecycle and refuses an illegal move without writing', async () => {
    const person = await aContact(w.ctx, { name: 'Lifecycle Person' });
    const interview = await anInterview(w.ctx, { contactId: person.id });
    expect(interview.status).toBe('idea');
    const requested = await transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'requested', at: '2026-03-06T15:00:00+01:00' } });
    expect(requested.interview).toMatchObject({ status: 'requested', requestedAt: '2026-03-06T14:00:00.000Z' });
    const error = await expectCode(transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'thanked' } }), 'interviews.illegal_transition');
    expect(error.status).toBe(409);
    expect((await getInterview({ ctx: w.ctx, id: interview.id })).interview).toEqual(requested.interview);
    await transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'scheduled', scheduledAt: '2026-03-12T09:30:00Z' } });
    await transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'held' } });
    const thanked = await transitionInterview({ ctx: w.ctx, id: interview.id, input: { to: 'thanked', thankYouFormat: 'handwritten' } });
    expect(thanked.interview).toMatchObject({
      status: 'thanked',
      scheduledAt: '2026-03-12T09:30:00.000Z',
      heldAt: '2026-03-10T10:00:00.000Z',
      thankYouFormat: 'handwritten',
      contact: { id: person.id, name: 'Lifecycle Person' },
    });
    await expectCode(updateInterview({ ctx: w.ctx, id: interview.id, input: { notes: 'x', prep: { checklist: {}, research: '', questionIds: ['01900000-0000-7000-8000-000000000000'] } } }), 'validation.failed');
    expect((await getInterview({ ctx: w.ctx, id: interview.id })).interview.notes).toBeNull();
  });

  it('stores instants given with an offset in canonical UTC and reads them back so: interactions, interviews and referrals', async () => {
    const person = await aContact(w.ctx, { name: 'Offset Person' });
    const other = await aContact(w.ctx, { name: 'Offset Referral' });
    const { interaction } = await createInteraction({ ctx: w.ctx, input: { contactId: person.id, kind: 'call', occurredAt: '2026-03-06T15:00:00+01:00', summary: 'A call' } });
    expect(interaction.occurredAt).toBe('2026-03-06T14:00:00.000Z');
    await updateInteraction({ ctx: w.ctx, id: interaction.id, input: { occurredAt: '2026-03-07T08:30:00-05:00' } });
    expect((await getInteraction({ ctx: w.ctx, id: interaction.id })).interaction.occurredAt).toBe('2026-03-07T13:30:00.000Z');

    const interview = await anInterview(w.ctx, { contactId: person.id, status: 'scheduled', scheduledAt: '2026-03-12T10:00:00+02:00' });
    expect(interview.scheduledAt).toBe('2026-03-12T08:00:00.000Z');
    await updateInterview({ ctx: w.ctx, id: interview.id, input: { scheduledAt: '2026-03-13T10:00:00+02:00', requestedAt: '2026-03-01T09:00:00+01:00' } });
    expect((await getInterview({ ctx: w.ctx, id: interview.id })).interview).toMatchObject({ scheduledAt: '2026-03-13T08:00:00.000Z', requestedAt: '2026-03-01T08:00:00.000Z' });

    const { referral } = await createReferral({ ctx: w.ctx, input: { fromContactId: person.id, toContactId: other.id, status: 'contacted', reportedBackAt: '2026-03-08T12:00:00+03:00' } });
    expect(referral.reportedBackAt).toBe('2026-03-08T09:00:00.000Z');
    const updated = await updateReferral({ ctx: w.ctx, id: referral.id, input: { reportedBackAt: '2026-03-09T12:00:00-01:00' } });
    expect(updated.referral.reportedBackAt).toBe('2026-03-09T13:00:00.000Z');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { createReferral, updateReferral } from '../referrals/referrals.usecases.js';
import { createInteraction, getInteraction, updateInteraction } from './interactions.usecases.js';
import { getInterview, updateInterview } from '../interviews/interviews.usecases.js';

describe.each(dialects)('instants given with an offset on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('are stored and read back in canonical UTC: interactions, interviews and referrals', async () => {
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview } from '../../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../../test/fixtures/databases.js';
import { expectCode } from '../../../test/fixtures/errors.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { createReferral } from '../referrals/referrals.usecases.js';
import { contactTimeline } from './timeline.usecases.js';

describe.each(dialects)('a person’s timeline on %s', (dialect) => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await createTestWorkspace(dialect);
  });
  afterAll(async () => w?.dispose());

  it('builds a timeline of interactions, interviews and referrals in date order', async () => {
    const a = await aContact(w.ctx, { name: 'Timeline A' });
    const b = await aContact(w.ctx, { name: 'Timeline B' });
    const interview = await anInterview(w.ctx, { contactId: a.id, status: 'held', heldAt: '2026-03-05T10:00:00Z' });
    await createInteraction({ ctx: w.ctx, input: { contactId: a.id, kind: 'email-sent', occurredAt: '2026-03-01T09:00:00Z', summary: 'Asked for 20 minutes' } });
    await createInteraction({ ctx: w.ctx, input: { contactId: a.id, kind: 'thank-you', occurredAt: '2026-03-06T09:00:00Z', summary: 'Thanks!' } });
    const { referral } = await createReferral({ ctx: w.ctx, input: { fromContactId: a.id, toContactId: b.id, interviewId: interview.id, status: 'suggested' } });
    expect(referral).toMatchObject({ from: { name: 'Timeline A' }, to: { name: 'Timeline B' } });
    await expectCode(createReferral({ ctx: w.ctx, input: { fromContactId: a.id, toContactId: b.id, status: 'suggested' } }), 'referrals.duplicate');
    const timeline = await contactTimeline({ ctx: w.ctx, contactId: a.id, order: 'asc' });
    expect(timeline.items.map((e) => e.type)).toEqual(['interaction', 'interview', 'interaction', 'referral']);
    const referred = await contactTimeline({ ctx: w.ctx, contactId: b.id });
    expect(referred.items[0]).toMatchObject({ type: 'referral', direction: 'received' });
  });
});

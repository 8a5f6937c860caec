import { describe, expect, it } from 'vitest';
import { aNote } from '../../../test/fixtures/builders.js';
import { duePrompts, livePrompts } from '../../shared/schemas/conversation.js';
import { pickTakeaway, thankYouFormatFor } from './conversation.rules.js';

const note = aNote;

describe('interview mode prompts', () => {
  it('asks for referrals with five minutes left of twenty, wraps up at two, and marks the end', () => {
    expect(livePrompts(20).map((p) => [p.kind, p.at])).toEqual([
      ['referrals', 900],
      ['wrap-up', 1080],
      ['over-time', 1200],
    ]);
    expect(duePrompts(20, 899)).toEqual([]);
    expect(duePrompts(20, 900).map((p) => p.kind)).toEqual(['referrals']);
    expect(duePrompts(20, 1200)).toHaveLength(3);
  });

  it('keeps the prompts in order for short and long conversations', () => {
    for (const minutes of [5, 10, 30, 60]) {
      const [referrals, wrapUp, over] = livePrompts(minutes).map((p) => p.at);
      expect(referrals).toBeLessThan(wrapUp ?? 0);
      expect(wrapUp).toBeLessThanOrEqual(over ?? 0);
    }
  });
});

describe('the thank-you', () => {
  it('quotes the first sentence of the takeaways, or else the most telling note', () => {
    expect(pickTakeaway('Portfolios matter more than grades. Also: apply early.', [])).toBe('Portfolios matter more than grades.');
    const notes = [
      note('ok thanks'),
      note('Their team runs a weekly critique where juniors present first', { keyQuestion: 'fit' }),
      note('A much longer note about the commute and the office and the parking situation there'),
      note('My background in teaching came up as a real strength', { agendaStep: 'background' }),
    ];
    expect(pickTakeaway(null, notes)).toBe('Their team runs a weekly critique where juniors present first');
    const withStances = [...notes, note('Waiting weeks for product teams to act on findings is draining', { keyQuestion: 'desire', stance: 'against' }), note('Two of the four researchers here were teachers first', { keyQuestion: 'success', stance: 'for' })];
    expect(pickTakeaway(null, withStances)).toBe('Two of the four researchers here were teachers first');
    expect(pickTakeaway(null, [note('too short')])).toBeNull();
  });

  it('suggests handwritten for senior people', () => {
    expect(thankYouFormatFor('executive').format).toBe('handwritten');
    expect(thankYouFormatFor('peer').format).toBe('email');
    expect(thankYouFormatFor(null).format).toBe('email');
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { allowedTransitions, canTransition, planTransition, type InterviewTimes } from './lifecycle.js';
import { interviewStatuses, type InterviewStatus } from './schemas/interviews.js';

const at = '2026-03-10T10:00:00.000Z';
const base = (status: InterviewStatus, extra: Partial<InterviewTimes> = {}): InterviewTimes => ({
  status,
  scheduledAt: null,
  requestedAt: null,
  repliedAt: null,
  heldAt: null,
  thankedAt: null,
  thankYouFormat: null,
  ...extra,
});

describe('interview lifecycle', () => {
  const legal: Array<[InterviewStatus, InterviewStatus]> = [
    ['idea', 'requested'],
    ['idea', 'cancelled'],
    ['requested', 'scheduled'],
    ['requested', 'no-reply'],
    ['requested', 'declined'],
    ['requested', 'cancelled'],
    ['no-reply', 'scheduled'],
    ['no-reply', 'requested'],
    ['no-reply', 'declined'],
    ['no-reply', 'cancelled'],
    ['scheduled', 'held'],
    ['scheduled', 'cancelled'],
    ['held', 'thanked'],
    ['thanked', 'keeping-in-touch'],
  ];

  it.each(legal)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    const patch = planTransition(base(from, { scheduledAt: at }), { to, at });
    expect(patch.status).toBe(to);
    expect(patch.statusChangedAt).toBe(at);
  });

  const every = interviewStatuses.flatMap((from) => interviewStatuses.map((to) => [from, to] as [InterviewStatus, InterviewStatus]));
  const illegal = every.filter(([from, to]) => !legal.some(([f, t]) => f === from && t === to));

  it.each(illegal)('refuses %s → %s with a coded 409 error', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    try {
      planTransition(base(from), { to, at });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('interviews.illegal_transition');
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).details).toMatchObject({ from, to, allowed: [...allowedTransitions[from]] });
    }
  });

  it('final states allow no moves at all', () => {
    for (const status of ['keeping-in-touch', 'declined', 'cancelled'] as const) expect(allowedTransitions[status]).toEqual([]);
  });

  it('a request records when it was sent', () => {
    expect(planTransition(base('idea'), { to: 'requested', at }).requestedAt).toBe(at);
  });

  it('scheduling needs a time and counts as the reply', () => {
    expect(() => planTransition(base('requested'), { to: 'scheduled', at })).toThrow(/scheduledAt/);
    const patch = planTransition(base('requested'), { to: 'scheduled', at, scheduledAt: '2026-03-20T09:00:00.000Z' });
    expect(patch).toMatchObject({ scheduledAt: '2026-03-20T09:00:00.000Z', repliedAt: at });
  });

  it('an earlier reply time is kept when scheduling', () => {
    const patch = planTransition(base('requested', { repliedAt: '2026-03-09T10:00:00.000Z', scheduledAt: at }), { to: 'scheduled', at });
    expect(patch.repliedAt).toBeUndefined();
  });

  it('holding and thanking record their times; thank-you format defaults to email', () => {
    expect(planTransition(base('scheduled', { scheduledAt: at }), { to: 'held', at }).heldAt).toBe(at);
    expect(planTransition(base('held'), { to: 'thanked', at })).toMatchObject({ thankedAt: at, thankYouFormat: 'email' });
    expect(planTransition(base('held'), { to: 'thanked', at, thankYouFormat: 'handwritten' }).thankYouFormat).toBe('handwritten');
  });
});

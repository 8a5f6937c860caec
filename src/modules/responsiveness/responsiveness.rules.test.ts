import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../../shared/business-days.js';
import { deriveResponsiveness } from './responsiveness.rules.js';

const london: WorkCalendar = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-25', '2026-12-28'] };

describe('responsiveness', () => {
  const cases: Array<[string, Array<{ status: string; requestedAt: string | null; repliedAt: string | null }>, string]> = [
    ['nobody asked yet', [], 'unknown'],
    ['still waiting', [{ status: 'requested', requestedAt: '2026-03-02T10:00:00Z', repliedAt: null }], 'unknown'],
    ['replied within three business days', [{ status: 'scheduled', requestedAt: '2026-03-06T15:00:00Z', repliedAt: '2026-03-11T16:00:00Z' }], 'booster'],
    ['replied later', [{ status: 'scheduled', requestedAt: '2026-03-02T10:00:00Z', repliedAt: '2026-03-06T10:00:00Z' }], 'obligate'],
    ['never replied, even after the follow-up', [{ status: 'no-reply', requestedAt: '2026-03-02T10:00:00Z', repliedAt: null }], 'curmudgeon'],
    [
      'the latest answered request decides',
      [
        { status: 'no-reply', requestedAt: '2026-01-02T10:00:00Z', repliedAt: null },
        { status: 'held', requestedAt: '2026-03-02T10:00:00Z', repliedAt: '2026-03-03T10:00:00Z' },
      ],
      'booster',
    ],
  ];
  it.each(cases)('%s → %s', (_name, history, expected) => {
    expect(deriveResponsiveness(history, london)).toBe(expected);
  });
});

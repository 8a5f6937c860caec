import { describe, expect, it } from 'vitest';
import { dayMonth, mentionFirstRequest } from './drafts.rules.js';

describe('a follow-up that says when the first request went', () => {
  it.each([
    [
      'the starter email: one sentence opens the first paragraph',
      'Hi Ken,\n\nI know inboxes are busy, so I am bringing my note back to the top.\n\nThank you,\nSam',
      'Hi Ken,\n\nI wrote on 3 March to ask for a short conversation. I know inboxes are busy, so I am bringing my note back to the top.\n\nThank you,\nSam',
    ],
    [
      'a vague “a little while ago” gets the date',
      'Dear Ken Ito,\n\nI wrote a little while ago to ask for 20 minutes of your advice.\n\nWith thanks,\nSam',
      'Dear Ken Ito,\n\nI wrote on 3 March to ask for 20 minutes of your advice.\n\nWith thanks,\nSam',
    ],
    ['no greeting: the sentence comes first', 'Just bringing my note back up.', 'I wrote on 3 March to ask for a short conversation. Just bringing my note back up.'],
    ['a draft that already names the day is left alone', 'Hi Ken,\n\nMy note of 3 March may have got buried.', 'Hi Ken,\n\nMy note of 3 March may have got buried.'],
  ])('%s', (_name, body, expected) => {
    expect(mentionFirstRequest(body, '3 March')).toBe(expected);
  });

  it('writes the day in the user’s time zone, with the year only when it is not this one', () => {
    expect(dayMonth('2026-03-03T23:30:00Z', '2026-03-12T10:00:00Z', 'Europe/London')).toBe('3 March');
    expect(dayMonth('2026-03-03T23:30:00Z', '2026-03-12T10:00:00Z', 'Asia/Tokyo')).toBe('4 March');
    expect(dayMonth('2025-12-28T10:00:00Z', '2026-01-05T10:00:00Z', 'Europe/London')).toBe('28 December 2025');
  });
});

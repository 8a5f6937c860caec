import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import { testId } from '../../../test/fixtures/builders.js';
import { composeReminder, dayIn, dueToday, hourIn, REMINDER_HOUR } from './reminders.rules.js';
import { progressSummary } from '../sharing/sharing.rules.js';

const item = (n: number, due: string, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  key: `thank-you:${testId(n)}`,
  kind: 'thank-you',
  due,
  overdue: false,
  title: `Thank person ${n}`,
  reason: 'You spoke yesterday.',
  action: 'Send a short thank-you that names one thing you learned.',
  contactId: testId(n),
  interviewId: testId(100 + n),
  organizationId: null,
  referralId: null,
  suggestedContactId: null,
  suggestedFormat: 'email',
  state: 'open',
  snoozedUntil: null,
  ...extra,
});

describe('the morning reminder', () => {
  it('waits for seven in the morning where the person is', () => {
    expect(hourIn('2026-03-10T06:30:00Z', 'Europe/London')).toBe(6);
    expect(hourIn('2026-03-10T07:05:00Z', 'Europe/London')).toBe(REMINDER_HOUR);
    expect(hourIn('2026-03-10T12:05:00Z', 'America/New_York')).toBe(8);
    expect(hourIn('2026-03-10T22:05:00Z', 'Asia/Tokyo')).toBe(7);
  });

  it('judges the day in the person’s own time zone', () => {
    expect(dayIn('2026-03-10T23:30:00Z', 'Europe/London')).toBe('2026-03-10');
    expect(dayIn('2026-03-10T23:30:00Z', 'Asia/Tokyo')).toBe('2026-03-11');
    expect(dayIn('2026-03-10T02:00:00Z', 'America/New_York')).toBe('2026-03-09');
  });

  it('includes what is overdue or due by the end of the day, and nothing done, snoozed or later', () => {
    const items = [
      item(1, '2026-03-08T09:00:00Z', { overdue: true }),
      item(2, '2026-03-10T16:00:00Z'),
      item(3, '2026-03-11T09:00:00Z'),
      item(4, '2026-03-10T09:00:00Z', { state: 'done' }),
      item(5, '2026-03-10T09:00:00Z', { state: 'snoozed' }),
    ];
    expect(dueToday(items, '2026-03-10', 'Europe/London').map((i) => i.title)).toEqual(['Thank person 1', 'Thank person 2']);
  });

  it('puts the overdue first and says how many, with each next step and a way to switch it off', () => {
    const mail = composeReminder({ name: 'Eve', day: '2026-03-10', appUrl: 'https://inroads.uni.example/', items: [item(2, '2026-03-10T16:00:00Z'), item(1, '2026-03-08T09:00:00Z', { overdue: true })] });
    expect(mail.subject).toBe('Inroads: 2 things to do today (1 overdue)');
    expect(mail.text.indexOf('Overdue:')).toBeLessThan(mail.text.indexOf('Due today:'));
    expect(mail.text).toContain('- Thank person 1: Send a short thank-you');
    expect(mail.text).toContain('https://inroads.uni.example/');
    expect(mail.text).toMatch(/switch it off/);
  });
});

describe('an explorer’s progress for a coach', () => {
  const base = { requestedAt: null, repliedAt: null, scheduledAt: null, heldAt: null, thankedAt: null };
  const now = '2026-03-31T12:00:00Z';
  it('is stuck with no conversations, with three overdue duties, or after three idle weeks with nothing booked', () => {
    expect(progressSummary({ interviews: [], agenda: [], now, timeZone: 'UTC' })).toMatchObject({ stuck: true, stuckReason: 'has not asked anyone for a conversation yet' });
    const overdue = [1, 2, 3].map((n) => item(n, '2026-03-20T09:00:00Z', { overdue: true }));
    expect(progressSummary({ interviews: [{ ...base, status: 'held', heldAt: '2026-03-29T10:00:00Z' }], agenda: overdue, now, timeZone: 'UTC' })).toMatchObject({ stuck: true, overdue: 3, overdueThankYous: 3 });
    const idle = [{ ...base, status: 'requested' as const, requestedAt: '2026-03-01T10:00:00Z' }];
    expect(progressSummary({ interviews: idle, agenda: [], now, timeZone: 'UTC' }).stuckReason).toMatch(/21 days/);
    const booked = [...idle, { ...base, status: 'scheduled' as const, scheduledAt: '2026-04-02T10:00:00Z' }];
    expect(progressSummary({ interviews: booked, agenda: [], now, timeZone: 'UTC' })).toMatchObject({ stuck: false, upcoming: 1 });
  });

  it('measures a quiet spell from when the explorer joined, not from nothing (issue 21)', () => {
    const justJoined = '2026-03-31T11:50:00Z';
    // Imported conversations carry no dates: someone who joined ten minutes ago has not been idle for three weeks.
    const undated = [{ ...base, status: 'requested' as const }];
    expect(progressSummary({ interviews: undated, agenda: [], now, timeZone: 'UTC', joinedAt: justJoined })).toMatchObject({ stuck: false, stuckReason: null });
    expect(progressSummary({ interviews: [], agenda: [], now, timeZone: 'UTC', joinedAt: justJoined })).toMatchObject({ stuck: false, stuckReason: null });
    // Old steps before a recent join count from the join.
    const old = [{ ...base, status: 'requested' as const, requestedAt: '2025-11-01T10:00:00Z' }];
    expect(progressSummary({ interviews: old, agenda: [], now, timeZone: 'UTC', joinedAt: '2026-03-25T09:00:00Z' }).stuck).toBe(false);
    // Three weeks after joining the same explorer does look stuck.
    expect(progressSummary({ interviews: undated, agenda: [], now, timeZone: 'UTC', joinedAt: '2026-03-01T09:00:00Z' }).stuckReason).toMatch(/21 days/);
    expect(progressSummary({ interviews: [], agenda: [], now, timeZone: 'UTC', joinedAt: '2026-03-01T09:00:00Z' }).stuckReason).toBe('has not asked anyone for a conversation yet');
  });

  it('counts conversations held this month in the explorer’s time zone', () => {
    const interviews = [
      { ...base, status: 'held' as const, heldAt: '2026-03-31T23:30:00Z' },
      { ...base, status: 'thanked' as const, heldAt: '2026-03-02T10:00:00Z', thankedAt: '2026-03-02T18:00:00Z' },
      { ...base, status: 'held' as const, heldAt: '2026-02-27T10:00:00Z' },
    ];
    expect(progressSummary({ interviews, agenda: [], now: '2026-03-31T12:00:00Z', timeZone: 'UTC' }).heldThisMonth).toBe(2);
    // In Tokyo the first one was held on 1 April: next month.
    expect(progressSummary({ interviews, agenda: [], now: '2026-03-31T12:00:00Z', timeZone: 'Asia/Tokyo' }).heldThisMonth).toBe(1);
  });
});

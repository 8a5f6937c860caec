import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../../shared/business-days.js';
import { localDay } from '../../shared/business-days.js';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import { businessDaysWaited, firstWeekday, lastWorkingDay, onTarget, reviewWeek, streak, weekStart, type WeekInput, type WeekInterview } from './week.rules.js';

const utc: WorkCalendar = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], holidays: [] };
const day = (iso: string, calendar = utc) => localDay(`${iso}T12:00:00Z`, calendar);
const id = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const targets = { requests: 2, conversations: 1, people: 1, updatedAt: '2026-03-01T00:00:00.000Z' };

function interview(n: number, fields: Partial<WeekInterview>): WeekInterview {
  return { id: id(n), contactId: id(100 + n), name: `Person ${n}`, status: 'idea', requestedAt: null, repliedAt: null, heldAt: null, thankedAt: null, ...fields };
}

function agendaItem(n: number, fields: Partial<AgendaItem>): AgendaItem {
  return {
    key: `follow-up:${id(n)}`,
    kind: 'follow-up',
    due: '2026-03-12T09:00:00.000Z',
    overdue: false,
    title: `Item ${n}`,
    reason: 'Because.',
    action: 'Do it.',
    contactId: id(200 + n),
    interviewId: null,
    organizationId: null,
    referralId: null,
    suggestedContactId: null,
    suggestedFormat: null,
    state: 'open',
    snoozedUntil: null,
    ...fields,
  };
}

const base = (fields: Partial<WeekInput>): WeekInput => ({ now: '2026-03-12T15:00:00.000Z', calendar: utc, targets, interviews: [], peopleAddedAt: [], agenda: [], ranking: [], ...fields });

describe('week boundaries in the user’s time zone', () => {
  it.each([
    // [instant, time zone, Monday of its week]
    ['2026-03-12T15:00:00Z', 'UTC', '2026-03-09'],
    ['2026-03-09T00:00:00Z', 'UTC', '2026-03-09'],
    ['2026-03-15T23:59:00Z', 'UTC', '2026-03-09'],
    // Sunday evening in New York is already Monday in UTC: still the week before, locally.
    ['2026-03-16T02:00:00Z', 'America/New_York', '2026-03-09'],
    // Monday morning in Tokyo is still Sunday in UTC: the new week, locally.
    ['2026-03-15T16:00:00Z', 'Asia/Tokyo', '2026-03-16'],
  ])('%s in %s falls in the week of %s', (instant, timeZone, monday) => {
    const calendar = { ...utc, timeZone };
    const start = weekStart(localDay(instant, calendar), calendar);
    expect(new Date(start * 86_400_000).toISOString().slice(0, 10)).toBe(monday);
  });

  it.each([
    [[1, 2, 3, 4, 5], [], '2026-03-13'],
    // A Sunday-to-Thursday week ends on Thursday.
    [[7, 1, 2, 3, 4], [], '2026-03-12'],
    // A Tuesday-to-Saturday week ends on Saturday.
    [[2, 3, 4, 5, 6], [], '2026-03-14'],
    // A Friday holiday moves the review to Thursday.
    [[1, 2, 3, 4, 5], ['2026-03-13'], '2026-03-12'],
    // No working day at all: the week ends on Sunday.
    [[], [], '2026-03-15'],
  ])('working days %j with holidays %j: the last working day is %s', (workingDays, holidays, expected) => {
    const calendar = { ...utc, workingDays, holidays };
    const last = lastWorkingDay(weekStart(day('2026-03-10'), calendar), calendar);
    expect(new Date(last * 86_400_000).toISOString().slice(0, 10)).toBe(expected);
  });
});

describe('the first day of the user’s week', () => {
  it.each([
    [[1, 2, 3, 4, 5], 1],
    [[7, 1, 2, 3, 4], 7],
    [[6, 7, 1, 2, 3], 6],
    [[2, 3, 4, 5, 6], 2],
    [[1, 3, 5], 1],
    [[], 1],
    [[1, 2, 3, 4, 5, 6, 7], 1],
  ])('working days %j: the week starts on weekday %i', (workingDays, expected) => {
    expect(firstWeekday({ workingDays })).toBe(expected);
  });
});

describe('progress and being on target', () => {
  it.each([
    [{ requests: 2, conversations: 1, people: 1 }, true],
    [{ requests: 3, conversations: 2, people: 4 }, true],
    [{ requests: 1, conversations: 1, people: 1 }, false],
    [{ requests: 2, conversations: 0, people: 1 }, false],
    [{ requests: 2, conversations: 1, people: 0 }, false],
  ])('%j against 2 requests, 1 conversation, 1 person: on target %s', (counts, expected) => {
    expect(onTarget(counts, targets)).toBe(expected);
  });

  it('counts only this week, in the user’s time zone, and the thank-yous sent within a day', () => {
    const week = reviewWeek(
      base({
        interviews: [
          interview(1, { status: 'requested', requestedAt: '2026-03-09T09:00:00Z' }),
          interview(2, { status: 'scheduled', requestedAt: '2026-03-10T09:00:00Z', repliedAt: '2026-03-11T09:00:00Z' }),
          // Last week: not counted this week.
          interview(3, { status: 'requested', requestedAt: '2026-03-06T09:00:00Z' }),
          interview(4, { status: 'thanked', heldAt: '2026-03-09T10:00:00Z', thankedAt: '2026-03-09T20:00:00Z' }),
          interview(5, { status: 'held', heldAt: '2026-03-10T10:00:00Z' }),
          // Held an hour ago: its thank-you is not due yet.
          interview(6, { status: 'held', heldAt: '2026-03-12T14:00:00Z' }),
        ],
        peopleAddedAt: ['2026-03-08T23:00:00Z', '2026-03-11T08:00:00Z'],
      }),
    );
    expect(week.week).toEqual({ start: '2026-03-09', end: '2026-03-15', lastWorkingDay: '2026-03-13', reviewDue: false });
    expect(week.progress.requests).toEqual({ done: 2, target: 2, met: true });
    expect(week.progress.conversations).toEqual({ done: 3, target: 1, met: true });
    expect(week.progress.people).toEqual({ done: 1, target: 1, met: true });
    expect(week.progress.replies).toBe(1);
    expect(week.progress.thankYous).toEqual({ onTime: 1, due: 2, rate: 0.5 });
    expect(week.onTarget).toBe(true);
    expect(week.history).toHaveLength(12);
    expect(week.history.at(-1)).toMatchObject({ week: '2026-03-09', requests: 2, replies: 1, conversations: 3, people: 1, onTarget: true });
    expect(week.history.at(-2)).toMatchObject({ week: '2026-03-02', requests: 1, people: 1, onTarget: false });
  });

  it('counts by the user’s local week: Sunday night in New York is still last week, though Monday in UTC', () => {
    const newYork = { ...utc, timeZone: 'America/New_York' };
    const week = reviewWeek(
      base({
        now: '2026-03-12T15:00:00.000Z',
        calendar: newYork,
        interviews: [
          interview(1, { status: 'requested', requestedAt: '2026-03-09T03:30:00Z', repliedAt: '2026-03-09T03:45:00Z' }),
          interview(2, { status: 'requested', requestedAt: '2026-03-09T05:30:00Z', repliedAt: '2026-03-09T06:00:00Z' }),
        ],
      }),
    );
    expect(week.progress.requests.done).toBe(1);
    expect(week.history.at(-2)).toMatchObject({ week: '2026-03-02', requests: 1, replies: 1 });
  });

  it('reviewing an earlier moment leaves out what came after it', () => {
    const week = reviewWeek(base({ now: '2026-03-05T12:00:00.000Z', interviews: [interview(1, { status: 'requested', requestedAt: '2026-03-09T09:00:00Z' })] }));
    expect(week.progress.requests.done).toBe(0);
    expect(week.stalled.requests).toEqual([]);
  });

  it.each([
    ['2026-03-12T15:00:00Z', false],
    ['2026-03-13T08:00:00Z', true],
    ['2026-03-14T08:00:00Z', true],
  ])('at %s the review is due: %s', (now, due) => {
    expect(reviewWeek(base({ now })).week.reviewDue).toBe(due);
  });
});

const weeks = (...flags: boolean[]) => flags.map((met) => ({ onTarget: met }));

describe('streaks of weeks on target', () => {
  it.each([
    [weeks(), 0],
    [weeks(false), 0],
    [weeks(true), 1],
    [weeks(true, true, false), 2],
    [weeks(true, true, true), 3],
    [weeks(true, false, true, true), 2],
    [weeks(false, true, true, false), 2],
    [weeks(true, true, false, false), 0],
  ])('%j (oldest first, this week last) is a streak of %i', (history, expected) => {
    expect(streak(history)).toBe(expected);
  });

  it('counts back through the weeks of the record', () => {
    const interviews = [0, 7, 14].flatMap((back, k) => [
      interview(10 + k * 3, { status: 'held', requestedAt: `2026-03-0${1 + 1}T09:00:00Z`, heldAt: new Date(Date.parse('2026-03-10T10:00:00Z') - back * 86_400_000).toISOString() }),
    ]);
    const requests = [0, 7, 14].flatMap((back) => [0, 1].map(() => new Date(Date.parse('2026-03-10T09:00:00Z') - back * 86_400_000).toISOString()));
    const week = reviewWeek(
      base({
        interviews: [...interviews, ...requests.map((requestedAt, n) => interview(50 + n, { status: 'requested', requestedAt, repliedAt: requestedAt }))],
        peopleAddedAt: [0, 7, 14].map((back) => new Date(Date.parse('2026-03-10T09:00:00Z') - back * 86_400_000).toISOString()),
      }),
    );
    expect(week.history.slice(-3).map((w) => w.onTarget)).toEqual([true, true, true]);
    expect(week.streak).toBe(3);
  });
});

describe('what stalled', () => {
  it.each([
    // [sent, now, business days waited]
    ['2026-03-09T09:00:00Z', '2026-03-09T15:00:00Z', 0],
    ['2026-03-09T09:00:00Z', '2026-03-12T15:00:00Z', 3],
    // Sent on Friday afternoon: counting starts Monday.
    ['2026-03-06T15:00:00Z', '2026-03-12T15:00:00Z', 3],
    ['2026-03-06T09:00:00Z', '2026-03-12T15:00:00Z', 4],
  ])('a request sent %s has waited at %s: %i business days', (sent, now, expected) => {
    expect(businessDaysWaited(sent, localDay(now, utc), utc)).toBe(expected);
  });

  it('lists requests without a reply after three business days, overdue items and check-ins owed', () => {
    const week = reviewWeek(
      base({
        interviews: [
          interview(1, { status: 'requested', requestedAt: '2026-03-02T09:00:00Z' }),
          interview(2, { status: 'requested', requestedAt: '2026-03-11T09:00:00Z' }),
          interview(3, { status: 'scheduled', requestedAt: '2026-03-02T09:00:00Z', repliedAt: '2026-03-03T09:00:00Z' }),
        ],
        agenda: [
          agendaItem(1, { kind: 'thank-you', due: '2026-03-10T09:00:00.000Z', overdue: true }),
          agendaItem(2, { kind: 'check-in', key: `check-in:${id(2)}`, due: '2026-03-11T09:00:00.000Z', overdue: true }),
          agendaItem(3, { kind: 'prepare', due: '2026-03-13T09:00:00.000Z' }),
          agendaItem(4, { kind: 'thank-you', due: '2026-03-10T09:00:00.000Z', overdue: true, state: 'done' }),
        ],
      }),
    );
    expect(week.stalled.requests).toEqual([{ interviewId: id(1), contactId: id(101), name: 'Person 1', requestedAt: '2026-03-02T09:00:00Z', businessDays: 8 }]);
    expect(week.stalled.overdue.map((i) => i.title)).toEqual(['Item 1']);
    expect(week.stalled.keepInTouch.map((i) => i.title)).toEqual(['Item 2']);
  });
});

const ranking = (n: number) => ({ contactId: id(300 + n), name: `Candidate ${n}`, organization: null, score: 10 - n, reasons: [`Reason ${n}`] });

describe("next week's first actions", () => {
  it('takes the agenda soonest first up to the end of next week, then the best-ranked people not already on it', () => {
    const week = reviewWeek(
      base({
        agenda: [
          agendaItem(1, { due: '2026-03-18T09:00:00.000Z' }),
          agendaItem(2, { due: '2026-03-11T09:00:00.000Z', overdue: true }),
          // After next week: left for later.
          agendaItem(3, { due: '2026-03-23T09:00:00.000Z' }),
        ],
        ranking: [{ ...ranking(1), contactId: id(201) }, ranking(2), ranking(3)],
      }),
    );
    expect(week.nextActions.map((a) => a.title)).toEqual(['Item 2', 'Item 1', 'Ask Candidate 2 for a conversation', 'Ask Candidate 3 for a conversation']);
    expect(week.nextActions[2]).toMatchObject({ kind: 'reach-out', reason: 'Reason 2', due: null });
  });

  it('keeps room for two people to ask when the agenda is full', () => {
    const agenda = [1, 2, 3, 4, 5, 6].map((n) => agendaItem(n, { due: `2026-03-1${n}T09:00:00.000Z` }));
    const week = reviewWeek(base({ agenda, ranking: [ranking(1), ranking(2), ranking(3)] }));
    expect(week.nextActions.map((a) => a.kind)).toEqual(['follow-up', 'follow-up', 'follow-up', 'reach-out', 'reach-out']);
  });
});

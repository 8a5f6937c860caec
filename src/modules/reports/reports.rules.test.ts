import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportRow } from '../../shared/schemas/reports.js';
import { thankedOnTime } from '../week/week.rules.js';
import { groupCounts, isoWeek, NO_ACTIVITY, protectedLine, reportCsv, reportFileName, reportWindow, suppress, trendWeeks, type RawRow, type StudentActivity } from './reports.rules.js';

const NOW = '2026-12-02T10:14:00.000Z'; // a Wednesday

const raw = (name: string, kind: RawRow['group']['kind'], counts: Partial<Omit<RawRow, 'group' | 'trend'>>, trend: Array<[number, number]> = []): RawRow => ({
  group: { kind, id: kind === 'cohort' ? `id-${name}` : null, name },
  students: 0,
  active: 0,
  requests: 0,
  conversations: 0,
  thankYousOnTime: 0,
  ...counts,
  trend: trend.map(([requests, conversations]) => ({ requests, conversations })),
});

/** A table of all students, cohorts and no cohort whose partition adds up (the total is computed). */
function table(parts: RawRow[]): RawRow[] {
  const weeks = parts[0]?.trend.length ?? 0;
  const all = raw('All students', 'all', {}, Array.from({ length: weeks }, () => [0, 0]));
  for (const p of parts) {
    for (const k of ['students', 'active', 'requests', 'conversations', 'thankYousOnTime'] as const) all[k] += p[k];
    p.trend.forEach((t, i) => {
      all.trend[i]!.requests += t.requests;
      all.trend[i]!.conversations += t.conversations;
    });
  }
  return [all, ...parts];
}

/** Eight weeks of `n` requests and conversations, the last week's requests `small`. */
const eightWeeks = (n: number, small: number): Array<[number, number]> => Array.from({ length: 8 }, (_, i) => [i === 7 ? small : n, n]);
const active = (requests: number): StudentActivity => ({ ...NO_ACTIVITY(2), active: true, requests, weekly: [{ requests, conversations: 0 }, { requests: 0, conversations: 1 }] });

const byName = (rows: ReportRow[], name: string) => rows.find((r) => r.group.name === name)!;
const numeric = (c: ReportCell) => (typeof c === 'number' ? c : null);

/**
 * Whether a reader can work a protected number out of one column: the total is shown and exactly one
 * group's number is missing, and that one is a <5 or belongs to a group of fewer than 5 students.
 */
function derivable(rows: ReportRow[], get: (r: ReportRow) => ReportCell): boolean {
  if (numeric(get(rows[0]!)) === null) return false;
  const missing = rows.slice(1).filter((r) => typeof get(r) !== 'number');
  return missing.length === 1 && (get(missing[0]!) === '<5' || missing[0]!.students === '<5');
}

/** Eight weeks of (requests, conversations) with requests only in the last week. */
const lastWeekOnly = (requests: number): Array<[number, number]> => Array.from({ length: 8 }, (_, i) => [i === 7 ? requests : 0, 0]);

/** Three groups whose requests all fell in the last week; `period` other than 0 gives the period another number. */
const lastWeekGroups = (period: number) => [
  raw('A', 'cohort', { students: 30, requests: period === 0 ? 40 : period }, lastWeekOnly(40)),
  raw('B', 'cohort', { students: 20, requests: period === 0 ? 25 : period }, lastWeekOnly(25)),
  raw('No cohort', 'none', { students: 10, requests: period === 0 ? 9 : period }, lastWeekOnly(9)),
];

describe('the period a report covers', () => {
  it('counts the last 4 weeks as the 28 days up to today, UTC', () => {
    expect(reportWindow({ period: 'last-4-weeks', now: NOW })).toEqual({ kind: 'last-4-weeks', from: '2026-11-05', to: '2026-12-02', start: '2026-11-05T00:00:00.000Z', end: '2026-12-03T00:00:00.000Z' });
    expect(reportWindow({ period: 'last-12-weeks', now: NOW })).toMatchObject({ from: '2026-09-10', to: '2026-12-02' });
  });

  it('starts the academic year on 1 September: this year from September, last year before it', () => {
    expect(reportWindow({ period: 'academic-year', now: NOW })).toMatchObject({ from: '2026-09-01', to: '2026-12-02' });
    expect(reportWindow({ period: 'academic-year', now: '2027-08-31T23:00:00.000Z' })).toMatchObject({ from: '2026-09-01', to: '2027-08-31' });
    expect(reportWindow({ period: 'academic-year', now: '2026-09-01T00:00:00.000Z' })).toMatchObject({ from: '2026-09-01', to: '2026-09-01' });
  });

  it('takes a range of whole days, both included, and names the field that is wrong', () => {
    expect(reportWindow({ period: 'range', from: '2026-10-01', to: '2026-10-31', now: NOW })).toMatchObject({ start: '2026-10-01T00:00:00.000Z', end: '2026-11-01T00:00:00.000Z' });
    expect(() => reportWindow({ period: 'range', from: '2026-10-31', to: '2026-10-01', now: NOW })).toThrow(expect.objectContaining({ code: 'validation.failed', details: [expect.objectContaining({ field: 'to' })] }));
    expect(() => reportWindow({ period: 'range', to: '2026-10-01', now: NOW })).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'from' })] }));
  });
});

describe('the weekly trend', () => {
  it('is the last 8 ISO weeks, Monday to Sunday UTC, the current one last', () => {
    const { weeks, bounds } = trendWeeks(NOW);
    expect(weeks).toHaveLength(8);
    expect(weeks.at(-1)).toEqual({ week: '2026-W49', start: '2026-11-30' });
    expect(weeks[0]).toEqual({ week: '2026-W42', start: '2026-10-12' });
    expect(bounds).toHaveLength(9);
    expect(bounds.at(-1)).toBe('2026-12-07T00:00:00.000Z');
    // A Sunday night is still in the week that began on Monday.
    expect(trendWeeks('2026-12-06T23:59:59.000Z').weeks.at(-1)?.week).toBe('2026-W49');
    expect(trendWeeks('2026-12-07T00:00:00.000Z').weeks.at(-1)?.week).toBe('2026-W50');
  });

  it('numbers weeks as ISO 8601 does around the new year', () => {
    expect(isoWeek(Date.UTC(2026, 11, 28))).toBe('2026-W53');
    expect(isoWeek(Date.UTC(2027, 0, 4))).toBe('2027-W01');
    expect(isoWeek(Date.UTC(2024, 11, 30))).toBe('2025-W01');
  });
});

describe('thank-yous on time', () => {
  it('is the weekly review’s rule: within 24 hours of the conversation', () => {
    expect(thankedOnTime({ heldAt: '2026-11-02T10:00:00.000Z', thankedAt: '2026-11-03T10:00:00.000Z' })).toBe(true);
    expect(thankedOnTime({ heldAt: '2026-11-02T10:00:00.000Z', thankedAt: '2026-11-03T10:00:00.001Z' })).toBe(false);
    expect(thankedOnTime({ heldAt: '2026-11-02T10:00:00.000Z', thankedAt: null })).toBe(false);
  });
});

describe('adding the students up by group', () => {
  it('puts each student in all students and in exactly one of their cohort or no cohort', () => {
    const rows = groupCounts({
      cohorts: [{ id: 'b', name: 'MSc Finance' }, { id: 'a', name: 'BA History' }],
      students: [
        { cohortId: 'a', activity: active(2) },
        { cohortId: 'b', activity: active(3) },
        { cohortId: null, activity: NO_ACTIVITY(2) },
        { cohortId: 'gone', activity: active(1) },
      ],
      weeks: 2,
    });
    expect(rows.map((r) => [r.group.name, r.students, r.active, r.requests])).toEqual([
      ['All students', 4, 3, 6],
      ['BA History', 1, 1, 2],
      ['MSc Finance', 1, 1, 3],
      ['No cohort', 2, 1, 1],
    ]);
    expect(rows[0]!.trend).toEqual([{ requests: 6, conversations: 0 }, { requests: 0, conversations: 3 }]);
  });
});

describe('holding back small numbers', () => {
  it('shows counts of 5 or more, and anything from 0 to 4 as <5', () => {
    const rows = suppress(table([raw('A', 'cohort', { students: 30, active: 12, requests: 40, conversations: 14, thankYousOnTime: 6 }), raw('B', 'cohort', { students: 20, active: 11, requests: 25, conversations: 12, thankYousOnTime: 5 })]));
    expect(byName(rows, 'A')).toMatchObject({ students: 30, active: 12, requests: 40, conversations: 14, thankYousOnTime: 6 });
    const small = suppress(table([raw('A', 'cohort', { students: 30, active: 4, requests: 0, conversations: 1 }), raw('B', 'cohort', { students: 20, active: 3, requests: 0 })]));
    expect(byName(small, 'A')).toMatchObject({ active: '<5', requests: '<5', conversations: '<5' });
    // Zero is held back too: "0 conversations" would tell something about every student in the group.
    expect(byName(small, 'All students')).toMatchObject({ requests: '<5', conversations: '<5' });
  });

  it('holds back a count within 4 of its whole: "all 8 were active" tells as much as "none was"', () => {
    const rows = suppress(table([
      raw('A', 'cohort', { students: 8, active: 8, requests: 40, conversations: 12, thankYousOnTime: 9 }),
      raw('B', 'cohort', { students: 30, active: 12, requests: 25, conversations: 20, thankYousOnTime: 10 }),
      raw('C', 'cohort', { students: 25, active: 14, requests: 30, conversations: 11, thankYousOnTime: 6 }),
    ]));
    expect(byName(rows, 'A')).toMatchObject({ students: 8, active: 'hidden', thankYousOnTime: 'hidden' });
    // 34 active in all: taking B's 12 and C's 14 away would give A's 8 back, so another is hidden as well.
    expect(rows.filter((r) => r.active === 'hidden').length).toBeGreaterThanOrEqual(2);
    expect(byName(rows, 'All students').active).toBe(34);
    expect(derivable(rows, (r) => r.active) || rows.slice(1).filter((r) => typeof r.active !== 'number').length === 1).toBe(false);
  });

  it('shows a cohort of fewer than 5 students as <5 students and nothing else', () => {
    const rows = suppress(table([raw('Big', 'cohort', { students: 40, active: 30, requests: 80, conversations: 20, thankYousOnTime: 15 }), raw('Tiny', 'cohort', { students: 3, active: 3, requests: 25, conversations: 9, thankYousOnTime: 7 }), raw('No cohort', 'none', { students: 12, active: 10, requests: 30, conversations: 10, thankYousOnTime: 8 })]));
    expect(byName(rows, 'Tiny')).toMatchObject({ students: '<5', active: 'hidden', requests: 'hidden', conversations: 'hidden', thankYousOnTime: 'hidden' });
  });

  it('hides a second number in a column so the total less the others never gives a held-back one', () => {
    const parts = [
      raw('Big', 'cohort', { students: 40, active: 30, requests: 80, conversations: 20, thankYousOnTime: 15 }),
      raw('Tiny', 'cohort', { students: 3, active: 3, requests: 25, conversations: 9, thankYousOnTime: 7 }),
      raw('No cohort', 'none', { students: 12, active: 10, requests: 30, conversations: 10, thankYousOnTime: 3 }),
    ];
    const rows = suppress(table(parts));
    for (const k of ['students', 'active', 'requests', 'conversations', 'thankYousOnTime'] as const) {
      expect(derivable(rows, (r) => r[k]), `column ${k}`).toBe(false);
    }
    // The total stays: it is what the centre most wants to see.
    expect(byName(rows, 'All students')).toMatchObject({ students: 55, requests: 135 });
    // Without the complementary cell, Tiny's requests would be 135 - 80 - 30.
    expect(byName(rows, 'No cohort').requests).toBe('hidden');
    expect(byName(rows, 'Big').requests).toBe(80);
  });

  it('never leaves a <5 narrowed down: a complementary cell of exactly 5 beside a 0 is not enough', () => {
    const parts = [raw('A', 'cohort', { students: 20, requests: 0 }), raw('B', 'cohort', { students: 20, requests: 5 }), raw('C', 'cohort', { students: 20, requests: 60 })];
    const rows = suppress(table(parts));
    // 65 - 60 = 5 = A + B, and B >= 5 would give A = 0: so C is hidden rather than B.
    expect(rows.map((r) => r.requests)).toEqual([65, '<5', 5, 'hidden']);
  });

  it('judges a line protected only when every held-back number keeps its whole range', () => {
    expect(protectedLine([])).toBe(true);
    expect(protectedLine([{ value: 3, mark: '<5', guarded: false }])).toBe(false);
    expect(protectedLine([{ value: 4, mark: '<5', guarded: false }, { value: 4, mark: '<5', guarded: false }])).toBe(false);
    expect(protectedLine([{ value: 0, mark: '<5', guarded: false }, { value: 5, mark: 'hidden', guarded: false }])).toBe(false);
    expect(protectedLine([{ value: 0, mark: '<5', guarded: false }, { value: 9, mark: 'hidden', guarded: false }])).toBe(true);
    expect(protectedLine([{ value: 7, mark: 'hidden', guarded: true }])).toBe(false);
    expect(protectedLine([{ value: 7, mark: 'hidden', guarded: true }, { value: 30, mark: 'hidden', guarded: false }])).toBe(true);
  });

  it('hides the total when nothing else in its column can protect a small number', () => {
    const rows = suppress(table([raw('A', 'cohort', { students: 30, requests: 3 }), raw('No cohort', 'none', { students: 6, requests: 0 })]));
    // 3 + 0: two <5s and a total of 3 would pin both down; there is no shown cell left to hide.
    expect(byName(rows, 'All students').requests).toBe('<5');
    const rows2 = suppress(table([raw('A', 'cohort', { students: 30, requests: 3 }), raw('No cohort', 'none', { students: 6, requests: 6 })]));
    // 9 = 3 + 6: hiding the 6 leaves the 3 anywhere from 0 to 4.
    expect(rows2.map((r) => r.requests)).toEqual([9, '<5', 'hidden']);
  });

  it('protects the weeks of a group against each other and each week across the groups', () => {
    const rows = suppress(table([raw('A', 'cohort', { students: 30, requests: 100, conversations: 80 }, eightWeeks(12, 2)), raw('B', 'cohort', { students: 30, requests: 100, conversations: 80 }, eightWeeks(10, 9)), raw('No cohort', 'none', { students: 30, requests: 90, conversations: 80 }, eightWeeks(11, 10))]));
    for (const row of rows) {
      const held = row.trend.filter((t) => typeof t.requests !== 'number').length;
      const small = row.trend.some((t) => t.requests === '<5');
      expect(!small || held >= 2, `${row.group.name}: a small week's requests could be worked out from the rest`).toBe(true);
    }
    for (let w = 0; w < 8; w++) expect(derivable(rows, (r) => r.trend[w]!.requests), `week ${w}`).toBe(false);
    expect(byName(rows, 'A').trend[7]!.requests).toBe('<5');
  });

  it('lets an empty group be: nobody in it to protect, and its zeros protect nobody', () => {
    const rows = suppress(table([raw('A', 'cohort', { students: 30, requests: 40 }), raw('B', 'cohort', { students: 20, requests: 25 }), raw('No cohort', 'none', {})]));
    expect(rows.map((r) => [r.students, r.requests])).toEqual([
      [50, 65],
      [30, 40],
      [20, 25],
      ['<5', 'hidden'],
    ]);
    // One student in no cohort is another matter: their count must not be the total less the cohorts'.
    const one = suppress(table([raw('A', 'cohort', { students: 30, requests: 40 }), raw('B', 'cohort', { students: 20, requests: 25 }), raw('No cohort', 'none', { students: 1, requests: 7 })]));
    expect(derivable(one, (r) => r.requests)).toBe(false);
    expect(one.filter((r) => r.requests === 'hidden')).toHaveLength(2);
  });

  it('works the weeks out alike in every report, and a period of exactly one week hides at least what that week hides', () => {
    const exactWeek = suppress(table(lastWeekGroups(0)), { periodIsWeek: 7 });
    const otherPeriod = suppress(table(lastWeekGroups(60)));
    expect(exactWeek.map((r) => r.trend)).toEqual(otherPeriod.map((r) => r.trend));
    // Each group's one busy week is hidden (the other seven are <5, so it alone would give their total away) ...
    expect(exactWeek.slice(1).every((r) => r.trend[7]!.requests === 'hidden')).toBe(true);
    // ... and so is the same number as the period's.
    for (const row of exactWeek) if (row.trend[7]!.requests === 'hidden') expect(row.requests, row.group.name).toBe('hidden');
    // A period with other numbers is not tied to the week, nor one that only happens to have the same numbers.
    expect(byName(otherPeriod, 'A').requests).toBe(60);
    expect(byName(suppress(table(lastWeekGroups(0))), 'A').requests).toBe(40);
  });

  it('treats every row the same whichever group is later picked', () => {
    const parts = [raw('A', 'cohort', { students: 30, requests: 3 }), raw('B', 'cohort', { students: 30, requests: 40 }), raw('C', 'cohort', { students: 30, requests: 50 })];
    expect(suppress(table(parts))).toEqual(suppress(table(parts)));
  });
});

describe('the CSV', () => {
  it('writes <5 and hidden as they are, one line per group, and guards cohort names against formulas', () => {
    const rows = suppress(table([raw('=cmd', 'cohort', { students: 30, requests: 3, active: 8 }, [[6, 0]]), raw('No cohort', 'none', { students: 2 }, [[0, 0]])]));
    const csv = reportCsv({ weeks: [{ week: '2026-W49', start: '2026-11-30' }], rows });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Group","Students","Active students","Requests sent","Conversations held","Thank-yous on time","Requests 2026-W49","Conversations 2026-W49"');
    expect(lines[1]).toMatch(/^"All students","32","hidden","<5",/);
    expect(lines[2]).toMatch(/^"'=cmd","hidden","hidden","<5",/);
    expect(lines[3]).toBe('"No cohort","<5","hidden","hidden","hidden","hidden","hidden","hidden"');
    expect(reportFileName('MSc Finance 2027', { from: '2026-11-05', to: '2026-12-02' })).toBe('inroads-report-msc-finance-2027-2026-11-05-to-2026-12-02.csv');
  });
});

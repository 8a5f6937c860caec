import { validationError } from '../../shared/errors.js';
import { SMALLEST_SHOWN, type CohortReport, type ReportCell, type ReportGroupKind, type ReportPeriod, type ReportRow, type ReportWeek } from '../../shared/schemas/reports.js';
import { csvCell } from '../exports/formats.js';

const DAY = 86_400_000;
/** How many weeks the trend shows, the current one last. */
export const TREND_WEEKS = 8;
/** The academic year starts on 1 September (month index 8). */
export const ACADEMIC_YEAR_MONTH = 8;

/** The instants a report counts between: `start` included, `end` excluded (UTC days). */
export interface ReportWindow {
  kind: ReportPeriod;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (included), YYYY-MM-DD. */
  to: string;
  start: string;
  end: string;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const midnight = (ms: number) => Math.floor(ms / DAY) * DAY;

/**
 * The days a report covers, in UTC: the last 4 or 12 weeks up to today, the
 * academic year so far (from 1 September), or the days chosen (both included).
 */
export function reportWindow({ period, from, to, now }: { period: ReportPeriod; from?: string | undefined; to?: string | undefined; now: string }): ReportWindow {
  const today = midnight(Date.parse(now));
  let first: number;
  let last = today;
  switch (period) {
    case 'last-4-weeks':
      first = today - 27 * DAY;
      break;
    case 'last-12-weeks':
      first = today - 83 * DAY;
      break;
    case 'academic-year': {
      const d = new Date(today);
      const year = d.getUTCMonth() >= ACADEMIC_YEAR_MONTH ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
      first = Date.UTC(year, ACADEMIC_YEAR_MONTH, 1);
      break;
    }
    case 'range': {
      if (!from) throw validationError([{ field: 'from', message: 'is needed for a range of days' }]);
      if (!to) throw validationError([{ field: 'to', message: 'is needed for a range of days' }]);
      first = Date.parse(`${from}T00:00:00.000Z`);
      last = Date.parse(`${to}T00:00:00.000Z`);
      if (last < first) throw validationError([{ field: 'to', message: 'must not be before the first day' }]);
      break;
    }
  }
  return { kind: period, from: dayOf(first), to: dayOf(last), start: new Date(first).toISOString(), end: new Date(last + DAY).toISOString() };
}

/** The ISO week (e.g. 2026-W49) that starts on a Monday at `mondayMs` (UTC). */
export function isoWeek(mondayMs: number): string {
  const thursday = new Date(mondayMs + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The last TREND_WEEKS ISO weeks (Monday to Sunday, UTC) up to the one `now` is in, and the instants between them (one more than the weeks). */
export function trendWeeks(now: string): { weeks: ReportWeek[]; bounds: string[] } {
  const today = midnight(Date.parse(now));
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  const starts = Array.from({ length: TREND_WEEKS }, (_, i) => monday - (TREND_WEEKS - 1 - i) * 7 * DAY);
  return {
    weeks: starts.map((s) => ({ week: isoWeek(s), start: dayOf(s) })),
    bounds: [...starts, monday + 7 * DAY].map((ms) => new Date(ms).toISOString()),
  };
}

/** What one student did in the report's period and weeks: counts only, read by aggregates in their workspace. */
export interface StudentActivity {
  /** Took a step in the period: a request, a conversation, a thank-you or any logged interaction. */
  active: boolean;
  requests: number;
  conversations: number;
  /** Conversations held in the period whose thank-you went out on time (week.rules' thankedOnTime). */
  thankYousOnTime: number;
  /** Requests sent and conversations held in each trend week. */
  weekly: ReadonlyArray<{ requests: number; conversations: number }>;
}

export const NO_ACTIVITY = (weeks: number): StudentActivity => ({
  active: false,
  requests: 0,
  conversations: 0,
  thankYousOnTime: 0,
  weekly: Array.from({ length: weeks }, () => ({ requests: 0, conversations: 0 })),
});

/** A group's exact counts, before anything is held back. */
export interface RawRow {
  group: { kind: ReportGroupKind; id: string | null; name: string };
  students: number;
  active: number;
  requests: number;
  conversations: number;
  thankYousOnTime: number;
  trend: Array<{ requests: number; conversations: number }>;
}

/**
 * Adds the students' counts up by group: all students first, then each cohort (by
 * name), then the students in no cohort. Every student is in exactly one of the
 * groups after the first, so those add up to the first.
 */
export function groupCounts({
  cohorts,
  students,
  weeks,
}: {
  cohorts: ReadonlyArray<{ id: string; name: string }>;
  students: ReadonlyArray<{ cohortId: string | null; activity: StudentActivity }>;
  weeks: number;
}): RawRow[] {
  const empty = (kind: ReportGroupKind, id: string | null, name: string): RawRow => ({
    group: { kind, id, name },
    students: 0,
    active: 0,
    requests: 0,
    conversations: 0,
    thankYousOnTime: 0,
    trend: Array.from({ length: weeks }, () => ({ requests: 0, conversations: 0 })),
  });
  const all = empty('all', null, 'All students');
  const byCohort = new Map([...cohorts].sort((a, b) => a.name.localeCompare(b.name)).map((c) => [c.id, empty('cohort', c.id, c.name)]));
  const none = empty('none', null, 'No cohort');
  const add = (row: RawRow, a: StudentActivity) => {
    row.students += 1;
    row.active += a.active ? 1 : 0;
    row.requests += a.requests;
    row.conversations += a.conversations;
    row.thankYousOnTime += a.thankYousOnTime;
    a.weekly.forEach((w, i) => {
      const cell = row.trend[i];
      if (cell) {
        cell.requests += w.requests;
        cell.conversations += w.conversations;
      }
    });
  };
  for (const s of students) {
    add(all, s.activity);
    add((s.cohortId !== null && byCohort.get(s.cohortId)) || none, s.activity);
  }
  return [all, ...byCohort.values(), none];
}

/** One number's place in the table: its row and its column (see columnsOf). */
interface Cell {
  row: number;
  value: number;
  /** Held back and must not be worked out, though not a `<5`: a small group's, or nearly all of its whole. */
  guarded: boolean;
  /** `<5`: held back for being small. `hidden`: held back to protect another, or its group is too small. */
  mark: 'shown' | '<5' | 'hidden';
}

const PERIOD_COLUMNS = ['students', 'active', 'requests', 'conversations', 'thankYousOnTime'] as const;
const TREND_METRICS = ['requests', 'conversations'] as const;
/** Counts that are part of another in the same row (column indexes): active students of students, thank-yous on time of conversations. */
const PART_OF = [
  [1, 0],
  [4, 3],
] as const;

/**
 * Whether the held-back numbers of one line (a column across the groups, whose
 * total is shown; or one group's weeks, whose total a report of those very days
 * would show) can be worked out. What a reader knows: a `<5` is 0 to 4; a
 * `hidden` one is at least 5 (else it would say `<5`), except a guarded one (a
 * small group's, or nearly all of its whole), which could be anything; the
 * held-back numbers add up to the total less the shown ones. They stay protected when
 *  - some held-back number has no upper bound (a `hidden` one) whenever there is a `<5`,
 *    and two of them when a guarded one is among them (so it is never the difference alone);
 *  - the sum, less every other one's least possible value, still leaves room for 4:
 *    no `<5` can be narrowed to fewer than its five possible values.
 */
export function protectedLine(held: ReadonlyArray<{ value: number; mark: '<5' | 'hidden'; guarded: boolean }>): boolean {
  // Only a `<5` or a guarded number needs protecting: a hidden 5 or more may be worked out.
  const sensitive = held.filter((c) => c.mark === '<5' || c.guarded);
  if (sensitive.length === 0) return true;
  const unbounded = held.filter((c) => c.mark === 'hidden').length;
  const needUnbounded = sensitive.some((c) => c.mark === 'hidden') ? 2 : 1;
  if (unbounded < needUnbounded) return false;
  const sum = held.reduce((n, c) => n + c.value, 0);
  const least = held.reduce((n, c) => n + (c.mark === 'hidden' && !c.guarded ? SMALLEST_SHOWN : 0), 0);
  return sum - least >= SMALLEST_SHOWN - 1;
}

/**
 * Holds back what could single a student out, on the whole table at once (so a
 * row looks the same whichever group is picked):
 *  1. a group with fewer than 5 students shows `<5` students and nothing else (one with none at all
 *     takes no part in step 3);
 *  2. any count under 5, zero included, shows as `<5` (a 0 would say something about
 *     every student of the group), and so, as `hidden`, does a count within 4 of the
 *     one it is part of (active students of students, thank-yous on time of conversations:
 *     "all 8 were active" says as much about each of them as "none was");
 *  3. so that no held-back number can be worked out by subtraction, in each column
 *     across the groups (they add up to all students) and in each group's weeks, more
 *     cells are hidden until protectedLine holds: the smallest shown one that is big
 *     enough to leave room, else the largest; a column with nothing left to hide hides its total;
 *  4. the weeks are worked out first, on their own (so they are the same in every report of the
 *     day), repeating until nothing changes; a period of exactly one of the weeks (`periodIsWeek`,
 *     its index) then hides at least what that week hides.
 */
export function suppress(rows: readonly RawRow[], { periodIsWeek = null }: { periodIsWeek?: number | null } = {}): ReportRow[] {
  const weeks = rows[0]?.trend.length ?? 0;
  const small = rows.map((r) => r.students < SMALLEST_SHOWN);
  // columns: the period's five, then requests and conversations of each week.
  const columns: Array<(r: RawRow) => number> = [
    ...PERIOD_COLUMNS.map((k) => (r: RawRow) => r[k]),
    ...Array.from({ length: weeks }, (_, w) => TREND_METRICS.map((m) => (r: RawRow) => r.trend[w]?.[m] ?? 0)).flat(),
  ];
  const grid: Cell[][] = rows.map((r, row) =>
    columns.map((get, col) => {
      const value = get(r);
      if (small[row]) return { row, value, guarded: col !== 0, mark: col === 0 ? '<5' : 'hidden' };
      return { row, value, guarded: false, mark: value < SMALLEST_SHOWN ? '<5' : 'shown' };
    }),
  );
  // "All 8 were active" says as much about each of them as "none was": a part within 4 of its whole is held back too.
  grid.forEach((cells, row) => {
    if (small[row]) return;
    for (const [part, whole] of PART_OF) {
      const p = cells[part]!;
      const w = cells[whole]!;
      if (p.mark === 'shown' && w.value - p.value < SMALLEST_SHOWN) {
        p.mark = 'hidden';
        p.guarded = true;
      }
    }
  });
  // A group with no students at all has nobody to single out, and its zeros protect nobody else either (an admin may know it is empty).
  const empty = rows.map((r) => r.students === 0);
  const heldOf = (cells: Cell[]) => cells.filter((c) => c.mark !== 'shown' && !empty[c.row]).map((c) => ({ value: c.value, mark: c.mark as '<5' | 'hidden', guarded: c.guarded }));
  /** Hides one more shown cell of the line; false when none is left. */
  const hideOneMore = (cells: Cell[]): boolean => {
    const shown = cells.filter((c) => c.mark === 'shown').sort((a, b) => a.value - b.value);
    if (shown.length === 0) return false;
    const held = heldOf(cells);
    const room = held.reduce((n, c) => n + c.value - (c.mark === 'hidden' && !c.guarded ? SMALLEST_SHOWN : 0), 0);
    const needed = SMALLEST_SHOWN - 1 - room;
    const pick = shown.find((c) => c.value - SMALLEST_SHOWN >= needed) ?? shown.at(-1)!;
    pick.mark = 'hidden';
    return true;
  };
  const partition = rows.map((_, i) => i).filter((i) => rows[i]?.group.kind !== 'all');
  const total = rows.findIndex((r) => r.group.kind === 'all');
  /** Across the groups, against the total: hides until the column is protected (or hides the total); true when it hid anything. */
  const protectColumn = (col: number): boolean => {
    const totalCell = grid[total]?.[col];
    if (!totalCell || totalCell.mark !== 'shown') return false;
    const line = partition.map((i) => grid[i]![col]!);
    let hid = false;
    while (!protectedLine(heldOf(line))) {
      hid = true;
      if (!hideOneMore(line)) {
        totalCell.mark = 'hidden';
        break;
      }
    }
    return hid;
  };
  const trendColumn = (w: number, m: number) => PERIOD_COLUMNS.length + w * TREND_METRICS.length + m;

  // The weeks first, on their own: they come out the same whatever period is asked for. Each week across the
  // groups, and within each group one week against the others (a report of exactly those weeks shows their total).
  // Hiding only ever adds hidden cells, so this ends: at worst with everything hidden.
  let changed = true;
  while (changed) {
    changed = false;
    for (let w = 0; w < weeks; w++) for (let m = 0; m < TREND_METRICS.length; m++) changed = protectColumn(trendColumn(w, m)) || changed;
    for (const cells of grid) {
      for (let m = 0; m < TREND_METRICS.length; m++) {
        const line = Array.from({ length: weeks }, (_, w) => cells[trendColumn(w, m)]!);
        while (!protectedLine(heldOf(line)) && hideOneMore(line)) changed = true;
      }
    }
  }
  // A period of exactly one of the weeks hides at least what that week hides, so it never shows a number the week keeps back.
  if (periodIsWeek !== null && periodIsWeek >= 0 && periodIsWeek < weeks) {
    TREND_METRICS.forEach((metric, m) => {
      const period = PERIOD_COLUMNS.indexOf(metric);
      const week = trendColumn(periodIsWeek, m);
      for (const cells of grid) {
        if (cells[week]!.mark === 'hidden' && cells[period]!.mark === 'shown') {
          cells[period]!.mark = 'hidden';
          cells[period]!.guarded = cells[week]!.guarded;
        }
      }
    });
  }
  // Then the period's columns, each on its own.
  for (let col = 0; col < PERIOD_COLUMNS.length; col++) protectColumn(col);
  const show = (c: Cell | undefined): ReportCell => (!c || c.mark === '<5' ? '<5' : c.mark === 'hidden' ? 'hidden' : c.value);
  return rows.map((r, row) => {
    const cells = grid[row]!;
    return {
      group: r.group,
      students: show(cells[0]),
      active: show(cells[1]),
      requests: show(cells[2]),
      conversations: show(cells[3]),
      thankYousOnTime: show(cells[4]),
      trend: Array.from({ length: weeks }, (_, w) => ({
        requests: show(cells[PERIOD_COLUMNS.length + w * 2]),
        conversations: show(cells[PERIOD_COLUMNS.length + w * 2 + 1]),
      })),
    };
  });
}

/** The report as CSV: one line per group, the period's counts then each week's; held-back counts read `<5` or `hidden`. */
export function reportCsv(report: Pick<CohortReport, 'weeks' | 'rows'>): string {
  const header = [
    'Group',
    'Students',
    'Active students',
    'Requests sent',
    'Conversations held',
    'Thank-yous on time',
    ...report.weeks.flatMap((w) => [`Requests ${w.week}`, `Conversations ${w.week}`]),
  ];
  const lines = report.rows.map((r) => [r.group.name, r.students, r.active, r.requests, r.conversations, r.thankYousOnTime, ...r.trend.flatMap((t) => [t.requests, t.conversations])]);
  return `${[header, ...lines].map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The file name a downloaded report gets: the group and the days, e.g. inroads-report-msc-finance-2026-11-04-to-2026-12-01.csv. */
export function reportFileName(group: string, window: Pick<ReportWindow, 'from' | 'to'>): string {
  const slug = group.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'group';
  return `inroads-report-${slug}-${window.from}-to-${window.to}.csv`;
}

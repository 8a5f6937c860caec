import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview } from '../../../test/fixtures/builders.js';
import { dialects } from '../../../test/fixtures/databases.js';
import { createMultiUserApp, type MultiUserTestApp } from '../../../test/fixtures/multi-user.js';
import { createUser } from '../accounts/accounts.usecases.js';
import { createInteraction } from '../interactions/interactions.usecases.js';
import { fixedClock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import type { ReportCell, ReportRow } from '../../shared/schemas/reports.js';
import type { AppContext } from '../repositories.js';
import { thankedOnTime, THANK_YOU_HOURS } from '../week/week.rules.js';
import { cohortIdByName, cohortReport, cohortReportCsv } from './reports.usecases.js';
import { reportWindow, trendWeeks } from './reports.rules.js';

/** Wednesday 2 December 2026: the last 4 weeks are 5 November to 2 December; the trend's last week began Monday 30 November. */
const NOW = '2026-12-02T10:14:00.000Z';
const clock = fixedClock(NOW);

/** A student's steps, seeded through the use cases in their own workspace. */
interface Steps {
  requests?: string[];
  /** [heldAt, thankedAt | null] */
  conversations?: Array<[string, string | null]>;
  interactions?: string[];
}

async function seed(ctx: AppContext, steps: Steps) {
  const contact = await aContact(ctx, { name: 'Pat Person' });
  for (const requestedAt of steps.requests ?? []) await anInterview(ctx, { contactId: contact.id, status: 'requested', requestedAt });
  for (const [heldAt, thankedAt] of steps.conversations ?? []) {
    await anInterview(ctx, thankedAt ? { contactId: contact.id, status: 'thanked', requestedAt: '2026-10-01T09:00:00.000Z', heldAt, thankedAt } : { contactId: contact.id, status: 'held', heldAt });
  }
  for (const occurredAt of steps.interactions ?? []) await createInteraction({ ctx, input: { contactId: contact.id, kind: 'note', occurredAt, summary: 'Read up on them' } as never });
}

const shown = (c: ReportCell) => typeof c === 'number';

const HELD = '2026-11-25T15:00:00.000Z'; // Wednesday of 2026-W48
const ON_TIME = '2026-11-26T15:00:00.000Z'; // exactly 24 hours later
const LATE = '2026-11-26T15:00:00.001Z';

describe.each(dialects)('the cohort report on %s', (dialect) => {
  let t: MultiUserTestApp;
  const ids: Record<string, string> = {};
  const cohort = { history: newId(), finance: newId() };
  const open = <T>(userId: string, work: (ctx: AppContext) => Promise<T>) => t.workspaces.use(userId, work);

  const student = async (key: string, cohortId: string | null, steps: Steps) => {
    const { user } = await createUser({ ctx: t.control, input: { email: `${key}@uni.example`, name: key, role: 'explorer', password: 'correct horse battery staple' } });
    ids[key] = user.id;
    if (cohortId) await t.handle.db.updateTable('users').set({ cohortId }).where('id', '=', user.id).execute();
    await t.workspaces.use(user.id, (ctx) => seed(ctx, steps));
  };

  beforeAll(async () => {
    t = await createMultiUserApp(dialect, clock);
    for (const [id, name] of [
      [cohort.history, 'BA History 2027'],
      [cohort.finance, 'MSc Finance 2027'],
    ] as const) {
      await t.handle.db.insertInto('cohorts').values({ id, name, createdAt: NOW, updatedAt: NOW }).execute();
    }
    // BA History: 6 students. Five asked and held a conversation in W48 (three thanked on time, one a millisecond late, one not at all);
    // the sixth only logged a note, which makes her active too. One old request falls outside both the period and the trend.
    await student('h0', cohort.history, { requests: ['2026-11-24T09:00:00.000Z', '2026-06-01T09:00:00.000Z'], conversations: [[HELD, ON_TIME]] });
    await student('h1', cohort.history, { requests: ['2026-11-24T09:00:00.000Z'], conversations: [[HELD, ON_TIME]] });
    await student('h2', cohort.history, { requests: ['2026-12-01T09:00:00.000Z'], conversations: [[HELD, '2026-11-25T18:00:00.000Z']] });
    await student('h3', cohort.history, { requests: ['2026-11-24T09:00:00.000Z'], conversations: [[HELD, LATE]] });
    await student('h4', cohort.history, { requests: ['2026-11-24T09:00:00.000Z'], conversations: [[HELD, null]] });
    await student('h5', cohort.history, { interactions: ['2026-11-20T12:00:00.000Z'] });
    // MSc Finance: 3 students, busy ones.
    for (const key of ['f0', 'f1', 'f2']) await student(key, cohort.finance, { requests: ['2026-11-10T09:00:00.000Z', '2026-11-30T09:00:00.000Z'] });
    // No cohort: 5 students, one active long ago only.
    await student('n0', null, { requests: ['2026-11-12T09:00:00.000Z', '2026-11-13T09:00:00.000Z', '2026-11-16T09:00:00.000Z', '2026-11-17T09:00:00.000Z', '2026-11-18T09:00:00.000Z', '2026-11-19T09:00:00.000Z'] });
    for (const key of ['n1', 'n2', 'n3']) await student(key, null, { requests: ['2026-11-23T09:00:00.000Z'] });
    await student('n4', null, { requests: ['2026-01-05T09:00:00.000Z'] });
    // Coaches and admins are not students.
    await createUser({ ctx: t.control, input: { email: 'coach@uni.example', name: 'Cora', role: 'coach', password: 'correct horse battery staple' } });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('counts one student’s steps by aggregates in their own workspace, with the weekly review’s thank-you rule', async () => {
    const window = reportWindow({ period: 'last-4-weeks', now: NOW });
    const { bounds } = trendWeeks(NOW);
    const read = (key: string) => open(ids[key]!, (ctx) => ctx.repos.reports.activity({ start: window.start, end: window.end, bounds, thankYouHours: THANK_YOU_HOURS }));
    const h0 = await read('h0');
    expect(h0).toMatchObject({ active: true, requests: 1, conversations: 1, thankYousOnTime: 1 });
    // W48 (23–29 November) is the seventh of the eight weeks: the request and the conversation land there; June's nowhere.
    expect(h0.weekly.map((w) => [w.requests, w.conversations])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [1, 1], [0, 0]]);
    // The SQL agrees with the pure rule at its edge: exactly 24 hours is on time, a millisecond more is late.
    expect(thankedOnTime({ heldAt: HELD, thankedAt: ON_TIME })).toBe(true);
    expect(thankedOnTime({ heldAt: HELD, thankedAt: LATE })).toBe(false);
    expect((await read('h3')).thankYousOnTime).toBe(0);
    expect((await read('h4')).thankYousOnTime).toBe(0);
    expect(await read('h5')).toMatchObject({ active: true, requests: 0, conversations: 0 });
    expect((await read('h2')).weekly.at(-1)).toEqual({ requests: 1, conversations: 0 });
    expect(await read('n4')).toMatchObject({ active: false, requests: 0 });
  });

  it('adds the groups up and holds back what could single someone out', async () => {
    const report = await cohortReport({ control: t.control, open, query: { period: 'last-4-weeks' } });
    expect(report.period).toEqual({ kind: 'last-4-weeks', from: '2026-11-05', to: '2026-12-02' });
    expect(report.weeks.at(-1)).toEqual({ week: '2026-W49', start: '2026-11-30' });
    expect(report.cohorts.map((c) => c.name)).toEqual(['BA History 2027', 'MSc Finance 2027']);
    expect(report.rows.map((r) => r.group.name)).toEqual(['All students', 'BA History 2027', 'MSc Finance 2027', 'No cohort']);
    const [all, history, finance, none] = report.rows as [ReportRow, ReportRow, ReportRow, ReportRow];
    // 14 students; 5 + 6 + 9 = 20 requests; 3 thanked on time (<5). 13 of the 14 took a step (not n4): within 4 of
    // the whole, so held back ("all but one" would say as much about each as "none").
    expect(all).toMatchObject({ students: 14, active: 'hidden', requests: 20, thankYousOnTime: '<5' });
    expect(finance).toMatchObject({ students: '<5', active: 'hidden', requests: 'hidden', conversations: 'hidden', thankYousOnTime: 'hidden' });
    expect(finance.trend.every((w) => w.requests === 'hidden' && w.conversations === 'hidden')).toBe(true);
    // Finance's 3 students are protected by hiding History's 6 (hiding No cohort's 5 instead would leave 14 - 6 - 5 = 3 for
    // Finance plus at least 5 for No cohort: Finance pinned below 4). History's 5 requests likewise protect Finance's 6.
    expect(history).toMatchObject({ students: 'hidden', requests: 'hidden' });
    expect(none).toMatchObject({ students: 5, requests: 9, active: '<5' });
    // All 5 conversations are History's: showing the total would tell that Finance and No cohort held none.
    expect(all.conversations).toBe('hidden');
    // No held-back number of a column can be worked out as the total less the rest.
    for (const key of ['students', 'active', 'requests', 'conversations', 'thankYousOnTime'] as const) {
      if (!shown(all[key])) continue;
      expect([history, finance, none].filter((r) => !shown(r[key])).length, key).not.toBe(1);
    }
  });

  it('picks one group out of the same table, by id or (for the command line) by name', async () => {
    const whole = await cohortReport({ control: t.control, open, query: { period: 'last-4-weeks' } });
    const picked = await cohortReport({ control: t.control, open, query: { period: 'last-4-weeks', cohort: cohort.history } });
    expect(picked.rows).toEqual([whole.rows[0], whole.rows[1]]);
    const none = await cohortReport({ control: t.control, open, query: { period: 'last-4-weeks', cohort: 'none' } });
    expect(none.rows.map((r) => r.group.kind)).toEqual(['all', 'none']);
    expect(await cohortIdByName({ control: t.control, name: 'msc finance 2027' })).toBe(cohort.finance);
    await expect(cohortIdByName({ control: t.control, name: 'Nobody' })).rejects.toMatchObject({ code: 'reports.no_cohort', status: 404 });
    await expect(cohortReport({ control: t.control, open, query: { period: 'last-4-weeks', cohort: newId() } })).rejects.toMatchObject({ code: 'reports.no_cohort' });
  });

  it('covers the period asked for: a range of days, or this academic year', async () => {
    const november = await cohortReport({ control: t.control, open, query: { period: 'range', from: '2026-11-01', to: '2026-11-30' } });
    // History 4 (<5), Finance 6 (hidden, a small group), No cohort 9 (hidden to protect them): 19 in all.
    expect(november.period).toEqual({ kind: 'range', from: '2026-11-01', to: '2026-11-30' });
    expect(november.rows[0]).toMatchObject({ requests: 19 });
    expect(november.rows.map((r) => r.requests)).toEqual([19, '<5', 'hidden', 'hidden']);
    // Exactly 2026-W48: the period never shows a count that week keeps back in the trend.
    const w48 = await cohortReport({ control: t.control, open, query: { period: 'range', from: '2026-11-23', to: '2026-11-29' } });
    expect(w48.weeks[6]?.week).toBe('2026-W48');
    expect(w48.rows.some((r) => r.trend[6]!.requests === 'hidden')).toBe(true);
    for (const r of w48.rows) {
      if (r.trend[6]!.requests === 'hidden') expect(r.requests, r.group.name).toBe('hidden');
      if (r.trend[6]!.conversations === 'hidden') expect(r.conversations, r.group.name).toBe('hidden');
    }
    const year = await cohortReport({ control: t.control, open, query: { period: 'academic-year' } });
    expect(year.period).toMatchObject({ from: '2026-09-01', to: '2026-12-02' });
    // n4's January request is in last academic year: still 13 of 14 active, so that stays held back.
    // The four thanked conversations were asked for on 1 October: in the year, not in the last 4 weeks (20 + 4).
    expect(year.rows[0]).toMatchObject({ students: 14, active: 'hidden', requests: 24 });
  });

  it('writes the CSV with <5 and a file name of the group and the days', async () => {
    const { fileName, csv } = await cohortReportCsv({ control: t.control, open, query: { period: 'last-4-weeks', cohort: cohort.finance } });
    expect(fileName).toBe('inroads-report-msc-finance-2027-2026-11-05-to-2026-12-02.csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^"MSc Finance 2027","<5","hidden","hidden"/);
  });
});

/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/accounts/accounts.usecases.js';
import { createContact } from '../../src/modules/contacts/contacts.usecases.js';
import { createInterview } from '../../src/modules/interviews/interviews.usecases.js';
import type { AppContext } from '../../src/modules/repositories.js';
import { createAppContext } from '../../src/modules/repositories.js';
import { type RunningMultiUserServer } from '../../src/server/start.js';
import { systemClock } from '../../src/shared/clock.js';
import { newId } from '../../src/shared/ids.js';
import { createContactInput } from '../../src/shared/schemas/contacts.js';
import { createInterviewInput } from '../../src/shared/schemas/interviews.js';
import { assertBrowserAvailable, collectCspViolations, expectAccessible, expectFitsNarrow, hasBrowser, launch, requireBrowser, screenshot, type SharedTestServer, signInWithPassword, startSharedServer } from './browser.js';

assertBrowserAvailable();

const PASSWORD = 'correct horse battery staple';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const MINUTES_A_DAY = 24 * 60;
/** Last week and this week: 8 days ago and 20 minutes ago are always in different ISO weeks, both in the last 4 weeks. */
const LAST_WEEK = 8 * MINUTES_A_DAY;
const THIS_WEEK = 20;

/** A student's steps in their own workspace, through the use cases (the admin's round is what this test is about). */
async function seed(ctx: AppContext, steps: { requests: number[]; held?: { at: number; thankedAfter: number } }) {
  const { contact } = await createContact({ ctx, input: createContactInput.parse({ name: 'Pat Person' }) });
  for (const at of steps.requests) await createInterview({ ctx, input: createInterviewInput.parse({ contactId: contact.id, status: 'requested', requestedAt: ago(at) }) });
  if (steps.held) {
    const { at, thankedAfter } = steps.held;
    // Asked ten weeks ago: before the period and the trend.
    await createInterview({ ctx, input: createInterviewInput.parse({ contactId: contact.id, status: 'thanked', requestedAt: ago(70 * MINUTES_A_DAY), heldAt: ago(at), thankedAt: ago(at - thankedAfter) }) });
  }
}

/** The text of the table row whose cell is `name`. */
const rowText = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) }).first().innerText();

describe.skipIf(!hasBrowser && !requireBrowser)('the cohort report in the browser', () => {
  let browser: Browser;
  let shared: SharedTestServer;
  let server: RunningMultiUserServer;
  let origin: string;
  const csp: string[] = [];

  const newPage = async (width = 1280): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true })).newPage();
    page.setDefaultTimeout(15_000);
    csp.push(...collectCspViolations(page));
    return page;
  };
  const signIn = (page: Page, email: string) => signInWithPassword(page, origin, email, PASSWORD);

  beforeAll(async () => {
    shared = await startSharedServer('report', { email: 'admin@uni.example', password: PASSWORD });
    ({ server, origin } = shared);
    const control = createAppContext(server.handle, systemClock);
    await createUser({ ctx: control, input: { email: 'coach@uni.example', name: 'Cora Coach', role: 'coach', password: PASSWORD } });
    // The cohorts (made on the Administration page in the cohorts work; here straight into the accounts database).
    const history = newId();
    const finance = newId();
    const at = new Date().toISOString();
    for (const [id, name] of [
      [history, 'BA History 2027'],
      [finance, 'MSc Finance 2027'],
    ] as const) {
      await server.handle.db.insertInto('cohorts').values({ id, name, createdAt: at, updatedAt: at }).execute();
    }
    const student = async (email: string, cohortId: string | null, steps: Parameters<typeof seed>[1]) => {
      const { user } = await createUser({ ctx: control, input: { email, name: email.split('@')[0] ?? email, role: 'explorer', password: PASSWORD } });
      if (cohortId) await server.handle.db.updateTable('users').set({ cohortId }).where('id', '=', user.id).execute();
      await server.workspaces.use(user.id, (ctx) => seed(ctx, steps));
    };
    // BA History, 8 students: a request last week and one this week each, and a conversation last week (5 thanked within the hour, 3 a day and more later).
    for (let i = 0; i < 8; i++) await student(`h${i}@uni.example`, history, { requests: [LAST_WEEK, THIS_WEEK], held: { at: LAST_WEEK, thankedAfter: i < 5 ? 60 : 25 * 60 } });
    // MSc Finance, 3 students: too few to show anything but "<5".
    for (let i = 0; i < 3; i++) await student(`f${i}@uni.example`, finance, { requests: [LAST_WEEK], held: { at: LAST_WEEK, thankedAfter: 60 } });
    // No cohort, 6 students: a request and a conversation this week.
    for (let i = 0; i < 6; i++) await student(`n${i}@uni.example`, null, { requests: [THIS_WEEK], held: { at: 15, thankedAfter: 5 } });
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await shared?.close();
  });

  it('takes an admin from Administration to the report: every group, one cohort, a small one held back, the CSV', async () => {
    const admin = await newPage();
    await signIn(admin, 'admin@uni.example');
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('link', { name: 'Cohort report' }).click();
    await admin.getByRole('heading', { name: 'Cohort report', level: 1 }).waitFor();
    await admin.getByRole('table', { name: 'Students and their steps, by group' }).waitFor();

    // Every group: 17 students, 25 requests, 17 conversations; Finance (3 students) only "<5"; No cohort hidden to
    // protect Finance (the total less History would otherwise give Finance's numbers). Everyone was active and 14 of
    // the 17 conversations were thanked on time: within 4 of their wholes, so those read "hidden" too.
    expect(await rowText(admin, 'All students')).toMatch(/All students\s+17\s+hidden\s+25\s+17\s+hidden/);
    expect(await rowText(admin, 'BA History 2027')).toMatch(/BA History 2027\s+8\s+hidden\s+16\s+8\s+hidden/);
    expect(await rowText(admin, 'MSc Finance 2027')).toMatch(/MSc Finance 2027\s+<5\s+hidden\s+hidden\s+hidden\s+hidden/);
    expect(await rowText(admin, 'No cohort')).toMatch(/No cohort\s+hidden\s+hidden\s+hidden\s+hidden\s+hidden/);
    await expectAccessible(admin, 'cohort report');
    await screenshot(admin, 'report-1280');

    // One cohort: its row beside all students, and its 8 weeks.
    await admin.getByLabel('Cohort').selectOption({ label: 'BA History 2027' });
    await admin.getByRole('heading', { name: 'The last 8 weeks: BA History 2027' }).waitFor();
    await expect.poll(() => admin.getByRole('row').count()).toBeGreaterThan(8);
    expect(await admin.getByRole('cell', { name: 'MSc Finance 2027' }).count()).toBe(0);
    const weeks = admin.getByRole('table', { name: 'Requests and conversations per week: BA History 2027' });
    expect(await weeks.getByRole('row').count()).toBe(9);
    await screenshot(admin, 'report-cohort-1280');

    // The small cohort, and its CSV.
    await admin.getByLabel('Cohort').selectOption({ label: 'MSc Finance 2027' });
    await admin.getByRole('heading', { name: 'The last 8 weeks: MSc Finance 2027' }).waitFor();
    await admin.getByText(/Every week of MSc Finance 2027 is held back/).waitFor();
    expect(await rowText(admin, 'MSc Finance 2027')).toMatch(/<5\s+hidden/);
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^inroads-report-msc-finance-2027-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^"Group","Students","Active students","Requests sent","Conversations held","Thank-yous on time","Requests \d{4}-W\d\d"/);
    expect(csv[1]).toMatch(/^"All students","17","hidden","25","17","hidden",/);
    expect(csv[2]).toMatch(/^"MSc Finance 2027","<5","hidden","hidden","hidden","hidden",/);

    // Chosen days, and a last day before the first: the field says so.
    await admin.getByLabel('Cohort').selectOption({ label: 'Every group' });
    await admin.getByLabel('Period').selectOption({ label: 'Days I choose' });
    await admin.getByText('Choose the first and the last day.').waitFor();
    await admin.getByLabel('First day').fill('2026-11-30');
    await admin.getByLabel('Last day').fill('2026-11-01');
    await admin.getByText('must not be before the first day').waitFor();
    await admin.getByLabel('Last day').fill('2099-12-31');
    await admin.getByRole('heading', { name: '30 November 2026 to 31 December 2099' }).waitFor();
    expect(csp).toEqual([]);
  });

  it('fits a 375 px screen, and is no page at all for a coach or a student', async () => {
    const admin = await newPage(375);
    await signIn(admin, 'admin@uni.example');
    await admin.goto(`${origin}/admin/report`);
    await admin.getByRole('table', { name: 'Students and their steps, by group' }).waitFor();
    await admin.getByRole('heading', { name: /The last 8 weeks: All students/ }).waitFor();
    await expectFitsNarrow(admin, 'cohort report');
    await expectAccessible(admin, 'cohort report at 375 px');
    await screenshot(admin, 'report-375');

    for (const email of ['coach@uni.example', 'h0@uni.example']) {
      const page = await newPage();
      await signIn(page, email);
      await page.goto(`${origin}/admin/report`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      const status = await page.evaluate(async () => (await fetch('/api/v1/admin/report.csv')).status);
      expect(status, email).toBe(404);
    }
    expect(csp).toEqual([]);
  });
});

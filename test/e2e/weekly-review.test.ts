/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../src/shared/clock.js';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, onboardToFirstPeople, pageOverflow, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const SHOTS = process.env.INROADS_SCREENSHOTS;

/**
 * The weekly routine from a blank workspace, in the web app only: set the targets, send a
 * request, see the week's progress on Today, on the last working day (the server's clock
 * moved to Friday) run the weekly review, then capture a lead in interview mode and see it
 * on the organisation and on Today.
 */
describe.skipIf(!hasBrowser && !requireBrowser)('the weekly routine: targets, progress on Today and the weekly review', () => {
  // A Tuesday morning (the browser and the profile are in UTC).
  const clock = settableClock('2027-03-02T09:00:00Z');
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let csp: string[] = [];
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/week-${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', locale: 'en-GB' });
    await context.clock.install({ time: clock.now() });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    csp = collectCspViolations(page);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('sets targets, counts a request sent on Today, and reviews the week on its last working day', async () => {
    await onboardToFirstPeople(page, server.signInUrl);
    await page.getByRole('heading', { name: 'Your first people' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Maya Costa');
    await page.getByLabel('Organisation').fill('Brightpath Health');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('status').filter({ hasText: 'Maya Costa' }).waitFor();
    await page.getByRole('button', { name: 'Finish and go to Today' }).click();
    await h1('Today').waitFor();

    // Today glances at the week: one person added, nothing sent yet, against the suggested targets.
    const card = page.getByRole('region', { name: /^Your week so far/ });
    await card.getByText('1 of 5').waitFor();
    expect(await card.getByRole('progressbar', { name: 'Requests sent' }).getAttribute('value')).toBe('0');
    await expectAccessible(page, 'today with the week');

    // Set the targets on the review page, opened from the sidebar; a blank is refused, naming the field.
    await nav('Weekly review').click();
    await h1('Weekly review').waitFor();
    const targets = page.getByRole('form', { name: 'Weekly targets' });
    await targets.getByLabel('Requests sent').fill('');
    await targets.getByRole('button', { name: 'Save targets' }).click();
    await targets.getByText('must be a whole number').waitFor();
    await targets.getByLabel('Requests sent').fill('1');
    await targets.getByLabel('Conversations held').fill('0');
    await targets.getByLabel('New people added').fill('1');
    await targets.getByRole('button', { name: 'Save targets' }).click();
    await targets.getByText('Targets saved.').waitFor();
    await expectAccessible(page, 'weekly review with targets');

    // Send a request through the app.
    await nav('Whom to ask').click();
    await h1('Whom to ask next').waitFor();
    await page.getByRole('button', { name: 'Draft request to Maya Costa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request to Maya Costa' });
    await dialog.getByRole('button', { name: 'I sent it' }).click();
    await dialog.getByText('Marked as requested').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Today: the request counts, and all three targets are met.
    await nav('Today').click();
    await h1('Today').waitFor();
    const onTarget = page.getByRole('region', { name: 'Your week so far On target' });
    await onTarget.waitFor();
    expect(await onTarget.getByRole('progressbar', { name: 'Requests sent' }).getAttribute('value')).toBe('1');
    await onTarget.getByText('1 week on target in a row.', { exact: false }).waitFor();
    // Not yet the last working day: the review is there on demand, not pressed.
    await onTarget.getByRole('link', { name: 'Weekly review' }).waitFor();
    await shot('today-1280');

    // Friday afternoon, the last working day: Today proposes the review.
    clock.set('2027-03-05T15:00:00Z');
    await page.clock.setSystemTime(new Date('2027-03-05T15:00:00Z'));
    await page.reload();
    await h1('Today').waitFor();
    await page.getByText('It is the last working day of your week').waitFor();
    await page.getByRole('link', { name: 'Start the weekly review' }).click();
    await h1('Weekly review').waitFor();
    await page.getByText('Your last working day: time to look back and plan the next one.').waitFor();
    const stalled = page.getByRole('region', { name: 'What stalled' });
    await stalled.getByText('no reply after 3 business days', { exact: false }).waitFor();
    expect(await stalled.getByRole('link', { name: 'Maya Costa' }).count()).toBe(1);
    await page.getByRole('region', { name: 'Next week’s first actions' }).waitFor();
    await expectAccessible(page, 'weekly review on Friday');
    await shot('review-1280');

    // Insights: the weeks against the targets, as a chart and as a table.
    await nav('Insights').click();
    await h1('Insights').waitFor();
    const weeks = page.getByRole('region', { name: 'Weeks against your targets' });
    await weeks.getByRole('img', { name: /Weeks against your targets/ }).waitFor();
    const row = weeks.getByRole('row', { name: /2027-03-01/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['2027-03-01', '1', '0', '0', '1', 'Yes']);
    await expectAccessible(page, 'insights with the weeks');
    await shot('insights-1280');

    // On a phone: nothing runs off the side.
    await page.setViewportSize({ width: 375, height: 800 });
    for (const [path, name] of [['/', 'today'], ['/week', 'review'], ['/insights', 'insights']] as const) {
      await page.goto(`${server.origin}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await pageOverflow(page), `${path} at 375 px`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `${name} at 375 px`);
      await shot(`${name}-375`);
    }

    // Later that Friday Maya answers and talks: a lead heard in interview mode (Alt+L) reaches her organisation and Today.
    await page.setViewportSize({ width: 1280, height: 900 });
    await nav('Interviews').click();
    await h1('Interviews').waitFor();
    await page.getByRole('main').getByRole('link', { name: /Maya Costa/ }).first().click();
    await h1('Interview with Maya Costa').waitFor();
    await page.getByRole('button', { name: 'Mark as scheduled' }).click();
    const schedule = page.getByRole('dialog');
    await schedule.getByLabel('Date and time').fill('2027-03-05T16:00');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    clock.set('2027-03-05T16:00:00Z');
    await page.clock.setSystemTime(new Date('2027-03-05T16:00:00Z'));
    await page.getByRole('link', { name: 'Interview mode' }).click();
    await h1(/Talking with Maya Costa/).waitFor();
    await page.keyboard.press('Alt+KeyS');
    await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    await page.keyboard.press('Alt+KeyL');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('im-lead-title');
    await page.keyboard.type('The research team is growing this spring');
    await page.getByLabel('What you heard').press('Enter');
    await page.getByRole('listitem').filter({ hasText: 'The research team is growing this spring' }).waitFor();

    // Leaving interview mode, the interview page links to her organisation.
    await page.getByRole('link', { name: 'Leave interview mode' }).click();
    await h1('Interview with Maya Costa').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Brightpath Health' }).first().click();
    await h1('Brightpath Health').waitFor();
    const leads = page.locator('.leads-card');
    await leads.getByRole('button', { name: 'Edit the lead “The research team is growing this spring”' }).click();
    const lead = page.getByRole('dialog');
    await lead.getByLabel('Next step').fill('Read the team page before asking careers about it');
    await lead.getByLabel('When').fill('2027-03-05T15:30');
    await lead.getByRole('button', { name: 'Save changes' }).click();
    await lead.waitFor({ state: 'detached' });
    await leads.getByText(/Next: Read the team page/).waitFor();
    await expectAccessible(page, 'organisation with a lead');

    await nav('Today').click();
    await h1('Today').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Lead: The research team is growing this spring' }).waitFor();
    await expectAccessible(page, 'today with a lead');
    expect(csp).toEqual([]);
  }, 180_000);
});

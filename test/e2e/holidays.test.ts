/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, onboardToFirstPeople, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const shots = process.env.INROADS_SCREENSHOTS;

/** Choosing where one works in Settings brings that place's public holidays into the working week. */
describe.skipIf(!hasBrowser && !requireBrowser)('public holidays in Settings', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let csp: string[];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    csp = collectCspViolations(page);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('sets a country and region and lists their coming holidays with the user’s days off', async () => {
    await onboardToFirstPeople(page, server.signInUrl);
    await page.getByRole('heading', { name: 'Your first people' }).waitFor();
    await page.goto(`${server.origin}/settings`);
    const coming = page.getByRole('region', { name: 'Coming holidays' });
    await coming.getByText(/Choose a country/).waitFor();

    await page.getByLabel('Country for public holidays').selectOption({ label: 'United Kingdom' });
    await page.getByLabel('Region').selectOption({ label: 'Scotland' });
    const dayOff = `${new Date().getUTCFullYear() + 1}-02-15`;
    await page.getByLabel('Your days off').fill(dayOff);
    await page.getByRole('button', { name: 'Save profile' }).click();

    const list = coming.getByRole('list', { name: 'Holidays and days off' });
    await list.getByText('Your day off').waitFor();
    await expect(list.getByText(/Christmas Day/).first().isVisible()).resolves.toBe(true);
    expect(await list.getByText('(public holiday)').count()).toBeGreaterThan(5);
    expect(await server.api<{ country: string; region: string }>('GET', '/api/v1/profile')).toMatchObject({ country: 'GB', region: 'SCT' });

    // The choice is kept: after a reload the selects show it.
    await page.reload();
    await expect(page.getByLabel('Country for public holidays').inputValue()).resolves.toBe('GB');
    await expect(page.getByLabel('Region').inputValue()).resolves.toBe('SCT');
    await list.getByText('Your day off').waitFor();
    await expectAccessible(page, 'settings with coming holidays');
    // Nothing was changed since the reload: leaving asks nothing.
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.goBack();
    await list.getByText('Your day off').waitFor();
    if (shots) {
      await coming.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/holidays-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: `${shots}/holidays-375.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // A country without regions hides the region select; "None" leaves only the days off.
    await page.getByLabel('Country for public holidays').selectOption({ label: 'Japan' });
    expect(await page.getByLabel('Region').count()).toBe(0);
    await page.getByLabel('Country for public holidays').selectOption('');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(async () => list.getByText('(public holiday)').count()).toBe(0);
    await list.getByText('Your day off').waitFor();
    expect(csp).toEqual([]);
  }, 60_000);
});

/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, pageOverflow, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const SHOTS = process.env.INROADS_SCREENSHOTS;
const clock = (zone: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

describe.skipIf(!hasBrowser && !requireBrowser)("the other person's time zone", () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let cspViolations: string[] = [];
  const ids = { berta: '', interview: '' };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    await server.api('PATCH', '/api/v1/profile', { name: 'Sam Rivera', timeZone: 'Europe/London' });
    const org = await server.api<{ id: string }>('POST', '/api/v1/organizations', { name: 'Spree Analytics', location: 'Berlin, Germany' });
    ids.berta = (await server.api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Berta Brandt', organizationId: org.id })).id;
    ids.interview = (await server.api<{ id: string }>('POST', '/api/v1/interviews', { contactId: ids.berta, status: 'requested' })).id;
    // The user's own clock is London's, whatever the machine's is.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    cspViolations = collectCspViolations(page);
    await page.goto(server.signInUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it("suggests a zone from where the person's organisation is, saves it when accepted, and shows their time on their page", async () => {
    await page.goto(`${server.origin}/people/${ids.berta}`);
    await page.getByRole('heading', { level: 1, name: 'Berta Brandt' }).waitFor();
    await expect.poll(() => page.getByText(/^Their time:/).count()).toBe(0);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Suggested from Berlin, Germany: Europe/Berlin').waitFor();
    await expectAccessible(page, 'person form with a time zone suggestion');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/tz-form-1280.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Use this zone' }).click();
    expect(await dialog.getByLabel('Their time zone').inputValue()).toBe('Europe/Berlin');
    await expect.poll(() => dialog.getByText(/^Suggested from/).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const before = clock('Europe/Berlin').format(new Date());
    const shown = await page.getByText(/^Their time: \d\d:\d\d \(Europe\/Berlin\)$/).textContent();
    const after = clock('Europe/Berlin').format(new Date());
    expect([`Their time: ${before} (Europe/Berlin)`, `Their time: ${after} (Europe/Berlin)`]).toContain(shown);
    expect((await server.api<{ timeZone: string }>('GET', `/api/v1/contacts/${ids.berta}`)).timeZone).toBe('Europe/Berlin');
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/tz-person-375.png`, fullPage: true });
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('dialog').getByLabel('Where they are').fill('Toronto, ON');
    await page.getByRole('dialog').getByText('Suggested from Toronto, ON: America/Toronto').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/tz-form-375.png`, fullPage: true });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows both local times while scheduling, and on the interview once scheduled', async () => {
    await page.goto(`${server.origin}/interviews/${ids.interview}`);
    await page.getByRole('button', { name: 'Mark as scheduled' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date and time').fill('2030-03-20T14:30');
    const both = 'Your time: Wed 20 Mar, 14:30 (Europe/London) · Their time: Wed 20 Mar, 15:30 (Europe/Berlin)';
    await dialog.getByText(both).waitFor();
    await expectAccessible(page, 'schedule dialog with both times');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/tz-schedule-1280.png` });
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('link', { name: 'Interview mode' }).waitFor();
    await page.getByText(both).waitFor();
    const saved = await server.api<{ scheduledAt: string }>('GET', `/api/v1/interviews/${ids.interview}`);
    expect(saved.scheduledAt).toBe('2030-03-20T14:30:00.000Z');
    // In summer both clocks move, and the details follow the new time once it is saved.
    await page.getByLabel('Date and time').fill('2030-07-01T09:00');
    await page.getByText('Your time: Mon 1 Jul, 09:00 (Europe/London) · Their time: Mon 1 Jul, 10:00 (Europe/Berlin)').waitFor();
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/tz-interview-375.png`, fullPage: true });
    expect(cspViolations).toEqual([]);
  });
});

/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, expectAccessible, hasBrowser, launch, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const PEOPLE = 230;
const name = (n: number) => `Person ${String(n).padStart(3, '0')}`;

/** The People list shows its first page with the answer, and fetches the others as it scrolls, page by page. */
describe.skipIf(!hasBrowser && !requireBrowser)('the People list, longer than a page', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    // Setting up: more people than one page (100) holds; the list itself is then used only through the page.
    await server.api('PATCH', '/api/v1/profile', { name: 'Sam Rivera' });
    for (let n = 1; n <= PEOPLE; n++) await server.api('POST', '/api/v1/contacts', { name: name(n) });
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.signInUrl);
  }, 120_000);
  afterAll(() => closeAll(browser, server));

  const list = () => page.getByRole('rowgroup', { name: 'People, scrollable' });

  it('shows the first rows and the count, then the last person after scrolling to the end', async () => {
    await page.goto(`${server.origin}/people`);
    await page.getByText(`${PEOPLE} people`).waitFor();
    await page.getByRole('link', { name: name(1), exact: true }).waitFor();
    await list().evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.getByRole('link', { name: name(PEOPLE), exact: true }).waitFor();
    // Rows from the middle page are there too when scrolled back to them.
    await list().evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
    await page.getByRole('link', { name: name(Math.round(PEOPLE / 2)), exact: true }).waitFor();
    await expectAccessible(page, 'people list, scrolled');
  });

  it('shows a change at once, on every page: a person renamed on the last page and one added', async () => {
    await list().evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.getByRole('link', { name: name(PEOPLE), exact: true }).click();
    await page.getByRole('heading', { name: name(PEOPLE), level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Zoe Zimmer');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Zoe Zimmer', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('button', { name: 'Add person' }).first().click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Aaron Able');
    await page.getByRole('dialog').getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { name: 'Aaron Able', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByText(`${PEOPLE + 1} people`).waitFor();
    await page.getByRole('link', { name: 'Aaron Able', exact: true }).waitFor();
    await list().evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.getByRole('link', { name: 'Zoe Zimmer', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: name(PEOPLE), exact: true }).count()).toBe(0);
  });
});

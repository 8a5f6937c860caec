/// <reference lib="dom" />
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, hasBrowser, launch, newPage, requireBrowser, signIn, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

/** What the server answers when something breaks on its side. */
const failure = (route: Route) =>
  route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Something went wrong on the server.' } }) });

describe.skipIf(!hasBrowser && !requireBrowser)('an interview whose saves fail', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let interview = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    await server.api('PATCH', '/api/v1/profile', { name: 'Sam Rivera' });
    const maya = await server.api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Maya Costa' });
    const scheduledAt = new Date(Date.now() + 3_600_000).toISOString();
    interview = (await server.api<{ id: string }>('POST', '/api/v1/interviews', { contactId: maya.id, status: 'scheduled', scheduledAt })).id;
    page = await newPage(browser);
    await signIn(page, server);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  const alert = () => page.getByRole('alert').filter({ hasText: 'Something went wrong on the server.' });

  it('shows why ticking the preparation checklist did not save', async () => {
    await page.goto(`${server.origin}/interviews/${interview}`);
    await page.getByRole('heading', { level: 2, name: 'Preparation' }).waitFor();
    await page.route(`**/api/v1/interviews/${interview}`, (route) => (route.request().method() === 'PATCH' ? failure(route) : route.fallback()));
    await page.getByRole('region', { name: 'Preparation' }).getByRole('checkbox').first().check();
    await expect.poll(() => alert().count()).toBe(1);
    await page.unroute(`**/api/v1/interviews/${interview}`);
  });

  it('shows why ending the conversation failed, and stays in interview mode', async () => {
    await page.goto(`${server.origin}/interviews/${interview}/live`);
    await page.getByRole('heading', { level: 1, name: /Talking with Maya Costa/ }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'End and debrief' }).waitFor();
    await page.route(`**/api/v1/interviews/${interview}/transitions`, failure);
    await page.getByRole('button', { name: 'End and debrief' }).click();
    await expect.poll(() => alert().count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe(`/interviews/${interview}/live`);
    await page.unroute(`**/api/v1/interviews/${interview}/transitions`);
    // Trying again once the server answers ends it as before.
    await page.getByRole('button', { name: 'End and debrief' }).click();
    await page.waitForURL(`**/interviews/${interview}#debrief`);
  });
});

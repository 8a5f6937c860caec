/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer } from '../../src/server/start.js';
import { assertBrowserAvailable, closeAll, expectAccessible, hasBrowser, launch, newPage, pageOverflow, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();


/** What someone trying Inroads for the first time would trip over, found by walking it in the browser. */
describe.skipIf(!hasBrowser && !requireBrowser)('a first look at the web app', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const h1 = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    page = await newPage(browser);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('opens the sample data on Today, and comes back to the set-up', async () => {
    await page.goto(server.signInUrl);
    await page.waitForURL(/\/welcome$/);
    await page.getByRole('button', { name: 'Try it with sample data' }).click();
    await page.getByRole('region', { name: 'Demo workspace' }).waitFor();
    await h1('Today').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('button', { name: 'Back to my workspace' }).click();
    await h1('Welcome to Inroads').waitFor();
    expect(await page.getByRole('region', { name: 'Demo workspace' }).count()).toBe(0);
  });

  it('lines up the labels of a form row when only one field has a hint', async () => {
    await page.getByLabel('Your name').fill('Sam Rivera');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What do you want to explore?').fill('UX research in health tech');
    await page.getByRole('button', { name: 'Start exploring' }).click();
    await page.getByRole('heading', { name: 'Your first people' }).waitFor();
    const top = async (text: string) => (await page.getByText(text, { exact: true }).boundingBox())?.y;
    // Organisation and Seniority carry hints; their neighbours' labels sit level with them.
    expect(await top('Job title')).toBe(await top('Organisation'));
    expect(await top('How you know them')).toBe(await top('Seniority'));
  });

  it('sends someone who skipped adding people to add them, then drafts a request that gives the job title its article', async () => {
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await h1('Today').waitFor();
    await page.getByRole('link', { name: 'Next: add the people you know' }).click();
    await h1('People').waitFor();
    await page.getByRole('button', { name: 'Add person' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Maya Costa');
    await dialog.getByLabel('Job title').fill('UX researcher');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await h1('Maya Costa').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
    await page.getByRole('link', { name: 'Next: choose whom to ask' }).click();
    await page.getByRole('button', { name: 'Draft request to Maya Costa' }).click();
    const message = page.getByRole('dialog', { name: 'Request to Maya Costa' }).getByLabel('Message');
    await expect.poll(() => message.inputValue()).toContain('your experience as a UX researcher is');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('fits Settings on a phone, where the data file’s path is long and has no place to break', async () => {
    // A home like mktemp's (/tmp/tmp.Xy3…): no hyphen or space for the line to break at.
    const home = mkdtempSync(join(tmpdir(), 'inroadsfirstlook'));
    const other = await startServer(loadConfig({ home, port: 0, env: {} }));
    const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await phone.goto(other.url);
      await phone.waitForURL(/\/welcome$/);
      await phone.getByLabel('Your name').fill('Sam Rivera');
      await phone.getByRole('button', { name: 'Continue' }).click();
      await phone.getByLabel('What do you want to explore?').waitFor();
      await phone.goto(`${new URL(other.url).origin}/settings`);
      await phone.getByRole('heading', { name: 'Your data' }).waitFor();
      await phone.waitForLoadState('networkidle');
      expect(await pageOverflow(phone)).toBeLessThanOrEqual(0);
      // The path stays inside its card (it used to run over the edge and scroll the page sideways).
      const spill = await phone.evaluate(() =>
        [...document.querySelectorAll('dl.facts dd')].map((dd) => dd.getBoundingClientRect().right - (dd.closest('.card')?.getBoundingClientRect().right ?? Infinity)),
      );
      expect(spill.length).toBeGreaterThan(0);
      expect(Math.max(...spill)).toBeLessThanOrEqual(0);
      await expectAccessible(phone, 'settings at 375 px');
    } finally {
      await phone.close();
      await other.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});

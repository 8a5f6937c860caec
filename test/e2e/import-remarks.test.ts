/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, expectAccessible, hasBrowser, launch, newPage, onboardToFirstPeople, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const corpus = (name: string) => readFileSync(new URL(`../fixtures/import-corpus/vcard/${name}`, import.meta.url));

describe.skipIf(!hasBrowser && !requireBrowser)('what an import leaves out, in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    page = await newPage(browser);
    await onboardToFirstPeople(page, server.signInUrl);
    await page.getByRole('heading', { name: 'Your first people' }).waitFor();
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('names per person what the preview will leave out, flags a person with no name, and says it again after the import', async () => {
    await page.goto(`${server.origin}/import`);
    await page.getByLabel('Phone or mail contacts (vCard)').check();
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'android.vcf', mimeType: 'text/vcard', buffer: corpus('android-2.1.vcf') });
    await page.getByRole('button', { name: 'Preview' }).click();
    const remarks = page.getByRole('region', { name: 'What will be left out or changed' });
    await remarks.waitFor();
    const elif = remarks.getByRole('listitem').filter({ hasText: 'Line 1: Elif Öztürk' });
    expect(await elif.getByRole('listitem').allTextContents()).toEqual(['The nickname “Eli” is not kept.', 'The birthday “1993-02-11” is not kept.']);
    const jo = remarks.getByRole('listitem').filter({ hasText: 'Line 15: jo.smith' });
    await jo.getByText('Needs a name').waitFor();
    await page.getByText('This card has no name and no email address: it is skipped.').waitFor();
    await expectAccessible(page, 'import preview with what is left out');
    await page.screenshot({ path: '/tmp/import-remarks-1280.png', fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: '/tmp/import-remarks-375.png', fullPage: true });
    await expectAccessible(page, 'import preview with what is left out, narrow');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Import 2 changes' }).click();
    const done = page.getByRole('region', { name: 'What was left out or changed' });
    await done.waitFor();
    await done.getByText('The birthday “1993-02-11” is not kept.', { exact: true }).waitFor();
    await expectAccessible(page, 'import result with what was left out');
    await page.screenshot({ path: '/tmp/import-remarks-done-1280.png', fullPage: true });
    await done.getByRole('link', { name: 'jo.smith' }).click();
    await page.getByRole('heading', { level: 1, name: 'jo.smith' }).waitFor();
  });
});

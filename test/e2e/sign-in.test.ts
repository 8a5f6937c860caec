/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCommandFor } from '../../src/server/security.js';
import { assertBrowserAvailable, closeAll, expectAccessible, hasBrowser, launch, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

describe.skipIf(!hasBrowser && !requireBrowser)('signing in on this computer, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    // Past onboarding, so the app opens the page asked for.
    await server.api('PATCH', '/api/v1/profile', { name: 'Sam Rivera' });
    browser = await launch();
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('stays signed in after the browser is closed, and "sign out every browser" signs them all out', async () => {
    const first = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await first.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.signInUrl);
    await page.waitForURL(`${server.origin}/`);
    const auth = (await first.cookies()).find((c) => c.name === 'inroads_auth');
    // A lasting cookie (not one that ends with the browser session): about 30 days.
    expect(auth?.expires ?? -1).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 60 * 60);
    expect(auth).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    // "Closing the browser": a new browser context with only what a browser keeps on disk.
    const state = await first.storageState();
    await first.close();
    const reopened = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: state });
    const again = await reopened.newPage();
    again.setDefaultTimeout(10_000);
    await again.goto(`${server.origin}/settings`);
    await again.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await again.getByRole('heading', { name: 'Signed-in browsers' }).waitFor();
    await expectAccessible(again, 'settings');
    await again.screenshot({ path: '/tmp/h4-settings-browsers.png', fullPage: true });
    await again.setViewportSize({ width: 375, height: 800 });
    await again.getByRole('heading', { name: 'Signed-in browsers' }).scrollIntoViewIfNeeded();
    await again.screenshot({ path: '/tmp/h4-settings-browsers-375.png' });
    await again.setViewportSize({ width: 1280, height: 900 });

    await again.getByRole('button', { name: 'Sign out every browser' }).click();
    await again.getByRole('button', { name: 'Yes, sign out every browser' }).click();
    await again.getByRole('heading', { level: 1, name: /not signed in/ }).waitFor();
    expect(await again.getByText(openCommandFor(server.home), { exact: true }).count()).toBe(1);
    await expectAccessible(again, 'signed out');
    await again.setViewportSize({ width: 375, height: 800 });
    await again.screenshot({ path: '/tmp/h4-signed-out-375.png', fullPage: true });
    await again.setViewportSize({ width: 1280, height: 900 });
    await again.screenshot({ path: '/tmp/h4-signed-out-1280.png', fullPage: true });
    // The saved cookie no longer signs a browser in.
    const stale = await browser.newContext({ storageState: state });
    const response = await (await stale.newPage()).goto(`${server.origin}/`);
    expect(response?.status()).toBe(401);
    await stale.close();
    await reopened.close();
  }, 60_000);
});

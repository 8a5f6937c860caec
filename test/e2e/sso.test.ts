/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createUser } from '../../src/modules/accounts/accounts.usecases.js';
import { createAppContext } from '../../src/modules/repositories.js';
import { freePort, startMultiUserServer, type RunningMultiUserServer } from '../../src/server/start.js';
import { systemClock } from '../../src/shared/clock.js';
import { startTestProvider, type TestProvider } from '../oidc/provider.js';
import { assertBrowserAvailable, collectCspViolations, expectAccessible, hasBrowser, launch, pageOverflow, requireBrowser, screenshot } from './browser.js';

assertBrowserAvailable();

const PASSWORD = 'correct horse battery staple';

/** Issue 21: a student joins and signs in with the career centre's single sign-on, through the pages alone. */
describe.skipIf(!hasBrowser && !requireBrowser)('single sign-on in the browser', () => {
  let browser: Browser;
  let provider: TestProvider;
  let server: RunningMultiUserServer;
  let home: string;
  let origin: string;
  const csp: string[] = [];

  const newPage = async (width = 1280): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    csp.push(...collectCspViolations(page));
    return page;
  };
  /** At the provider's own login page: the email, then its button. */
  const atProvider = async (page: Page, email: string) => {
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Sign in at the provider' }).click();
  };

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({ redirectUris: [`${origin}/sso/callback`] });
    provider.addPerson({ sub: 'campus-0001', email: 'sol@uni.example', email_verified: true, name: 'Sol Student' });
    home = mkdtempSync(join(tmpdir(), 'inroads-e2e-sso-'));
    server = await startMultiUserServer(loadConfig({ home, port, env: {} }), {
      oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, name: 'Campus Login', only: false },
    });
    // The first admin, as the guide makes them: on the command line.
    await createUser({ ctx: createAppContext(server.handle, systemClock), input: { email: 'admin@uni.example', name: 'Ada Admin', role: 'admin', password: PASSWORD } });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('offers “Continue with Campus Login” on the sign-in page, accessible and whole at 375 px', async () => {
    const page = await newPage(375);
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Sign in to Inroads' }).waitFor();
    await page.getByRole('button', { name: 'Continue with Campus Login' }).waitFor();
    await expectAccessible(page, 'sign-in with single sign-on');
    expect(await pageOverflow(page), 'sideways scrolling at 375 px').toBeLessThanOrEqual(0);
    const offscreen = await page.evaluate(() =>
      [...document.querySelectorAll('main button, main a, main input')].filter((e) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1);
      }).length,
    );
    expect(offscreen).toBe(0);
    await screenshot(page, 'sso-sign-in-375');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'sso-sign-in-1280');
  });

  it('lets an invited student join with the provider, land on their home, and sign in with it again', async () => {
    const admin = await newPage();
    await admin.goto(`${origin}/`);
    await admin.getByLabel('Email').fill('admin@uni.example');
    await admin.getByLabel('Password').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByLabel('Invite email').fill('sol@uni.example');
    await admin.getByRole('button', { name: 'Make an invitation link' }).click();
    const link = await admin.getByLabel('Invitation link', { exact: true }).inputValue();
    expect(link).toContain('/join?invitation=');

    const sol = await newPage();
    await sol.goto(link);
    await sol.getByRole('heading', { name: 'Create your account' }).waitFor();
    await expectAccessible(sol, 'join with single sign-on offered');
    await screenshot(sol, 'sso-join-1280');
    await sol.getByRole('button', { name: 'Continue with Campus Login' }).click();
    await atProvider(sol, 'sol@uni.example');
    // Back at Inroads, signed in: a new student starts at the welcome page (their home until they set up).
    await sol.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();
    expect(new URL(sol.url()).pathname).toBe('/welcome');
    expect(sol.url()).not.toContain('code=');
    await sol.getByRole('link', { name: 'Account' }).click();
    await sol.getByText('sol@uni.example').first().waitFor();
    await screenshot(sol, 'sso-joined-account');

    // Signed out, and back in from the sign-in page with the provider (its session remembers her: no form this time).
    await sol.getByRole('button', { name: 'Sign out' }).click();
    await sol.getByRole('heading', { name: 'Sign in to Inroads' }).waitFor();
    await sol.getByRole('button', { name: 'Continue with Campus Login' }).click();
    await sol.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();
    await sol.getByRole('link', { name: 'Account' }).waitFor();

    // The admin sees that the invitation was used.
    await admin.reload();
    await admin.getByRole('cell', { name: 'sol@uni.example' }).first().waitFor();
    await expect.poll(() => admin.getByRole('table', { name: 'Invitations not yet used' }).count()).toBe(0);
  }, 120_000);

  it('tells someone with no account and no invitation why they were not let in', async () => {
    provider.addPerson({ sub: 'campus-0002', email: 'walk-in@uni.example', email_verified: true, name: 'Wally Walk-in' });
    const page = await newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: 'Continue with Campus Login' }).click();
    await atProvider(page, 'walk-in@uni.example');
    await page.getByRole('heading', { name: 'You are not signed in' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'there is no Inroads account for that address' }).waitFor();
    await expectAccessible(page, 'single sign-on refused');
    await screenshot(page, 'sso-refused');
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in to Inroads' }).waitFor();
    expect(csp).toEqual([]);
  });
});

describe.skipIf(!hasBrowser && !requireBrowser)('single-sign-on-only sign-in in the browser', () => {
  let browser: Browser;
  let provider: TestProvider;
  let server: RunningMultiUserServer;
  let home: string;
  let origin: string;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({ redirectUris: [`${origin}/sso/callback`] });
    provider.addPerson({ sub: 'campus-0100', email: 'admin@uni.example', email_verified: true, name: 'Ada Admin' });
    home = mkdtempSync(join(tmpdir(), 'inroads-e2e-sso-only-'));
    server = await startMultiUserServer(loadConfig({ home, port, env: {} }), {
      oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, name: 'Campus Login', only: true },
    });
    await createUser({ ctx: createAppContext(server.handle, systemClock), input: { email: 'admin@uni.example', name: 'Ada Admin', role: 'admin', password: PASSWORD } });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('shows only the provider’s button (no password form), and the admin made on the command line signs in with it', async () => {
    const page = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
    page.setDefaultTimeout(15_000);
    const csp = collectCspViolations(page);
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Sign in to Inroads' }).waitFor();
    await page.getByRole('button', { name: 'Continue with Campus Login' }).waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    await expectAccessible(page, 'sign-in, single sign-on only');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'sso-only-375');
    await page.getByRole('button', { name: 'Continue with Campus Login' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByLabel('Email').fill('admin@uni.example');
    await page.getByRole('button', { name: 'Sign in at the provider' }).click();
    await page.getByRole('heading', { name: 'Administration' }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
    // No passwords to reset: the accounts table offers no reset links.
    await page.getByText('admin@uni.example').first().waitFor();
    expect(await page.getByRole('button', { name: /^Reset password for / }).count()).toBe(0);
    // No password to change on the Account page either.
    await page.goto(`${origin}/account`);
    await page.getByRole('heading', { name: 'Morning reminder' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Password' }).count()).toBe(0);
    expect(csp).toEqual([]);
  });
});

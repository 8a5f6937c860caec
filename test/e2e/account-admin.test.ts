/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createUser } from '../../src/modules/accounts/accounts.usecases.js';
import { createAppContext } from '../../src/modules/repositories.js';
import { startMultiUserServer, type RunningMultiUserServer } from '../../src/server/start.js';
import { systemClock } from '../../src/shared/clock.js';
import { assertBrowserAvailable, collectCspViolations, expectAccessible, expectFitsNarrow, hasBrowser, launch, requireBrowser, screenshot } from './browser.js';

assertBrowserAvailable();

const PASSWORD = 'correct horse battery staple';

/** Issue 21: an admin's round on the Administration page, and people arriving by invitation or reset link. */

describe.skipIf(!hasBrowser && !requireBrowser)('account administration in the browser', () => {
  let browser: Browser;
  let server: RunningMultiUserServer;
  let home: string;
  let origin: string;
  const csp: string[] = [];

  const newPage = async (width = 1280): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    csp.push(...collectCspViolations(page));
    return page;
  };
  const signIn = async (page: Page, email: string, password = PASSWORD) => {
    await page.goto(`${origin}/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  /** Signs in and waits until the app has let the person in. */
  const signInFully = async (page: Page, email: string, password = PASSWORD) => {
    await signIn(page, email, password);
    await page.getByRole('link', { name: 'Account' }).waitFor();
  };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'inroads-e2e-admin-'));
    server = await startMultiUserServer(loadConfig({ home, port: 0, env: {} }));
    origin = new URL(server.url).origin;
    const control = createAppContext(server.handle, systemClock);
    for (const [email, name, role] of [
      ['admin@uni.example', 'Ada Admin', 'admin'],
      ['coach@uni.example', 'Cora Coach', 'coach'],
      ['eve@uni.example', 'Eve Explorer', 'explorer'],
    ] as const) {
      await createUser({ ctx: control, input: { email, name, role, password: PASSWORD } });
    }
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('takes an admin through disabling (confirmed), enabling, a reset link the person uses, a role change and a deletion (typed)', async () => {
    const eve = await newPage();
    await signIn(eve, 'eve@uni.example');
    await eve.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();

    const admin = await newPage();
    await signIn(admin, 'admin@uni.example');
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('heading', { name: 'Administration' }).waitFor();

    // Disabling asks first; keeping it changes nothing.
    await admin.getByRole('button', { name: 'Disable Eve Explorer' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Disable Eve Explorer?' });
    await confirm.waitFor();
    await expectAccessible(admin, 'disable confirmation');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(() => admin.getByRole('button', { name: 'Enable Eve Explorer' }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Disable Eve Explorer' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Disable account' }).click();
    await admin.getByRole('button', { name: 'Enable Eve Explorer' }).waitFor();
    await eve.reload();
    await eve.getByRole('heading', { name: 'Sign in to Inroads' }).waitFor();
    await admin.getByRole('button', { name: 'Enable Eve Explorer' }).click();
    await admin.getByRole('button', { name: 'Disable Eve Explorer' }).waitFor();

    // A reset link, copied from the page, used by the person.
    await admin.getByRole('button', { name: 'Reset password for Eve Explorer' }).click();
    const link = await admin.getByLabel('Password reset link', { exact: true }).inputValue();
    expect(link).toMatch(/\/reset\?token=[\w-]{32}$/);
    await admin.getByText(/Send this link to eve@uni\.example yourself/).waitFor();
    await expectAccessible(admin, 'administration with a reset link');
    await eve.goto(link);
    await eve.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await eve.getByText('For Eve Explorer (eve@uni.example)').waitFor();
    await expectAccessible(eve, 'reset page');
    await screenshot(eve, 'reset-1280');
    await eve.getByLabel('New password', { exact: true }).fill('password');
    await eve.getByRole('button', { name: 'Save and sign in' }).click();
    await expect.poll(() => eve.locator('.error').first().textContent()).toMatch(/common/);
    await eve.getByLabel('New password', { exact: true }).fill('a lighthouse on a quiet shore');
    await eve.getByRole('button', { name: 'Save and sign in' }).click();
    await eve.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();
    // The link works once.
    await eve.goto(link);
    await eve.getByText(/already been used/).waitFor();

    // Too many wrong guesses lock the account; the admin unlocks it.
    const stranger = await newPage();
    await stranger.goto(`${origin}/`);
    const statuses = await stranger.evaluate(async () => {
      const out: number[] = [];
      for (let n = 0; n < 6; n++) {
        const response = await fetch('/api/v1/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'none' }, body: JSON.stringify({ email: 'eve@uni.example', password: `guess number ${n}` }) });
        out.push(response.status);
      }
      return out;
    });
    expect(statuses.at(-1)).toBe(429);
    await admin.reload();
    await admin.getByText(/Locked until/).waitFor();
    await admin.getByRole('button', { name: 'Unlock Eve Explorer' }).click();
    await expect.poll(() => admin.getByText(/Locked until/).count()).toBe(0);

    // Roles change on the spot; the only admin cannot demote herself.
    await admin.getByLabel('Role of Ada Admin').selectOption('coach');
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toMatch(/only active admin/);
    await admin.getByLabel('Role of Cora Coach').selectOption('admin');
    await expect.poll(() => server.handle.db.selectFrom('users').select('role').where('email', '=', 'coach@uni.example').executeTakeFirst()).toEqual({ role: 'admin' });
    await admin.getByLabel('Role of Cora Coach').selectOption('coach');

    // A new account's first password must be changed before anything else.
    await admin.getByLabel('Name', { exact: true }).fill('Pat Person');
    await admin.getByLabel('Email', { exact: true }).fill('pat@uni.example');
    await admin.getByRole('button', { name: 'Add account' }).click();
    const first = (await admin.locator('.notice code').textContent()) ?? '';
    expect(first.length).toBeGreaterThan(20);
    const pat = await newPage();
    await signIn(pat, 'pat@uni.example', first);
    await pat.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await expectAccessible(pat, 'choose your own password');
    await screenshot(pat, 'choose-1280');
    expect(await pat.evaluate(() => fetch('/api/v1/contacts').then(async (r) => [r.status, (await r.json()).error.code]))).toEqual([403, 'accounts.password_change_required']);
    await pat.getByLabel('The password you were given').fill(first);
    await pat.getByLabel('Your new password').fill('pebbles in my winter coat');
    await pat.getByRole('button', { name: 'Save my password' }).click();
    await pat.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();

    // Deleting offers the person's own export first and needs their email typed.
    await admin.reload();
    await admin.getByRole('button', { name: 'Delete Pat Person' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Delete Pat Person’s account?' });
    await dialog.getByText(/Download everything/).waitFor();
    const remove = dialog.getByRole('button', { name: 'Delete account and workspace' });
    expect(await remove.isDisabled()).toBe(true);
    await expectAccessible(admin, 'delete dialog');
    await screenshot(admin, 'delete-1280');
    await dialog.getByLabel('Type pat@uni.example to confirm').fill('pat@uni.example');
    await remove.click();
    await expect.poll(() => admin.getByRole('cell', { name: 'pat@uni.example' }).count()).toBe(0);
    await pat.reload();
    await pat.getByRole('heading', { name: 'Sign in to Inroads' }).waitFor();
    await screenshot(admin, 'admin-1280');
    expect(csp).toEqual([]);
  }, 120_000);

  it('lands a coach who joins by invitation on Coaching, with the address filled in, and marks every link for that address used', async () => {
    const admin = await newPage();
    await signIn(admin, 'admin@uni.example');
    await admin.getByRole('link', { name: 'Administration' }).click();
    const invite = async (before: string) => {
      await admin.getByLabel('Invite email').fill('sage@uni.example');
      await admin.getByLabel('As', { exact: true }).selectOption('coach');
      await admin.getByRole('button', { name: 'Make an invitation link' }).click();
      const field = admin.getByLabel('Invitation link', { exact: true });
      await expect.poll(async () => ((await field.count()) ? field.inputValue() : before)).not.toBe(before);
      return field.inputValue();
    };
    const older = await invite('');
    const link = await invite(older);
    expect(link).not.toBe(older);
    await expect.poll(() => admin.getByRole('cell', { name: 'sage@uni.example' }).count()).toBe(2);

    const sage = await newPage();
    await sage.goto(older);
    await sage.getByRole('heading', { name: 'Create your account' }).waitFor();
    await expect.poll(() => sage.getByLabel('Email').inputValue()).toBe('sage@uni.example');
    await expectAccessible(sage, 'join with an invitation');
    await sage.getByLabel('Your name').fill('Sage Adviser');
    await sage.getByLabel('Password').fill('maps of rivers and hills');
    await sage.getByRole('button', { name: 'Create account' }).click();
    await sage.getByRole('heading', { name: 'Coaching' }).waitFor();
    expect(await sage.getByRole('heading', { name: 'Page not found' }).count()).toBe(0);

    await admin.reload();
    await admin.getByRole('cell', { name: 'sage@uni.example' }).first().waitFor();
    await expect.poll(() => admin.getByRole('table', { name: 'Invitations not yet used' }).count()).toBe(0);
  }, 120_000);

  it('fits Administration, Coaching and Account on a 375 px screen, with “Stop sharing” reachable', async () => {
    const eve = await newPage(375);
    await signIn(eve, 'eve@uni.example', 'a lighthouse on a quiet shore');
    await eve.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();
    await eve.goto(`${origin}/account`);
    await eve.getByLabel('Coach’s email').fill('coach@uni.example');
    // With names, so the coach's table has long ones to fit.
    await eve.getByLabel('Also show the names of the people and organisations').check();
    await eve.getByRole('button', { name: 'Share', exact: true }).click();
    const stop = eve.getByRole('button', { name: 'Stop sharing with Cora Coach' });
    await stop.waitFor();
    // Something for the coach's tables to show, with long names.
    const status = await eve.evaluate(async () => {
      const csrf = /inroads_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
      const org = await (await post('/api/v1/organizations', { name: 'The Extraordinarily Long-Named Research Institute of Applied Things' })).json();
      const contact = await (await post('/api/v1/contacts', { name: 'Maximiliana Bartholomew-Featherstonehaugh', organizationId: org.id })).json();
      return (await post('/api/v1/interviews', { contactId: contact.id, status: 'held', heldAt: new Date(Date.now() - 3_600_000).toISOString() })).status;
    });
    expect(status).toBe(201);
    await expectFitsNarrow(eve, 'account');
    await eve.getByRole('link', { name: 'Download everything' }).waitFor();
    await expectAccessible(eve, 'account at 375 px');
    await screenshot(eve, 'account-375');

    const coach = await newPage(375);
    await signInFully(coach, 'coach@uni.example');
    await coach.goto(`${origin}/coaching`);
    await coach.getByRole('link', { name: 'Eve Explorer' }).waitFor();
    // Eve joined minutes ago: not "stuck for more than 21 days".
    expect(await coach.getByText(/21 days/).count()).toBe(0);
    await expectFitsNarrow(coach, 'coaching');
    await expectAccessible(coach, 'coaching at 375 px');
    await screenshot(coach, 'coaching-375');
    await coach.getByRole('link', { name: 'Eve Explorer' }).click();
    await coach.getByRole('heading', { name: 'Eve Explorer' }).waitFor();
    await coach.getByRole('cell', { name: 'Maximiliana Bartholomew-Featherstonehaugh' }).waitFor();
    await expectFitsNarrow(coach, 'explorer progress');
    await screenshot(coach, 'explorer-375');

    const admin = await newPage(375);
    await signInFully(admin, 'admin@uni.example');
    await admin.goto(`${origin}/admin`);
    await admin.getByRole('button', { name: 'Disable Eve Explorer' }).waitFor();
    await expectFitsNarrow(admin, 'administration');
    await screenshot(admin, 'admin-375');

    await stop.click();
    await eve.getByText('You are not sharing with anyone.').waitFor();
    expect(csp).toEqual([]);
  }, 120_000);
});

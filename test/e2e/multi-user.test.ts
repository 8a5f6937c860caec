/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createUser } from '../../src/modules/accounts/accounts.usecases.js';
import { createContact } from '../../src/modules/contacts/contacts.usecases.js';
import { createInterview } from '../../src/modules/interviews/interviews.usecases.js';
import { createContactInput } from '../../src/shared/schemas/contacts.js';
import { createInterviewInput } from '../../src/shared/schemas/interviews.js';
import { PAYLOADS } from '../fixtures/hostile.js';
import { startMultiUserServer, type RunningMultiUserServer } from '../../src/server/start.js';
import { createAppContext } from '../../src/modules/repositories.js';
import { systemClock } from '../../src/shared/clock.js';
import { assertBrowserAvailable, collectCspViolations, expectAccessible, hasBrowser, launch, requireBrowser } from './browser.js';

assertBrowserAvailable();

const PASSWORD = 'correct horse battery staple';
/** A name that would run script if it were ever rendered as markup. */
const HOSTILE = '<img src=x onerror="window.xssRan=1">Hal';

describe.skipIf(!hasBrowser && !requireBrowser)('a shared server in the browser', () => {
  let browser: Browser;
  let server: RunningMultiUserServer;
  let home: string;
  let origin: string;
  const csp: string[] = [];

  const newPage = async (): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    csp.push(...collectCspViolations(page));
    page.on('dialog', (d) => void d.dismiss());
    return page;
  };
  const signIn = async (page: Page, email: string, password = PASSWORD) => {
    await page.goto(`${origin}/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'inroads-e2e-mu-'));
    server = await startMultiUserServer(loadConfig({ home, port: 0, env: {} }));
    origin = new URL(server.url).origin;
    const control = createAppContext(server.handle, systemClock);
    for (const [email, name, role] of [
      ['admin@uni.example', 'Ada Admin', 'admin'],
      ['coach@uni.example', 'Cora Coach', 'coach'],
      ['eve@uni.example', 'Eve Explorer', 'explorer'],
      ['hal@uni.example', HOSTILE, 'explorer'],
    ] as const) {
      await createUser({ ctx: control, input: { email, name, role, password: PASSWORD } });
    }
    // Explorers named with every payload share their notes with a second coach; their people and notes carry payloads too.
    const { user: hostileCoach } = await createUser({ ctx: control, input: { email: 'coach2@uni.example', name: PAYLOADS[0] ?? '', role: 'coach', password: PASSWORD } });
    for (const [n, payload] of PAYLOADS.entries()) {
      const { user } = await createUser({ ctx: control, input: { email: `hostile${n}@uni.example`, name: payload, role: 'explorer', password: PASSWORD } });
      // With names: the hostile names themselves must reach the coach's pages, as text.
      await control.repos.accounts.saveGrant({ explorerId: user.id, coachId: hostileCoach.id, scope: 'notes', showNames: true, createdAt: new Date().toISOString() });
      await server.workspaces.use(user.id, async (ctx) => {
        const { contact } = await createContact({ ctx, input: createContactInput.parse({ name: payload, title: payload, notes: payload }) });
        await createInterview({ ctx, input: createInterviewInput.parse({ contactId: contact.id, status: 'held', heldAt: new Date(Date.now() - 86_400_000).toISOString(), notes: payload, takeaways: payload }) });
      });
    }
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('signs in, shares with a coach who then sees the explorer, and signs out', async () => {
    const eve = await newPage();
    await eve.goto(`${origin}/people`);
    await eve.getByRole('heading', { name: 'Sign in to Inroads' }).waitFor();
    await expectAccessible(eve, 'sign-in');
    await signIn(eve, 'eve@uni.example', 'not my password');
    await expect.poll(() => eve.getByRole('alert').textContent()).toContain('do not match');
    await signIn(eve, 'eve@uni.example');
    await eve.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();
    await eve.getByRole('link', { name: 'Account' }).click();
    await eve.getByRole('heading', { name: 'Account', exact: true }).waitFor();
    await eve.getByLabel('Coach’s email').fill('coach@uni.example');
    await eve.getByRole('button', { name: 'Share', exact: true }).click();
    await eve.getByRole('button', { name: 'Stop sharing with Cora Coach' }).waitFor();
    await expectAccessible(eve, 'account');

    const coach = await newPage();
    await signIn(coach, 'coach@uni.example');
    await coach.getByRole('link', { name: 'Coaching' }).click();
    await coach.getByRole('link', { name: 'Eve Explorer' }).click();
    await coach.getByRole('heading', { name: 'Eve Explorer' }).waitFor();
    await expect.poll(() => coach.getByText('shares progress only').count()).toBe(1);
    await expectAccessible(coach, 'explorer progress');

    // Revoking takes effect on the coach's very next request.
    await eve.getByRole('button', { name: 'Stop sharing with Cora Coach' }).click();
    await eve.getByText('You are not sharing with anyone.').waitFor();
    await coach.reload();
    await coach.getByRole('alert').waitFor();
    await coach.goto(`${origin}/coaching`);
    await coach.getByRole('heading', { name: 'Nobody shares with you yet' }).waitFor();

    await eve.getByRole('button', { name: 'Sign out' }).click();
    await eve.getByRole('heading', { name: 'Sign in to Inroads' }).waitFor();
    expect(await eve.evaluate(() => fetch('/api/v1/contacts').then((r) => r.status))).toBe(401);
  });

  it('lets an admin invite someone, who joins with the link; names are shown as text only', async () => {
    const admin = await newPage();
    await signIn(admin, 'admin@uni.example');
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('heading', { name: 'Administration' }).waitFor();
    await admin.getByText(HOSTILE).waitFor();
    await admin.getByLabel('Invite email').fill('newbie@uni.example');
    await admin.getByRole('button', { name: 'Make an invitation link' }).click();
    const link = await admin.getByLabel('Invitation link').inputValue();
    await expectAccessible(admin, 'administration');

    const newbie = await newPage();
    await newbie.goto(link);
    await newbie.getByRole('heading', { name: 'Create your account' }).waitFor();
    await newbie.getByLabel('Your name').fill('Nia Newbie');
    await newbie.getByLabel('Email').fill('newbie@uni.example');
    await newbie.getByLabel('Password').fill('password');
    await newbie.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => newbie.locator('.error').first().textContent()).toMatch(/common|guess/i);
    await newbie.getByLabel('Password').fill('tulips under the harbour bridge');
    await newbie.getByRole('button', { name: 'Create account' }).click();
    await newbie.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();
    await expectAccessible(newbie, 'welcome after joining');

    await admin.reload();
    await admin.getByRole('cell', { name: 'newbie@uni.example' }).first().waitFor();
    expect(await admin.evaluate(() => (window as unknown as { xssRan?: number }).xssRan)).toBeUndefined();
    expect(csp).toEqual([]);
  });

  it('shows script-bearing names, people and notes as text on the coaching and administration pages, and runs none of them', async () => {
    const dialogs: string[] = [];
    const coach = await newPage();
    coach.on('dialog', (d) => dialogs.push(d.message()));
    await signIn(coach, 'coach2@uni.example');
    await coach.getByRole('link', { name: 'Coaching' }).click();
    await coach.getByRole('heading', { name: 'Coaching' }).waitFor();
    await expectAccessible(coach, 'coaching dashboard');
    for (const payload of PAYLOADS) await coach.getByRole('link', { name: payload, exact: true }).first().waitFor();
    const pages = await coach.getByRole('link', { name: PAYLOADS[1] ?? '', exact: true }).first().getAttribute('href');
    await coach.goto(`${origin}${pages}`);
    await coach.getByRole('heading', { level: 2, name: 'Notes' }).waitFor();
    await expect.poll(() => coach.getByText(PAYLOADS[1] ?? '', { exact: true }).count()).toBeGreaterThan(2);
    const admin = await newPage();
    admin.on('dialog', (d) => dialogs.push(d.message()));
    await signIn(admin, 'admin@uni.example');
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('cell', { name: PAYLOADS[2] ?? '', exact: true }).waitFor();
    for (const page of [coach, admin]) {
      expect(await page.evaluate(() => (window as unknown as { xssRan?: number }).xssRan)).toBeUndefined();
      expect(await page.evaluate(() => document.querySelectorAll('main img[src="x"], main iframe, main svg[onload], main details[ontoggle], main script').length)).toBe(0);
    }
    expect(dialogs).toEqual([]);
    expect(csp).toEqual([]);
  });
});

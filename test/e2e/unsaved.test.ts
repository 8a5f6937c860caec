/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, newPage, onboardToFirstPeople, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

/** Where screenshots go when SCREENSHOTS=dir is set (for looking at the pages, not for asserting). */
const shots = process.env.SCREENSHOTS;

describe.skipIf(!hasBrowser && !requireBrowser)('nothing typed is lost', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let csp: string[];
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const discard = () => page.getByRole('alertdialog', { name: 'Discard what you typed?' });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    page = await newPage(browser);
    csp = collectCspViolations(page);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('asks before onboarding is skipped with a person typed but not added', async () => {
    // Onboarding saves each step before moving on: nothing there asks until something is left unsaved.
    await onboardToFirstPeople(page, server.signInUrl);
    // A person typed at the last step but not added: skipping asks first.
    await page.getByLabel('Name').fill('Jo Park');
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await discard().waitFor();
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe('Jo Park');
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await discard().getByRole('button', { name: 'Discard it' }).click();
    await page.waitForURL(`${server.origin}/`);
  }, 60_000);

  it('asks before Escape, Cancel or a click outside closes the Add person dialog with typed text, and keeps it', async () => {
    await nav('People').click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name').fill('Priya Shah');
    await dialog.getByLabel('Notes').fill('Met at the design meetup; ask about research ops.');

    await page.keyboard.press('Escape');
    await discard().waitFor();
    await expect.poll(() => discard().getByRole('button', { name: 'Keep editing' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await expectAccessible(page, 'discard what you typed');
    if (shots) {
      await page.screenshot({ path: `${shots}/discard-1280.png` });
      await page.setViewportSize({ width: 375, height: 740 });
      await page.screenshot({ path: `${shots}/discard-375.png` });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    await discard().waitFor({ state: 'detached' });
    await expect(dialog.getByLabel('Name').inputValue()).resolves.toBe('Priya Shah');
    await expect(dialog.getByLabel('Notes').inputValue()).resolves.toBe('Met at the design meetup; ask about research ops.');
    // Focus is back in the field the user was typing in.
    await expect.poll(() => dialog.getByLabel('Notes').evaluate((f) => f === document.activeElement)).toBe(true);

    // Escape in the question means keep, too.
    await page.keyboard.press('Escape');
    await discard().waitFor();
    await page.keyboard.press('Escape');
    await discard().waitFor({ state: 'detached' });
    await expect(dialog.getByLabel('Name').inputValue()).resolves.toBe('Priya Shah');

    // A click outside the dialog asks.
    await page.mouse.click(5, 5);
    await discard().waitFor();
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    await expect(dialog.getByLabel('Name').inputValue()).resolves.toBe('Priya Shah');

    // Cancel asks; discarding closes the dialog.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await discard().waitFor();
    await discard().getByRole('button', { name: 'Discard it' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('button', { name: 'Add person' }).evaluate((b) => b === document.activeElement)).toBe(true);

    // Nothing typed: Escape closes at once.
    await page.getByRole('button', { name: 'Add person' }).click();
    await dialog.getByLabel('Name').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(discard().count()).resolves.toBe(0);

    // A saved person's dialog closes without asking (it is not unsaved any more).
    await page.getByRole('button', { name: 'Add person' }).click();
    await dialog.getByLabel('Name').fill('Priya Shah');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Priya Shah' }).waitFor();
    await expect(discard().count()).resolves.toBe(0);
  });

  it('asks before Escape closes a request draft that was changed', async () => {
    await page.getByRole('button', { name: /Draft request/ }).first().click();
    const dialog = page.getByRole('dialog', { name: /Request to Priya Shah/ });
    const message = dialog.getByLabel('Message');
    await expect.poll(() => message.inputValue()).not.toBe('');
    await message.fill('Hi Priya, a short question about research ops.');
    await page.keyboard.press('Escape');
    await discard().waitFor();
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    await expect(message.inputValue()).resolves.toBe('Hi Priya, a short question about research ops.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await discard().getByRole('button', { name: 'Discard it' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('asks before a link leaves a half-written interaction on a person’s page', async () => {
    const summary = page.getByLabel('Summary');
    await summary.fill('Called to say thanks for the intro.');
    await nav('People').click();
    await discard().waitFor();
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    await expect(summary.inputValue()).resolves.toBe('Called to say thanks for the intro.');
    await page.getByRole('button', { name: 'Log it' }).click();
    await page.getByText('Logged.').waitFor();
    await nav('People').click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await expect(discard().count()).resolves.toBe(0);
  });

  it('asks before a nav link or the back button leaves the profile with unsaved text; once saved, leaves freely', async () => {
    await nav('Settings').click();
    const background = page.getByLabel('Background');
    await expect(background.inputValue()).resolves.toBe('Eight years teaching science.');
    await background.fill('Eight years teaching science, and a year of user interviews for our school app.');

    await nav('Today').click();
    await discard().waitFor();
    await expectAccessible(page, 'discard on settings');
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    expect(new URL(page.url()).pathname).toBe('/settings');
    await expect(background.inputValue()).resolves.toBe('Eight years teaching science, and a year of user interviews for our school app.');

    // The back button asks too, and keeping stays on the page.
    await page.evaluate(() => window.history.back());
    await discard().waitFor();
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/settings');
    await expect(background.inputValue()).resolves.toBe('Eight years teaching science, and a year of user interviews for our school app.');

    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved.').waitFor();
    await nav('Today').click();
    await page.waitForURL(`${server.origin}/`);
    await expect(discard().count()).resolves.toBe(0);
    await nav('Settings').click();
    await expect(page.getByLabel('Background').inputValue()).resolves.toBe('Eight years teaching science, and a year of user interviews for our school app.');
  });

  it('asks before leaving a changed template, and discarding leaves the template as it was', async () => {
    await nav('Templates').click();
    const body = page.getByLabel('Message');
    await expect.poll(() => body.inputValue()).not.toBe('');
    const original = await body.inputValue();
    await body.fill(`${original}\n\nP.S. I am happy to keep it to fifteen minutes.`);
    await nav('Questions').click();
    await discard().waitFor();
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    await expect(body.inputValue()).resolves.toContain('P.S. I am happy');
    // Choosing another template asks as well.
    const select = page.getByLabel('Template', { exact: true });
    const current = await select.inputValue();
    const other = await select.locator('option').evaluateAll((options, id) => (options as HTMLOptionElement[]).find((o) => o.value !== id)?.value, current);
    await select.selectOption(other ?? '');
    await discard().waitFor();
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    await expect(select.inputValue()).resolves.toBe(current);
    await nav('Questions').click();
    await discard().getByRole('button', { name: 'Discard it' }).click();
    await page.getByRole('heading', { level: 1, name: /Questions/ }).waitFor();
    await nav('Templates').click();
    await expect.poll(() => page.getByLabel('Message').inputValue()).toBe(original);
  });

  it('asks before leaving a question being written for the bank', async () => {
    await nav('Questions').click();
    const question = page.getByLabel('Question', { exact: true });
    await question.fill('What surprised you most in your first year?');
    await nav('Today').click();
    await discard().waitFor();
    await discard().getByRole('button', { name: 'Keep editing' }).click();
    await expect(question.inputValue()).resolves.toBe('What surprised you most in your first year?');
    await page.getByRole('button', { name: 'Add question' }).click();
    await expect.poll(() => question.inputValue()).toBe('');
    await nav('Today').click();
    await page.waitForURL(`${server.origin}/`);
    await expect(discard().count()).resolves.toBe(0);
    expect(csp).toEqual([]);
  });
});

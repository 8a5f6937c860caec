/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, onboardToFirstPeople, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

/** Where screenshots go when SCREENSHOTS=dir is set (for looking at the pages, not for asserting). */
const shots = process.env.SCREENSHOTS;

describe.skipIf(!hasBrowser && !requireBrowser)('organisations, undo and search in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let csp: string[];
  const go = (path: string) => page.goto(`${server.origin}${path}`);
  const rowNames = () => page.locator('table tbody tr td:nth-child(2) a').allTextContents();
  const shoot = async (name: string) => {
    if (!shots) return;
    await page.screenshot({ path: `${shots}/${name}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: `${shots}/${name}-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    csp = collectCspViolations(page);
    page.setDefaultTimeout(10_000);
    // A newcomer gets through onboarding first, in the app.
    await onboardToFirstPeople(page, server.signInUrl);
    await page.getByRole('button', { name: /Finish and go to Today|Skip for now/ }).click();
    await page.waitForURL(`${server.origin}/`);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  async function addOrganisation(name: string, keen: string, posting: string, alumni: boolean) {
    await page.getByRole('button', { name: 'Add organisation' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('How keen are you?').selectOption({ label: keen });
    await dialog.getByLabel('Is there a relevant job posting?').selectOption({ label: posting });
    if (alumni) await dialog.getByLabel('I have an alumni or affinity link there').check();
    await dialog.getByRole('button', { name: 'Add organisation' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name }).waitFor();
  }

  it('adds organisations with how keen, posting and alumni link, explained in the form', async () => {
    await go('/organizations');
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await page.getByRole('button', { name: 'Add organisation' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('from 0 (not really) to 3 (very keen)').waitFor();
    await dialog.getByText('an opening for the role you want').waitFor();
    await expectAccessible(page, 'add organisation dialog');
    await shoot('org-add');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await addOrganisation('Northwind Health', '3 · very keen', '3 · a posting for my target role', true);
    await addOrganisation('Beta Clinics', '2 · keen', '1 · no relevant posting', false);
    await addOrganisation('Acme Labs', '1 · a little', '1 · no relevant posting', false);
    expect(await rowNames()).toEqual(['Northwind Health', 'Beta Clinics', 'Acme Labs']);
    await expect(page.getByLabel('How keen you are on Northwind Health').inputValue()).resolves.toBe('3');
    await expect(page.getByLabel('Alumni or affinity link at Northwind Health').isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'organisations');
  });

  it('keeps rows and focus where they are while a rank changes, until Re-sort', async () => {
    const keen = page.getByLabel('How keen you are on Acme Labs');
    await keen.focus();
    await keen.selectOption('3');
    await page.getByText('The ranking has changed. Rows stay where they are until you re-sort.').waitFor();
    // Acme Labs now ranks second, but its row has not moved and its control still has focus.
    await page.locator('tr', { hasText: 'Acme Labs' }).locator('td').first().filter({ hasText: '2' }).waitFor();
    expect(await rowNames()).toEqual(['Northwind Health', 'Beta Clinics', 'Acme Labs']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('How keen you are on Acme Labs');
    await shoot('org-list-moved');
    await page.getByRole('button', { name: 'Re-sort by rank' }).click();
    expect(await rowNames()).toEqual(['Northwind Health', 'Acme Labs', 'Beta Clinics']);
    await expect(page.getByRole('button', { name: 'Re-sort by rank' }).isDisabled()).resolves.toBe(true);
  });

  it('says so, in the row, when a rank change cannot be saved', async () => {
    const refuse = '**/api/v1/organizations/*';
    await page.route(refuse, (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'busy', message: 'The server is busy; try again.', details: null } }) })
        : route.fallback(),
    );
    try {
      // A controlled box: it shows what the server holds, so it stays clear when the save fails.
      await page.getByLabel('Alumni or affinity link at Beta Clinics').click();
      const row = page.locator('tr', { hasText: 'Beta Clinics' });
      await row.getByRole('alert').filter({ hasText: 'The server is busy; try again.' }).waitFor();
      await shoot('org-rank-error');
      await expect(page.getByLabel('Alumni or affinity link at Beta Clinics').isChecked()).resolves.toBe(false);
    } finally {
      await page.unroute(refuse);
    }
  });

  it('edits an organisation on its page and adds a person there', async () => {
    await page.getByRole('link', { name: 'Northwind Health' }).click();
    await page.getByRole('heading', { level: 1, name: 'Northwind Health' }).waitFor();
    const facts = page.getByRole('region', { name: 'Why it is on your list' });
    await facts.getByText('3 · a posting for my target role').waitFor();
    await expectAccessible(page, 'organisation');

    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Northwind Health' });
    await expect(edit.getByLabel('How keen are you?').inputValue()).resolves.toBe('3');
    await expect(edit.getByLabel('I have an alumni or affinity link there').isChecked()).resolves.toBe(true);
    await edit.getByLabel('Is there a relevant job posting?').selectOption({ label: '2 · some related postings' });
    await edit.getByLabel('Industry').fill('Digital health');
    await edit.getByLabel('Website').fill('not a website');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.locator('.error').first().waitFor();
    await edit.getByLabel('Website').fill('https://northwind.example');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await facts.getByText('2 · some related postings').waitFor();
    await page.getByText('Digital health').waitFor();

    await page.getByRole('button', { name: 'Add a person here' }).click();
    const add = page.getByRole('dialog', { name: 'Add a person at Northwind Health' });
    await expect(add.getByLabel('Organisation').locator('option:checked').textContent()).resolves.toBe('Northwind Health');
    await expectAccessible(page, 'add a person here');
    await add.getByLabel('Name', { exact: true }).fill('Rosa Lind');
    await add.getByLabel('Job title').fill('UX researcher');
    await add.getByRole('button', { name: 'Add person' }).click();
    await add.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Added Rosa Lind at Northwind Health.' }).waitFor();
    await page.getByRole('region', { name: 'People' }).getByRole('link', { name: 'Rosa Lind' }).waitFor();
    await shoot('org-page');
  });

  it('deletes a person and brings them back with Undo, from the keyboard', async () => {
    await page.getByRole('link', { name: 'Rosa Lind' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Rosa Lind' }).waitFor();
    await page.getByRole('button', { name: 'Plan an interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Rosa Lind' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Rosa Lind' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByText('you can undo it for a short while').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete person' }).click();
    await page.waitForURL(`${server.origin}/people`);
    const toast = page.getByRole('status').filter({ hasText: 'Rosa Lind deleted.' });
    await toast.waitFor();
    await expectAccessible(page, 'people with the undo offer');
    await shoot('undo');
    const undo = toast.getByRole('button', { name: 'Undo' });
    await undo.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rosa Lind' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Rosa Lind is back.' }).waitFor();
    // Everything that hung off the person came back too.
    await page.getByRole('link', { name: 'organisation page' }).waitFor();
    await page.getByRole('region', { name: 'Interviews' }).getByRole('link').first().waitFor();
  });

  it('offers Undo for an organisation too, and the offer goes with the next navigation', async () => {
    await go('/organizations');
    await page.getByRole('link', { name: 'Beta Clinics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beta Clinics' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete organisation' }).click();
    await page.waitForURL(`${server.origin}/organizations`);
    await page.getByRole('status').filter({ hasText: 'Beta Clinics deleted.' }).waitFor();
    expect(await rowNames()).toEqual(['Northwind Health', 'Acme Labs']);
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await expect(page.getByRole('button', { name: 'Undo' }).count()).resolves.toBe(0);
  });

  it('searches with Ctrl+K and opens a result with the arrow keys and Enter alone', async () => {
    await go('/organizations');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Search everything' });
    await box.waitFor();
    await page.keyboard.type('northwind');
    const listbox = page.getByRole('listbox', { name: 'Search results' });
    await listbox.getByRole('group', { name: 'Organisations' }).getByRole('option', { name: /Northwind Health/ }).waitFor();
    await listbox.getByRole('group', { name: 'People' }).getByRole('option', { name: /^Rosa Lind/ }).waitFor();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await expectAccessible(page, 'search');
    await shoot('search');
    // People come first; ArrowDown twice reaches the organisation, ArrowUp goes back, End jumps to the last.
    await page.keyboard.press('ArrowDown');
    const activeName = () => page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '');
    await expect(activeName()).resolves.toMatch(/^Rosa Lind/);
    await page.keyboard.press('ArrowDown');
    await expect(activeName()).resolves.toMatch(/^Northwind Health/);
    await page.keyboard.press('Home');
    await expect(activeName()).resolves.toMatch(/^Rosa Lind/);
    await page.keyboard.press('End');
    await expect(activeName()).resolves.toMatch(/^Northwind Health/);
    await expect(listbox.getByRole('option', { selected: true }).count()).resolves.toBe(1);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Northwind Health' }).waitFor();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('rosa');
    await page.getByRole('option', { name: /^Rosa Lind/ }).waitFor();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await page.keyboard.press('Control+k');
    await box.waitFor();
    await expect(box.inputValue()).resolves.toBe('');
    await page.keyboard.type('rosa');
    await page.getByRole('option', { name: /^Rosa Lind/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rosa Lind' }).waitFor();
  });

  it('fits a phone: nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ['/organizations', '/people']) {
      await go(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await page.getByRole('link', { name: 'Rosa Lind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rosa Lind' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(csp).toEqual([]);
  });
});

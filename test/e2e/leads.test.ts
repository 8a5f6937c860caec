/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, newPage, onboardToFirstPeople, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

/** Where screenshots go when SCREENSHOTS=dir is set (for looking at the pages, not for asserting). */
const shots = process.env.SCREENSHOTS;

const pad = (n: number) => String(n).padStart(2, '0');
/** A value for <input type="datetime-local">, in this machine's time zone (the browser's too). */
const localInput = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

describe.skipIf(!hasBrowser && !requireBrowser)('leads heard in a conversation, in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let csp: string[];
  const ids = { org: '', interview: '' };
  const go = (path: string) => page.goto(`${server.origin}${path}`);
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
    page = await newPage(browser);
    csp = collectCspViolations(page);
    // A blank workspace: the newcomer goes through onboarding first.
    await onboardToFirstPeople(page, server.signInUrl);
    await page.getByRole('button', { name: /Finish and go to Today|Skip for now/ }).click();
    await page.waitForURL(`${server.origin}/`);
    ids.org = (await server.api<{ id: string }>('POST', '/api/v1/organizations', { name: 'Northwind Health' })).id;
    const person = await server.api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Maya Costa', organizationId: ids.org });
    ids.interview = (await server.api<{ id: string }>('POST', '/api/v1/interviews', { contactId: person.id, status: 'scheduled', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() })).id;
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('notes a lead in interview mode with Alt+L, gives it a next step, and finds it on the organisation, the Leads page and Today', async () => {
    await go(`/interviews/${ids.interview}/live`);
    await page.getByRole('heading', { level: 1, name: /Talking with Maya Costa/ }).waitFor();
    await page.getByText('note a lead they mention').waitFor();

    // The conversation starts (Alt+S); the shortcut puts the caret in the lead box, wherever it was.
    await page.keyboard.press('Alt+KeyS');
    await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    await page.getByLabel(/^Note \(/).focus();
    await page.keyboard.press('Alt+KeyL');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('im-lead-title');
    await page.keyboard.type('The data team is hiring two analysts in May');
    await page.getByLabel('It is').selectOption({ label: 'A team that is growing' });
    await page.getByLabel('Maya Costa said I may mention them').check();
    await page.getByLabel('What you heard').press('Enter');
    await page.locator('.im-lead').getByText('Note the lead').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'The data team is hiring two analysts in May' }).waitFor();
    await expect(page.getByLabel('What you heard').inputValue()).resolves.toBe('');
    await expectAccessible(page, 'interview mode with a lead');
    await shoot('leads-interview-mode');

    // On the organisation page, from the conversation's person and organisation; a next step dated an hour ago.
    await go(`/organizations/${ids.org}`);
    const card = page.locator('.leads-card');
    await card.getByText('The data team is hiring two analysts in May').waitFor();
    await card.getByText('You may mention them.').waitFor();
    await card.getByRole('button', { name: 'Edit the lead “The data team is hiring two analysts in May”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Where you are with it').selectOption({ label: 'Looking into it' });
    await expectAccessible(page, 'lead form');
    await shoot('leads-form');
    await dialog.getByLabel('When').fill(localInput(new Date(Date.now() - 3_600_000)));
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    // A date without words is refused, naming the field.
    await dialog.getByText('must say what the next step is when it has a date').waitFor();
    await dialog.getByLabel('Next step').fill('Read the team page and ask careers about the analyst roles');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByText('Looking into it').waitFor();
    await card.getByText(/Next: Read the team page/).waitFor();
    await expectAccessible(page, 'organisation with a lead');
    await shoot('leads-organisation');

    // The conversation's page, below the debrief, and the exploration the organisation belongs to.
    await go(`/interviews/${ids.interview}`);
    const here = page.getByRole('region', { name: 'Leads heard in this conversation' });
    await here.getByText('The data team is hiring two analysts in May').waitFor();
    await expectAccessible(page, 'interview page with a lead');
    const explorations = await server.api<{ items: Array<{ id: string }> }>('GET', '/api/v1/explorations');
    const exploration = explorations.items[0]?.id ?? '';
    await server.api('PATCH', `/api/v1/organizations/${ids.org}`, { explorationIds: [exploration] });
    await go(`/explorations/${exploration}`);
    await page.locator('.leads-card').getByText('The data team is hiring two analysts in May').waitFor();
    await shoot('leads-exploration');

    // Search finds it.
    await page.keyboard.press('Control+KeyK');
    await page.getByRole('combobox', { name: 'Search everything' }).fill('analysts');
    await page.getByRole('group', { name: 'Leads' }).getByRole('option', { name: /The data team is hiring two analysts/ }).waitFor();
    await page.keyboard.press('Escape');

    // The Leads page, from the sidebar.
    await page.getByRole('link', { name: 'Leads', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await page.getByText('The data team is hiring two analysts in May').waitFor();
    await page.getByText(/never a favour to ask of the person who told you/).waitFor();
    await expectAccessible(page, 'leads page');
    await shoot('leads-page');

    // Today: the next step is on the agenda.
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: 'Lead: The data team is hiring two analysts in May' }).waitFor();
    await page.getByText(/Read the team page and ask careers about the analyst roles\. Maya Costa said you may mention them\./).waitFor();
    await expectAccessible(page, 'today with a lead');
    await shoot('leads-today');
    expect(csp).toEqual([]);
  }, 60_000);
});

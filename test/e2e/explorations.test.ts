/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, expectAccessible, hasBrowser, launch, newPage, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const SHOTS = process.env.INROADS_SCREENSHOTS;

/** One exploration carried through the web app alone, from a blank workspace: no API calls, no CLI. */
describe.skipIf(!hasBrowser && !requireBrowser)('explorations in the web app', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const go = (path: string) => page.goto(`${server.origin}${path}`);
  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };
  const exploring = () => page.getByRole('navigation', { name: 'Main' }).getByLabel('Exploring');
  const explorationsCard = () => page.getByRole('region', { name: 'Explorations' });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    page = await newPage(browser);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('onboards, resumes at the third step after a reload without a second exploration, and adds a person with their organisation by name', async () => {
    await page.goto(server.signInUrl);
    await page.waitForURL(/\/welcome$/);
    await page.getByLabel('Your name').fill('Sam Rivera');
    await page.getByLabel('Background').fill('Eight years teaching science.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What do you want to explore?').fill('UX research in health tech');
    await page.getByRole('button', { name: 'Start exploring' }).click();
    await page.getByRole('heading', { name: 'Your first people' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Your first people' }).waitFor();
    await page.getByText('They join').waitFor();
    await expectAccessible(page, 'onboarding, step 3 after a reload');
    await shot('onboarding-step3');

    await page.getByLabel('Name', { exact: true }).fill('Maya Costa');
    await page.getByLabel('Organisation').fill('Brightpath Learning');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('status').filter({ hasText: 'Maya Costa (Brightpath Learning)' }).waitFor();
    await page.getByRole('button', { name: 'Finish and go to Today' }).click();
    await page.waitForURL(`${server.origin}/`);
    const next = page.getByRole('link', { name: 'Next: choose whom to ask' });
    expect(await next.getAttribute('href')).toBe('/next');
    await expectAccessible(page, 'today after onboarding');
    await shot('today-after-onboarding');

    // One exploration, and it is the active one.
    expect(await exploring().locator('option:checked').textContent()).toBe('UX research in health tech');
    await go('/explorations');
    await page.getByRole('heading', { level: 1, name: 'Explorations' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'UX research in health tech' }).waitFor();
    expect(await page.locator('main article').count()).toBe(1);
    await expectAccessible(page, 'explorations');
  });

  it('files new organisations, people and interviews under the active exploration and shows them on its page', async () => {
    await go('/organizations');
    await page.getByRole('button', { name: 'Add organisation' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Northwind Health');
    expect(await dialog.getByRole('checkbox', { name: 'UX research in health tech' }).isChecked()).toBe(true);
    await shot('add-organisation');
    await dialog.getByRole('button', { name: 'Add organisation' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Northwind Health' }).click();
    await page.getByRole('heading', { level: 1, name: 'Northwind Health' }).waitFor();
    await explorationsCard().getByRole('link', { name: 'UX research in health tech' }).waitFor();
    await expectAccessible(page, 'organisation');

    await go('/people');
    await page.getByRole('button', { name: 'Add person' }).first().click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Ben Walsh');
    await page.getByRole('dialog').getByLabel('Organisation').selectOption({ label: 'Northwind Health' });
    await page.getByRole('dialog').getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ben Walsh' }).waitFor();
    await explorationsCard().getByRole('link', { name: 'UX research in health tech' }).waitFor();
    await expectAccessible(page, 'person');

    await page.getByRole('button', { name: 'Plan an interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Ben Walsh' }).waitFor();
    await explorationsCard().getByRole('link', { name: 'UX research in health tech' }).waitFor();
    await expectAccessible(page, 'interview');

    await explorationsCard().getByRole('link', { name: 'UX research in health tech' }).click();
    await page.getByRole('heading', { level: 1, name: 'UX research in health tech' }).waitFor();
    const conversations = page.getByRole('region', { name: 'Conversations' });
    await conversations.getByRole('link', { name: 'Ben Walsh' }).waitFor();
    await conversations.getByText('1 conversation in this exploration').waitFor();
    const orgs = page.getByRole('region', { name: 'Organisations' });
    await orgs.getByRole('link', { name: 'Northwind Health' }).waitFor();
    await orgs.getByRole('link', { name: 'Brightpath Learning' }).waitFor();
    await page.getByRole('list', { name: 'People' }).getByRole('link', { name: 'Maya Costa' }).waitFor();
    await expectAccessible(page, 'exploration');
    await shot('exploration-1280');

    await page.getByRole('link', { name: 'Decision board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Decision board: UX research in health tech' }).waitFor();
    await page.getByText('No conversations held yet in this exploration.').waitFor();
    await expectAccessible(page, 'decision board');
  });

  it('counts a conversation held with tagged notes and a debrief on the exploration’s decision board', async () => {
    await go('/explorations');
    await page.getByRole('main').getByRole('link', { name: 'UX research in health tech' }).click();
    await page.getByRole('region', { name: 'Conversations' }).getByRole('link', { name: 'Ben Walsh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Ben Walsh' }).waitFor();
    await page.getByRole('button', { name: 'Mark as requested' }).click();
    await page.getByRole('button', { name: 'Mark as scheduled' }).click();
    await page.getByRole('dialog').getByLabel('Date and time').fill('2030-05-06T10:30');
    await page.getByRole('dialog').getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('link', { name: 'Interview mode' }).click();
    await page.getByRole('heading', { level: 1, name: /Talking with Ben Walsh/ }).waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByLabel('Key question').selectOption('fit');
    await page.getByLabel('It speaks').selectOption('for');
    await page.getByLabel(/^Note \(/).fill('The team critiques work together every Friday');
    await page.getByLabel(/^Note \(/).press('Enter');
    await page.locator('.im-note-list').getByText('The team critiques work together every Friday').waitFor();
    await page.getByRole('button', { name: 'End and debrief' }).click();
    await page.getByRole('heading', { name: 'Debrief' }).waitFor();
    await page.getByLabel('What I learned').fill('Critique culture suits me.');
    await page.getByRole('button', { name: 'Save debrief' }).click();
    await page.getByText('Debrief saved.').waitFor();

    await go('/explorations');
    await page.getByRole('main').getByRole('link', { name: 'UX research in health tech' }).click();
    await page.getByRole('link', { name: 'Decision board' }).click();
    await page.getByText('1 conversation held.').waitFor();
    const fit = page.getByRole('region', { name: /Is it a good fit\?/ });
    await fit.getByText('The team critiques work together every Friday').waitFor();
    await expectAccessible(page, 'decision board with a conversation');
  });

  it('edits a person’s explorations with chips', async () => {
    await go('/people');
    await page.getByRole('link', { name: 'Ben Walsh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ben Walsh' }).waitFor();
    await explorationsCard().getByRole('button', { name: 'Remove from UX research in health tech' }).click();
    // Still part of it through his organisation, which says so.
    await explorationsCard().getByText('Also through Northwind Health').waitFor();
    await explorationsCard().getByRole('button', { name: 'Add' }).click();
    await explorationsCard().getByRole('link', { name: 'UX research in health tech' }).waitFor();
  });

  it('renames, pauses, deletes with undo, and explains what to do when there is nobody to rank', async () => {
    await go('/explorations');
    await page.getByRole('main').getByRole('link', { name: 'UX research in health tech' }).click();
    await page.getByRole('button', { name: 'Rename or edit' }).click();
    await page.getByRole('dialog').getByLabel('What do you want to explore?').fill('UX research in health and education');
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'UX research in health and education' }).waitFor();
    await page.getByLabel('Status').selectOption('paused');
    await page.locator('main .page-header .badge', { hasText: 'Paused' }).waitFor();
    expect(await exploring().locator('option:checked').textContent()).toBe('UX research in health and education (paused)');

    // The leaning scale reads from −2 to +2.
    const leanings = await page.getByLabel('Is it a good fit?').locator('option').allTextContents();
    expect(leanings).toEqual(['Not yet', '−2 · Clearly no', '−1 · Leaning no', '0 · Undecided', '+1 · Leaning yes', '+2 · Clearly yes']);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete exploration' }).click();
    await page.waitForURL(/\/explorations$/);
    await page.getByRole('status').filter({ hasText: 'Deleted UX research in health and education' }).waitFor();
    await expectAccessible(page, 'explorations after a delete');
    await shot('explorations-undo');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { level: 1, name: 'UX research in health and education' }).waitFor();
    await page.getByRole('region', { name: 'Conversations' }).getByRole('link', { name: 'Ben Walsh' }).waitFor();

    await go('/explorations');
    await page.getByRole('button', { name: 'New exploration' }).click();
    await page.getByRole('dialog').getByLabel('What do you want to explore?').fill('Museum education');
    await page.getByRole('dialog').getByRole('button', { name: 'Add exploration' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Museum education' }).click();
    const whom = page.getByRole('region', { name: 'Whom to ask next' });
    await whom.getByText('Nobody to rank yet').waitFor();
    expect(await whom.getByText('Everyone here has been asked').count()).toBe(0);
    await whom.getByRole('button', { name: 'Add a person' }).click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Ines Duarte');
    await page.getByRole('dialog').getByLabel('Organisation').fill('City Museum');
    await page.getByRole('dialog').getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('list', { name: 'People' }).getByRole('link', { name: 'Ines Duarte' }).waitFor();
    await page.getByRole('region', { name: 'Organisations' }).getByRole('link', { name: 'City Museum' }).waitFor();
    await whom.getByRole('link', { name: 'Ines Duarte' }).waitFor();
    await expectAccessible(page, 'a second exploration');
    await shot('second-exploration');
  });

  it('fits a phone: the exploration page and the sidebar never scroll sideways', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await go('/explorations');
    await page.getByRole('main').getByRole('link', { name: 'UX research in health and education' }).click();
    await page.getByRole('heading', { level: 1, name: 'UX research in health and education' }).waitFor();
    await page.getByRole('region', { name: 'Conversations' }).getByRole('link', { name: 'Ben Walsh' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'exploration on a phone');
    await shot('exploration-375');
    await go('/people');
    await page.getByRole('link', { name: 'Ben Walsh' }).click();
    await explorationsCard().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot('person-375');
    await go('/explorations');
    await page.getByRole('heading', { level: 1, name: 'Explorations' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot('explorations-375');
  });
});

/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../src/shared/clock.js';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, pageOverflow, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const SHOTS = process.env.INROADS_SCREENSHOTS;


/**
 * The first hour of a newcomer, from a blank home, in the web app only: no API calls,
 * no CLI and no reloads. Only the clocks (the server's and the browser's) are moved (three business days, then to
 * the day of the conversation), as the calendar would move it.
 */
describe.skipIf(!hasBrowser && !requireBrowser)('first hour: one exploration from a blank workspace to the decision board', () => {
  // A Tuesday morning (the browser and the profile are in UTC).
  const clock = settableClock('2027-03-02T09:00:00Z');
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let csp: string[] = [];
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const visited: string[] = [];
  /** axe on the page, remembered so the phone pass can revisit it. */
  const check = async (label: string) => {
    await expectAccessible(page, label);
    visited.push(new URL(page.url()).pathname);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/first-hour-${visited.length}.png`, fullPage: true });
  };

  const moveTo = async (iso: string) => {
    clock.set(iso);
    await page.clock.setSystemTime(new Date(iso));
  };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', locale: 'en-GB' });
    // The browser's clock starts where the server's does and runs on; each jump below moves both.
    await context.clock.install({ time: clock.now() });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    csp = collectCspViolations(page);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('carries one exploration from onboarding to the decision board', async () => {
    // Onboarding: who I am, what I explore, my first person (with their organisation by name).
    await page.goto(server.signInUrl);
    await page.waitForURL(/\/welcome$/);
    await check('onboarding');
    await page.getByLabel('Your name').fill('Sam Rivera');
    await page.getByLabel('Background').fill('Eight years teaching science in secondary schools.');
    await page.getByLabel('Your pitch').fill('I teach science and I am exploring UX research, where my classroom research could help.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What do you want to explore?').fill('UX research in health tech');
    await page.getByRole('button', { name: 'Start exploring' }).click();
    await page.getByRole('heading', { name: 'Your first people' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Maya Costa');
    await page.getByLabel('Organisation').fill('Brightpath Health');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('status').filter({ hasText: 'Maya Costa' }).waitFor();
    await page.getByRole('button', { name: 'Finish and go to Today' }).click();
    await h1('Today').waitFor();
    // Today points to the next step.
    await page.getByRole('link', { name: 'Next: choose whom to ask' }).waitFor();
    await check('today after onboarding');

    // Organisations: rank the target and add a second one.
    await nav('Organisations').click();
    await h1('Organisations').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Brightpath Health' }).click();
    await h1('Brightpath Health').waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('How keen are you?').selectOption('3');
    await dialog.getByLabel('I have an alumni or affinity link there').check();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await check('organisation');

    // People: a second person there, from the organisation's page.
    await page.getByRole('button', { name: 'Add a person here' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Leo Park');
    await dialog.getByLabel('Job title').fill('Senior UX researcher');
    await dialog.getByLabel('How you know them').selectOption({ label: 'Cold contact' });
    await dialog.getByLabel('Email').fill('leo@brightpath.example');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('main').getByRole('link', { name: 'Leo Park' }).first().waitFor();

    // Maya's details, on her page.
    await nav('People').click();
    await h1('People').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Maya Costa' }).click();
    await h1('Maya Costa').waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Job title').fill('UX researcher');
    await dialog.getByLabel('How you know them').selectOption({ label: 'Alumni' });
    await dialog.getByLabel('Seniority').selectOption({ label: 'One step above' });
    await dialog.getByLabel('Email').fill('maya@brightpath.example');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Explorations' }).getByRole('link', { name: 'UX research in health tech' }).waitFor();
    await check('person');

    // Whom to ask: Maya first, with reasons; draft the request there.
    await nav('Whom to ask').click();
    await h1('Whom to ask next').waitFor();
    const list = page.locator('ol.suggestions');
    await expect.poll(() => list.locator('> li').first().getByRole('link').first().textContent()).toBe('Maya Costa');
    await check('whom to ask next');
    await page.getByRole('button', { name: 'Draft request to Maya Costa' }).click();
    dialog = page.getByRole('dialog', { name: 'Request to Maya Costa' });
    const message = dialog.getByLabel('Message');
    await expect.poll(() => message.inputValue()).toContain('UX research in health tech');
    expect(await message.inputValue()).not.toMatch(/\{\{|\[(contact|exploration|profile)\./);
    await dialog.getByText('Looks good', { exact: false }).waitFor();
    // The checker reads what is typed: asking for a job is flagged at once, and clears once taken out.
    const original = await message.inputValue();
    await message.fill(`${original}\n\nP.S. Are you hiring? I have attached my CV.`);
    await expect.poll(() => dialog.getByText('Looks good', { exact: false }).count()).toBe(0);
    await message.fill(original);
    await dialog.getByText('Looks good', { exact: false }).waitFor();
    await check('draft request');
    expect(await dialog.getByRole('link', { name: 'Open in my mail app' }).getAttribute('href')).toMatch(/^mailto:maya@brightpath\.example\?subject=/);
    await dialog.getByRole('button', { name: 'I sent it' }).click();
    await dialog.getByText('Marked as requested').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Three business days without a reply: Today suggests the next person at Brightpath.
    await moveTo('2027-03-05T15:00:00Z');
    await nav('Today').click();
    await h1('Today').waitFor();
    const reach = page.locator('li.agenda-item', { has: page.getByRole('heading', { name: /Leo Park/ }) });
    await reach.waitFor();
    await check('today with reach-next');
    await reach.getByRole('button', { name: 'Draft request' }).click();
    dialog = page.getByRole('dialog', { name: 'Request to Leo Park' });
    await expect.poll(() => dialog.getByLabel('Message').inputValue()).toMatch(/^Hi Leo,/);
    await dialog.getByRole('button', { name: 'I sent it' }).click();
    await dialog.getByText('Marked as requested').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('heading', { name: /Leo Park/ }).waitFor({ state: 'detached' });

    // Maya replies: the conversation is set for Monday at 10:00.
    await nav('Interviews').click();
    await h1('Interviews').waitFor();
    await check('interview board');
    await page.getByRole('main').getByRole('link', { name: /Maya Costa/ }).first().click();
    await h1('Interview with Maya Costa').waitFor();
    await page.getByRole('button', { name: 'Mark as scheduled' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date and time').fill('2027-03-08T10:00');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('link', { name: 'Interview mode' }).waitFor();

    // Preparation: the checklist on the interview page.
    const prep = page.getByRole('region', { name: 'Preparation' });
    const boxes = prep.getByRole('checkbox');
    const count = await boxes.count();
    expect(count).toBeGreaterThan(2);
    for (let i = 0; i < count; i++) {
      await boxes.nth(i).check();
      await expect.poll(() => boxes.nth(i).isChecked()).toBe(true);
    }
    await prep.getByText(`${count} of ${count} ready`).waitFor();
    await check('interview, prepared');

    // Monday: the conversation, in interview mode from the keyboard.
    await moveTo('2027-03-08T10:00:00Z');
    await page.getByRole('link', { name: 'Interview mode' }).click();
    await h1(/Talking with Maya Costa/).waitFor();
    await page.keyboard.press('Alt+KeyS');
    await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    await check('interview mode');
    const note = page.getByLabel(/^Note \(/);
    await note.fill('Research findings shape the roadmap every quarter');
    await page.keyboard.press('Alt+Digit2');
    await expect(page.getByLabel('Key question').inputValue()).resolves.toBe('fit');
    await page.getByLabel('It speaks').selectOption('for');
    await note.press('Enter');
    await page.locator('.im-note-list').getByText('Research findings shape the roadmap every quarter').waitFor();
    await page.keyboard.press('Alt+KeyR');
    await page.keyboard.type('Ines Duarte');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Added Ines Duarte, suggested by Maya Costa.' }).waitFor();
    await moveTo('2027-03-08T10:30:00Z');
    await page.getByRole('button', { name: 'End and debrief' }).click();

    // The debrief already knows the tagged note and the referral.
    await h1('Interview with Maya Costa').waitFor();
    const debrief = page.locator('form#debrief');
    await debrief.waitFor();
    const fit = debrief.locator('fieldset', { has: page.getByText('Is it a good fit?', { exact: true }) });
    await expect(fit.getByRole('checkbox', { name: /Research findings shape the roadmap/ }).isChecked()).resolves.toBe(true);
    await expect(debrief.getByLabel('Who else to talk to').inputValue()).resolves.toContain('Ines Duarte');
    await debrief.getByLabel('What I learned').fill('Research is close to product decisions here, and my teaching research counts.');
    await debrief.getByRole('radiogroup', { name: 'Leaning: Is it a good fit?' }).getByLabel('Probably', { exact: true }).check();
    await debrief.getByText('Debrief saved.').waitFor();
    await check('debrief');

    // The thank-you reads as a letter to Maya, and recording it marks the interview thanked.
    const thanks = page.getByRole('region', { name: 'Thank-you' });
    const letter = await thanks.getByLabel('Message').inputValue();
    expect(letter).toMatch(/^(Dear|Hi) Maya/);
    expect(letter).not.toMatch(/Maya Costa (said|told)/);
    await thanks.getByRole('button', { name: 'I sent it — record the thank-you' }).click();
    await page.locator('.page-header .badge', { hasText: 'Thanked' }).waitFor();
    expect(await page.getByRole('link', { name: 'Interview mode' }).count()).toBe(0);
    await check('interview, thanked');

    // The decision board shows that conversation's evidence for the key question.
    await nav('Explorations').click();
    await h1('Explorations').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'UX research in health tech' }).click();
    await h1('UX research in health tech').waitFor();
    await page.getByRole('region', { name: 'Conversations' }).getByRole('link', { name: 'Maya Costa' }).waitFor();
    await check('exploration');
    await page.getByRole('link', { name: 'Decision board' }).click();
    await h1(/Decision board/).waitFor();
    await page.getByText('1 conversation held.').waitFor();
    const fitOnBoard = page.getByRole('region', { name: /Is it a good fit\?/ });
    await fitOnBoard.locator('.evidence > div', { has: page.getByRole('heading', { name: 'For', exact: true }) }).getByText('Research findings shape the roadmap every quarter').waitFor();
    await fitOnBoard.getByText(/Maya Costa, 8 Mar 2027/).waitFor();
    await check('decision board');

    // Settings shows the time zone the profile holds, even one the browser's list lacks (UTC), so saving keeps it.
    await nav('Settings').click();
    await h1('Settings').waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('UTC');
    await check('settings');
    expect(csp).toEqual([]);
  }, 240_000);

  it('shows the pages of that hour on a phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of new Set(visited)) {
      await page.goto(`${server.origin}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await pageOverflow(page), `${path} at 375 px`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `${path} at 375 px`);
    }
  }, 120_000);
});

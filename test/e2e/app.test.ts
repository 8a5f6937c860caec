/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCommandFor } from '../../src/server/security.js';
import { firstRequests } from '../../src/shared/vocabulary/first-requests.js';
import { assertBrowserAvailable, closeAll, expectAccessible, hasBrowser, launch, pageOverflow, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

describe.skipIf(!hasBrowser && !requireBrowser)('the web app in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  const go = (path: string) => page.goto(`${server.origin}${path}`);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('explains how to get in to a browser without the start link', async () => {
    const stranger = await browser.newPage();
    const response = await stranger.goto(server.origin);
    expect(response?.status()).toBe(401);
    await expect(stranger.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/not signed in/);
    // The command works from anywhere: this installation's bin/inroads.js by its absolute path, with this server's home.
    expect(await stranger.getByText(openCommandFor(server.home), { exact: true }).count()).toBe(1);
    expect(await stranger.content()).toContain('npx inroads open');
    await stranger.close();
  });

  it('walks a newcomer through onboarding', async () => {
    await page.goto(server.signInUrl);
    await page.waitForURL(/\/welcome$/);
    await page.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();
    await page.getByRole('button', { name: 'Try it with sample data' }).waitFor();
    await expectAccessible(page, 'onboarding');
    await page.getByLabel('Your name').fill('Sam Rivera');
    await page.getByLabel('Background').fill('Eight years teaching science.');
    await page.getByLabel('Your pitch').fill('I teach science and I am exploring UX research.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What do you want to explore?').fill('UX research in health tech');
    await page.getByRole('button', { name: 'Start exploring' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Maya Costa');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('status').filter({ hasText: 'Maya Costa' }).waitFor();
    await page.getByRole('button', { name: 'Finish and go to Today' }).click();
    await page.waitForURL(`${server.origin}/`);
    await page.getByRole('heading', { name: 'Nothing due this week' }).waitFor();
    await expectAccessible(page, 'today (empty)');
  });

  it.each(['/', '/people'])('fetches the first data of %s once, started with the page itself', async (path) => {
    await go(path);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.replace(location.origin, '')));
    for (const address of firstRequests(path, '', true)) expect(fetched.filter((name) => name === address), address).toHaveLength(1);
  });

  it('adds a person and refuses bad input next to the field', async () => {
    await go('/people');
    await page.getByRole('button', { name: 'Add person' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Ben Walsh');
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await dialog.getByText('must be an email address').waitFor();
    await dialog.getByLabel('Email').fill('ben@example.com');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ben Walsh' }).waitFor();
    await expectAccessible(page, 'person');
    await go('/people');
    await page.getByRole('link', { name: 'Ben Walsh' }).waitFor();
    await expectAccessible(page, 'people');
  });

  it('plans an interview, moves it through its states, explains an illegal move, and thanks from Today', async () => {
    await go('/people');
    await page.getByRole('link', { name: 'Maya Costa' }).click();
    await page.getByRole('button', { name: 'Plan an interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Maya Costa' }).waitFor();
    // The request is checked as it is typed.
    await page.getByLabel('Request message').fill('Hi Maya,\n\nAre you hiring at the moment?\n\nSam');
    await page.getByText('Sounds like a job request').waitFor();
    await page.getByLabel('Request message').fill('Hi Maya,\n\nBen suggested I write. Could I have 20 minutes of your advice next week?\n\nSam');
    await page.getByText('Looks good').waitFor();
    await expectAccessible(page, 'interview');
    await page.getByRole('button', { name: 'Mark as requested' }).click();
    await page.getByRole('button', { name: 'Mark as scheduled' }).waitFor();

    await go('/interviews');
    const card = page.locator('.interview-card', { hasText: 'Maya Costa' });
    await card.waitFor();
    // Dragging a requested interview straight to "Held" is refused with an explanation.
    await card.dragTo(page.locator('section.column', { has: page.getByRole('heading', { name: /^Held/ }) }));
    await page.getByRole('status').filter({ hasText: 'cannot go straight to' }).waitFor();
    await expectAccessible(page, 'board');
    // The keyboard alternative: the card's "Move to…" menu.
    await card.getByLabel('Move interview with Maya Costa to').selectOption('scheduled');
    const when = page.getByLabel('Date and time');
    await when.fill('2030-05-06T10:30');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.locator('section.column', { has: page.getByRole('heading', { name: /^Scheduled/ }) }).getByRole('link', { name: 'Maya Costa' }).waitFor();

    await page.getByRole('link', { name: 'Maya Costa' }).click();
    // Preparation is ticked off on the interview page and saved at once.
    await page.getByLabel('My 30-second pitch is ready').check();
    await page.getByText('1 of 10 ready').waitFor();
    await page.getByRole('button', { name: 'Mark as held' }).click();
    await page.getByRole('button', { name: 'I sent it — record the thank-you' }).waitFor();

    await go('/');
    const thank = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Thank Maya Costa' }) });
    await thank.waitFor();
    await expectAccessible(page, 'today');
    await thank.getByRole('button', { name: 'Draft message' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /log the thank-you/ }).click();
    await thank.waitFor({ state: 'detached' });
    await expect(page.getByRole('heading', { name: 'Thank Maya Costa' }).count()).resolves.toBe(0);
  });

  it('imports a LinkedIn export with a preview first', async () => {
    await go('/import');
    await page.getByRole('heading', { level: 1, name: 'Import people' }).waitFor();
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Notes:\r\n"Some emails are missing."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nPriya,Shah,https://www.linkedin.com/in/priya-shah,,Northwind Health,Service Designer,12 Mar 2024\r\n'),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: '2. Check the preview' }).waitFor();
    await page.getByText('Nobody already in Inroads needs a decision.').waitFor();
    await expectAccessible(page, 'import preview');
    await page.getByRole('button', { name: 'Import 1 change' }).click();
    await page.getByRole('heading', { name: 'Done' }).waitFor();
    await page.getByRole('link', { name: 'See your people' }).click();
    await page.getByRole('link', { name: 'Priya Shah' }).click();
    await page.getByRole('heading', { level: 1, name: 'Priya Shah' }).waitFor();

    // The same person again, with a new title and an email: the preview says so in words.
    await go('/import');
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nPriya,Shah,https://www.linkedin.com/in/priya-shah,priya@northwind.example,Northwind Health,Head of Design,12 Mar 2024\r\n'),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: '1 person to look at' }).waitFor();
    const summary = await page.getByText(/in the file:/).textContent();
    expect(summary).toContain('1 gains details, 1 differs from what you have');
    const row = page.getByRole('row').filter({ hasText: 'Priya Shah' });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['2', 'Priya Shah', 'Gains details · found by LinkedIn address', 'Emails', 'Job title']);
    await expectAccessible(page, 'import preview with a person to look at');
  });

  it('keeps a question bank: favourites, own questions checked as typed, and questions chosen for an interview', async () => {
    await go('/questions');
    await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();
    const star = page.getByRole('button', { name: 'Favourite: What do you wish someone had told you before you started?' });
    await star.click();
    await page.getByRole('button', { name: 'Favourite: What do you wish someone had told you before you started?', pressed: true }).waitFor();
    await expectAccessible(page, 'questions');
    await page.getByLabel('Question', { exact: true }).fill('Do you like your job?');
    await page.getByText('Closed question.').waitFor();
    await page.getByLabel('Question', { exact: true }).fill('What surprised you most in your first month?');
    await page.getByText('A good, open question for this person.').waitFor();
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByText('What surprised you most in your first month?').first().waitFor();
    await page.locator('.question-row', { hasText: 'first month' }).getByRole('button', { name: /^Edit/ }).click();
    await page.getByLabel('Question text').fill('What surprised you most in your first three months?');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('What surprised you most in your first three months?').first().waitFor();

    await go('/interviews');
    await page.locator('.interview-card', { hasText: 'Maya Costa' }).getByRole('link', { name: 'Maya Costa' }).click();
    await page.getByLabel('Add a question from your bank').selectOption({ label: '★ What do you wish someone had told you before you started?' });
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByRole('listitem').filter({ hasText: 'What do you wish someone had told you before you started?' }).waitFor();
  });

  it('edits a template with a live preview on a real person and a clear error for an unknown field', async () => {
    await go('/templates');
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Ask for advice (email)' });
    await page.getByLabel('For', { exact: true }).selectOption({ label: 'Maya Costa' });
    await page.locator('.preview-body').filter({ hasText: 'Hi Maya' }).waitFor();
    await expectAccessible(page, 'templates');
    await page.getByLabel('Message', { exact: true }).fill('Hi {{contact.firstName}}');
    await page.getByRole('alert').filter({ hasText: '{{contact.firstName}}' }).waitFor();
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.locator('.error').filter({ hasText: 'which Inroads cannot fill' }).waitFor();
  });

  it('finds things with Ctrl+K', async () => {
    await go('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    const search = page.getByLabel('Search everything');
    await search.fill('maya');
    await page.getByRole('dialog').getByRole('option', { name: /Maya Costa/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Maya Costa' }).waitFor();
  });

  it('has no serious accessibility problems on the other pages, in light and dark', async () => {
    for (const path of ['/organizations', '/explorations', '/settings']) {
      await go(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, path);
    }
    await go('/explorations');
    await page.getByRole('link', { name: 'UX research in health tech' }).click();
    await page.getByRole('heading', { name: 'The four questions' }).waitFor();
    await page.getByLabel('Would I be successful?').selectOption('1');
    await page.getByRole('heading', { name: 'Whom to ask next' }).waitFor();
    await expectAccessible(page, 'exploration');
    await go('/organizations');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Brightpath Learning');
    await page.getByRole('dialog').getByRole('button', { name: 'Add organisation' }).click();
    await page.getByRole('link', { name: 'Brightpath Learning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brightpath Learning' }).waitFor();
    await expectAccessible(page, 'organisation');
    const dark = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    const darkPage = await dark.newPage();
    await darkPage.goto(server.signInUrl);
    await darkPage.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await darkPage.waitForLoadState('networkidle');
    await expectAccessible(darkPage, 'today (dark)');
    await dark.close();
  });

  it('fits a 375-pixel-wide phone screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const small = await phone.newPage();
    await small.goto(server.signInUrl);
    for (const path of ['/', '/people', '/organizations', '/settings', '/insights']) {
      await small.goto(`${server.origin}${path}`);
      await small.getByRole('heading', { level: 1 }).waitFor();
      await small.waitForLoadState('networkidle');
      const overflow = await pageOverflow(small);
      expect(overflow, path).toBeLessThanOrEqual(1);
    }
    await phone.close();
  });
});

/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, collectCspViolations, expectAccessible, expectFitsNarrow, hasBrowser, launch, requireBrowser, screenshot, type SharedTestServer, signInWithPassword, startSharedServer } from './browser.js';

assertBrowserAvailable();

const PASSWORD = 'correct horse battery staple';

/** Joins with an invitation link, as the person it is for. */
const joinWith = async (page: Page, link: string, name: string) => {
  await page.goto(link);
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
};

/** Issue 21 item 5: consent that says what it shows, walked through the app by an admin, a coach and a student. */
describe.skipIf(!hasBrowser && !requireBrowser)('sharing that previews what the coach sees, and an audit of every look', () => {
  let browser: Browser;
  let shared: SharedTestServer;
  let origin: string;
  const csp: string[] = [];

  const newPage = async (width = 1280): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true })).newPage();
    page.setDefaultTimeout(15_000);
    csp.push(...collectCspViolations(page));
    return page;
  };
  const signIn = (page: Page, email: string, password = PASSWORD) => signInWithPassword(page, origin, email, password);

  beforeAll(async () => {
    // The first admin, as `inroads users add` makes them; everyone else arrives through the app.
    shared = await startSharedServer('consent', { email: 'admin@uni.example', password: PASSWORD });
    origin = shared.origin;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await shared?.close();
  });

  it('previews progress without names, shares it, logs the coach’s look, shows names once allowed, and exports the audit', async () => {
    const admin = await newPage();
    await signIn(admin, 'admin@uni.example');
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('heading', { name: 'Administration' }).waitFor();
    const invite = async (email: string, role: 'explorer' | 'coach') => {
      const field = admin.getByLabel('Invitation link', { exact: true });
      const before = (await field.count()) ? await field.inputValue() : '';
      await admin.getByLabel('Invite email').fill(email);
      await admin.getByLabel('As', { exact: true }).selectOption(role);
      await admin.getByRole('button', { name: 'Make an invitation link' }).click();
      await expect.poll(async () => ((await field.count()) ? field.inputValue() : before)).not.toBe(before);
      return field.inputValue();
    };
    const sam = await newPage();
    await joinWith(sam, await invite('sam@uni.example', 'coach'), 'Sam Adviser');
    await sam.getByRole('heading', { name: 'Coaching' }).waitFor();

    // The student joins, adds a person at an organisation and asks them for a conversation.
    const eve = await newPage();
    await joinWith(eve, await invite('eve@uni.example', 'explorer'), 'Eve Explorer');
    await eve.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();
    await eve.getByLabel('Your name').fill('Eve Explorer');
    await eve.getByLabel('Background').fill('Three years in retail banking.');
    await eve.getByLabel('Your pitch').fill('I work in retail banking and I am exploring data analysis.');
    await eve.getByRole('button', { name: 'Continue' }).click();
    await eve.getByLabel('What do you want to explore?').fill('Data analysis in health');
    await eve.getByRole('button', { name: 'Start exploring' }).click();
    await eve.getByRole('heading', { name: 'Your first people' }).waitFor();
    await eve.getByLabel('Name', { exact: true }).fill('Maya Costa');
    await eve.getByLabel('Organisation').fill('Brightpath Health');
    await eve.getByRole('button', { name: 'Add person' }).click();
    await eve.getByRole('status').filter({ hasText: 'Maya Costa' }).waitFor();
    await eve.getByRole('button', { name: 'Finish and go to Today' }).click();
    await eve.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await eve.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Whom to ask', exact: true }).click();
    await eve.getByRole('button', { name: 'Draft request to Maya Costa' }).click();
    const draft = eve.getByRole('dialog', { name: 'Request to Maya Costa' });
    await draft.getByRole('button', { name: 'I sent it' }).click();
    await draft.getByText('Marked as requested').waitFor();
    await draft.getByRole('button', { name: 'Close' }).click();

    // The sharing card previews the coach's page: with “progress only”, no names.
    await eve.getByRole('link', { name: 'Account' }).click();
    await eve.getByRole('heading', { name: 'Account', exact: true }).waitFor();
    const preview = eve.getByRole('region', { name: 'What your coach will see' });
    await preview.getByRole('cell', { name: 'Person 1' }).waitFor();
    await preview.getByRole('cell', { name: 'Organisation 1' }).waitFor();
    await preview.getByText('Requested').first().waitFor();
    expect(await preview.textContent()).not.toMatch(/Maya|Costa|Brightpath/);
    await expectAccessible(eve, 'account with the sharing preview');
    await screenshot(eve, 'consent-account-1280');
    // Ticking the names option shows them in the preview at once; unticking hides them again.
    await eve.getByLabel('Also show the names of the people and organisations').check();
    await preview.getByRole('cell', { name: 'Maya Costa' }).waitFor();
    await eve.getByLabel('Also show the names of the people and organisations').uncheck();
    await preview.getByRole('cell', { name: 'Person 1' }).waitFor();

    await eve.getByLabel('Coach’s email').fill('sam@uni.example');
    await eve.getByRole('button', { name: 'Share', exact: true }).click();
    await eve.getByRole('button', { name: 'Stop sharing with Sam Adviser' }).waitFor();
    await eve.getByRole('cell', { name: 'Progress only, without names' }).waitFor();

    // The coach sees the student without names: exactly the preview.
    await sam.reload();
    await sam.getByRole('link', { name: 'Eve Explorer' }).click();
    await sam.getByRole('heading', { name: 'Eve Explorer', level: 1 }).waitFor();
    await sam.getByRole('cell', { name: 'Person 1' }).waitFor();
    expect(await sam.getByRole('main').textContent()).not.toMatch(/Maya|Costa|Brightpath/);
    await expectAccessible(sam, 'coach view without names');
    await screenshot(sam, 'consent-coach-1280');

    // The student reads who looked.
    await eve.reload();
    const log = eve.getByRole('region', { name: 'Who has looked' });
    await log.getByText(/^Sam Adviser viewed your progress, /).waitFor();
    await log.getByText(/^You shared your progress with Sam Adviser, without names/).waitFor();

    // Names on: the coach sees them.
    await eve.getByLabel('Coach’s email').fill('sam@uni.example');
    await eve.getByLabel('Also show the names of the people and organisations').check();
    await eve.getByRole('button', { name: 'Share', exact: true }).click();
    await eve.getByRole('cell', { name: 'Progress only, with names' }).waitFor();
    await log.getByText(/^You changed what Sam Adviser sees: progress only, with names/).waitFor();
    await sam.reload();
    await sam.getByRole('cell', { name: 'Maya Costa' }).waitFor();
    await sam.getByRole('cell', { name: 'Brightpath Health' }).waitFor();

    // The admin downloads the whole audit.
    await admin.reload();
    await admin.getByRole('heading', { name: 'Audit of sharing' }).waitFor();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Download the audit log (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('inroads-audit.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('"Action","Done by","What","Names shown","Coach"');
    expect(csv).toMatch(/"viewed","coach","progress","no","Sam Adviser","sam@uni.example","Eve Explorer","eve@uni.example"/);
    expect(csv).toMatch(/"changed","student","progress","yes","Sam Adviser"/);
    await expectAccessible(admin, 'administration with the audit card');
    expect(csp).toEqual([]);
  }, 180_000);

  it('fits the sharing card, its preview and the access log on a 375 px screen', async () => {
    const eve = await newPage(375);
    await signIn(eve, 'eve@uni.example');
    await eve.goto(`${origin}/account`);
    const preview = eve.getByRole('region', { name: 'What your coach will see' });
    await preview.getByRole('cell', { name: 'Person 1' }).waitFor();
    await eve.getByRole('region', { name: 'Who has looked' }).getByText(/viewed your progress/).first().waitFor();
    await expectFitsNarrow(eve, 'account', { items: true });
    await expectAccessible(eve, 'account at 375 px');
    await screenshot(eve, 'consent-account-375');
    const sam = await newPage(375);
    await signIn(sam, 'sam@uni.example');
    await sam.goto(`${origin}/coaching`);
    await sam.getByRole('link', { name: 'Eve Explorer' }).click();
    await sam.getByRole('cell', { name: 'Maya Costa' }).waitFor();
    await expectFitsNarrow(sam, 'explorer progress', { items: true });
    await screenshot(sam, 'consent-coach-375');
    const admin = await newPage(375);
    await signIn(admin, 'admin@uni.example');
    await admin.goto(`${origin}/admin`);
    await admin.getByRole('link', { name: 'Download the audit log (CSV)' }).waitFor();
    await expectFitsNarrow(admin, 'administration', { items: true });
    await screenshot(admin, 'consent-admin-375');
    expect(csp).toEqual([]);
  }, 120_000);
});

/// <reference lib="dom" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, collectCspViolations, expectAccessible, expectFitsNarrow, hasBrowser, launch, requireBrowser, screenshot, type SharedTestServer, startSharedServer } from './browser.js';

assertBrowserAvailable();

const PASSWORD = 'correct horse battery staple';
/** Where screenshots of single sections go, besides the pages' own (see `screenshot`). */
const SHOTS = process.env.INROADS_SCREENSHOTS;

const CSV = [
  'Email,Name,Role,Cohort,Adviser',
  'sam@uni.example,Sam Adviser,coach,MSc Finance 2027,',
  'asha@uni.example,Asha Patel,student,MSc Finance 2027,sam@uni.example',
  'ben@uni.example,Ben Okafor,student,BA History 2026,sam@uni.example',
  'cara@uni.example,Cara Lind,student,MSc Finance 2027,sam@uni.example',
].join('\n');

/** Issue 21, item 3: a cohort invited from a file, a student sharing with her adviser in one step, the adviser's caseload, a revoked link. */
/** A CSV file for a file input. */
const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe.skipIf(!hasBrowser && !requireBrowser)('cohorts in the browser', () => {
  let browser: Browser;
  let shared: SharedTestServer;
  let origin: string;
  const csp: string[] = [];

  const newPage = async (width = 1280): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    csp.push(...collectCspViolations(page));
    return page;
  };

  beforeAll(async () => {
    // The first admin, as `inroads users add … --role admin` makes them; everything else goes through the pages.
    shared = await startSharedServer('cohorts', { email: 'admin@uni.example', password: PASSWORD });
    origin = shared.origin;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await shared?.close();
  });

  it('invites a cohort from a CSV file; a student joins, shares with her adviser in one step; the adviser sees the caseload by cohort; a revoked link stops working', async () => {
    const admin = await newPage();
    await admin.goto(`${origin}/`);
    await admin.getByLabel('Email').fill('admin@uni.example');
    await admin.getByLabel('Password').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('heading', { name: 'Administration' }).waitFor();

    // A file with a bad line is refused whole, every problem named by line and field.
    await admin.getByLabel('CSV file').setInputFiles(csvFile('bad.csv', `${CSV}\nnot-an-address,Nobody,,,\ncara@uni.example,Cara Again,,,\n`));
    await admin.getByRole('button', { name: 'Upload and invite' }).click();
    const problems = admin.getByRole('alert').filter({ hasText: 'Nobody was invited' });
    await problems.getByText('line 6: email is not an email address').waitFor();
    await problems.getByText('line 7: email cara@uni.example is already on line 5 of this file').waitFor();
    await expectAccessible(admin, 'administration with a refused file');
    expect(await admin.getByRole('button', { name: /^Revoke the invitation/ }).count()).toBe(0);

    await admin.getByLabel('CSV file').setInputFiles(csvFile('cohort.csv', CSV));
    await admin.getByRole('button', { name: 'Upload and invite' }).click();
    await admin.getByText(/4 invitations made; new cohorts: MSc Finance 2027, BA History 2026\. This server does not send email/).waitFor();
    const linkOf = (who: string) => admin.getByLabel(who, { exact: true }).inputValue();
    const links = { sam: await linkOf('Sam Adviser (sam@uni.example)'), asha: await linkOf('Asha Patel (asha@uni.example)'), ben: await linkOf('Ben Okafor (ben@uni.example)'), cara: await linkOf('Cara Lind (cara@uni.example)') };
    for (const link of Object.values(links)) expect(link).toMatch(/\/join\?invitation=[\w-]{32}$/);
    await admin.getByRole('button', { name: 'Copy link for Asha Patel' }).waitFor();
    expect(await admin.getByRole('button', { name: /^Revoke the invitation for/ }).count()).toBe(4);
    await expectAccessible(admin, 'administration with cohort links');
    await screenshot(admin, 'cohorts-admin-links-1280');
    if (SHOTS) await admin.locator('section[aria-labelledby="cohorts-heading"]').screenshot({ path: join(SHOTS, 'cohorts-cohorts-1280.png') });

    // The adviser joins first (name filled in from the file) and lands on Coaching.
    const sam = await newPage();
    await sam.goto(links.sam);
    await expect.poll(() => sam.getByLabel('Your name').inputValue()).toBe('Sam Adviser');
    expect(await sam.getByLabel('Email').inputValue()).toBe('sam@uni.example');
    await sam.getByLabel('Password').fill(PASSWORD);
    await sam.getByRole('button', { name: 'Create account' }).click();
    await sam.getByRole('heading', { name: 'Coaching' }).waitFor();

    // The student joins with her link: her name is filled in, and she lands on her home.
    const asha = await newPage();
    await asha.goto(links.asha);
    await expect.poll(() => asha.getByLabel('Your name').inputValue()).toBe('Asha Patel');
    await expectAccessible(asha, 'join page from a cohort invitation');
    await asha.getByLabel('Password').fill(PASSWORD);
    await asha.getByRole('button', { name: 'Create account' }).click();
    await asha.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();
    await asha.getByRole('link', { name: 'Account' }).click();
    await asha.getByRole('heading', { name: 'Your adviser: Sam Adviser' }).waitFor();
    await expectAccessible(asha, 'account with an adviser');
    await screenshot(asha, 'cohorts-account-1280');
    await asha.getByRole('button', { name: 'Share my progress with Sam Adviser' }).click();
    await asha.getByText('You share your progress with Sam Adviser.', { exact: false }).waitFor();
    await asha.getByRole('table', { name: 'Coaches you share with' }).getByText('Sam Adviser').waitFor();
    // Stopping from the list brings the one-step button back, and it shares again.
    await asha.getByRole('button', { name: 'Stop sharing with Sam Adviser' }).click();
    await asha.getByRole('button', { name: 'Share my progress with Sam Adviser' }).click();
    await asha.getByText('You share your progress with Sam Adviser.', { exact: false }).waitFor();

    const ben = await newPage();
    await ben.goto(links.ben);
    await expect.poll(() => ben.getByLabel('Your name').inputValue()).toBe('Ben Okafor');
    await ben.getByLabel('Password').fill(PASSWORD);
    await ben.getByRole('button', { name: 'Create account' }).click();
    await ben.getByRole('heading', { name: 'Welcome to Inroads' }).waitFor();

    // The adviser's caseload: Asha with her progress, Ben not shared yet; filtered by cohort, kept on reload.
    await sam.reload();
    const caseload = sam.getByRole('table', { name: 'Your caseload' });
    await caseload.getByRole('link', { name: 'Asha Patel' }).waitFor();
    await caseload.getByRole('row', { name: /Ben Okafor.*BA History 2026.*Not shared yet/ }).waitFor();
    expect(await caseload.getByRole('link', { name: 'Ben Okafor' }).count()).toBe(0);
    await expectAccessible(sam, 'coaching with a caseload');
    await screenshot(sam, 'cohorts-caseload-1280');
    await sam.getByLabel('Cohort').selectOption({ label: 'MSc Finance 2027' });
    await expect.poll(() => new URL(sam.url()).searchParams.get('cohort')).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => caseload.getByRole('row').count()).toBe(2);
    await sam.reload();
    await caseload.getByRole('link', { name: 'Asha Patel' }).waitFor();
    expect(await sam.getByLabel('Cohort').evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('MSc Finance 2027');
    expect(await caseload.getByText('Ben Okafor').count()).toBe(0);
    await caseload.getByRole('link', { name: 'Asha Patel' }).click();
    await sam.getByRole('heading', { name: 'Asha Patel' }).waitFor();

    // The admin sees who joined, the cohorts with their students and adviser, and revokes Cara's pending invitation.
    await admin.reload();
    await admin.getByText(/Joined .* as Asha Patel/).waitFor();
    const cohorts = admin.getByRole('table', { name: 'Cohorts' });
    await cohorts.getByRole('row', { name: /MSc Finance 2027.*Asha Patel.*Sam Adviser/ }).waitFor();
    // Sam advises BA History too; Ben moves to MSc Finance.
    await admin.getByLabel('Adviser to add to BA History 2026').selectOption({ label: 'Sam Adviser' });
    await admin.getByRole('button', { name: 'Add adviser to BA History 2026' }).click();
    await cohorts.getByRole('row', { name: /BA History 2026.*Ben Okafor.*Sam Adviser/ }).waitFor();
    await admin.getByRole('button', { name: 'Change a student’s cohort or adviser' }).click();
    await admin.getByLabel('Cohort of Ben Okafor').selectOption({ label: 'MSc Finance 2027' });
    await cohorts.getByRole('row', { name: /MSc Finance 2027.*Asha Patel, Ben Okafor/ }).waitFor();
    await expectAccessible(admin, 'administration placing students');
    if (SHOTS) await admin.locator('section[aria-labelledby="cohorts-heading"]').screenshot({ path: join(SHOTS, 'cohorts-placing-1280.png') });
    await admin.getByRole('button', { name: 'Revoke the invitation for cara@uni.example' }).click();
    await admin.getByText('Revoked the invitation for cara@uni.example; its link no longer works.').waitFor();
    await expectAccessible(admin, 'administration after revoking');
    const cara = await newPage();
    await cara.goto(links.cara);
    await cara.getByRole('alert').getByText(/not valid any more/).waitFor();
    await cara.getByLabel('Your name').fill('Cara Lind');
    await cara.getByLabel('Email').fill('cara@uni.example');
    await cara.getByLabel('Password').fill(PASSWORD);
    await cara.getByRole('button', { name: 'Create account' }).click();
    await cara.getByText(/not valid any more/).nth(1).waitFor();
    expect(await cara.getByRole('heading', { name: 'Welcome to Inroads' }).count()).toBe(0);

    // At 375 px nothing sits off-screen on the pages this changes.
    const narrowAdmin = await newPage(375);
    await narrowAdmin.goto(`${origin}/`);
    await narrowAdmin.getByLabel('Email').fill('admin@uni.example');
    await narrowAdmin.getByLabel('Password').fill(PASSWORD);
    await narrowAdmin.getByRole('button', { name: 'Sign in' }).click();
    await narrowAdmin.getByRole('link', { name: 'Account' }).waitFor();
    await narrowAdmin.goto(`${origin}/admin`);
    await narrowAdmin.getByRole('table', { name: 'Cohorts' }).waitFor();
    await narrowAdmin.getByLabel('CSV file').setInputFiles(csvFile('more.csv', 'email,name,cohort\ndee@uni.example,Dee Long-Name-Person,MSc Finance 2027\n'));
    await narrowAdmin.getByRole('button', { name: 'Upload and invite' }).click();
    await narrowAdmin.getByRole('button', { name: 'Copy link for Dee Long-Name-Person' }).waitFor();
    await expectFitsNarrow(narrowAdmin, 'administration');
    if (SHOTS) {
      await narrowAdmin.locator('section[aria-labelledby="cohort-invitations-heading"]').screenshot({ path: join(SHOTS, 'cohorts-invite-375.png') });
      await narrowAdmin.locator('section[aria-labelledby="cohorts-heading"]').screenshot({ path: join(SHOTS, 'cohorts-cohorts-375.png') });
    }
    await asha.setViewportSize({ width: 375, height: 900 });
    await expectFitsNarrow(asha, 'account');
    await screenshot(asha, 'cohorts-account-375');
    await sam.goto(`${origin}/coaching`);
    await sam.setViewportSize({ width: 375, height: 900 });
    await caseload.getByRole('link', { name: 'Asha Patel' }).waitFor();
    await expectFitsNarrow(sam, 'coaching');
    await screenshot(sam, 'cohorts-caseload-375');
    expect(csp).toEqual([]);
  }, 120_000);
});

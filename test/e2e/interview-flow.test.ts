/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, newPage, pageOverflow, requireBrowser, seedProfileAndExploration, signIn, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const SHOTS = process.env.INROADS_SCREENSHOTS;


describe.skipIf(!hasBrowser && !requireBrowser)('one interview from plan to thanks, in the web app only', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let cspViolations: string[] = [];
  const go = (path: string) => page.goto(`${server.origin}${path}`);
  const interviewIdFromUrl = () => /\/interviews\/([^/?#]+)/.exec(page.url())?.[1] ?? '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    // The starting point: someone who has set up their profile and one exploration.
    await seedProfileAndExploration(server);
    page = await newPage(browser);
    cspViolations = collectCspViolations(page);
    await signIn(page, server);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('plans once (a second plan asks first), keeps what is typed, runs the conversation from the keyboard, and debriefs with what interview mode recorded', async () => {
    // A person, added in the app.
    await go('/people');
    await page.getByRole('button', { name: 'Add person' }).first().click();
    const add = page.getByRole('dialog');
    await add.getByLabel('Name', { exact: true }).fill('Priya Shah');
    await add.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Priya Shah' }).waitFor();
    const personUrl = page.url();

    // Plan an interview; planning a second one asks first.
    await page.getByRole('button', { name: 'Plan an interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Priya Shah' }).waitFor();
    const id = interviewIdFromUrl();
    await expectAccessible(page, 'interview (idea)');
    await page.goto(personUrl);
    await page.getByRole('button', { name: 'Plan an interview' }).click();
    const ask = page.getByRole('dialog', { name: 'You already have an interview planned with Priya Shah' });
    await ask.getByText('There is already an idea interview with Priya Shah').waitFor();
    await expectAccessible(page, 'plan again: the question');
    await ask.getByRole('button', { name: 'Open the idea interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Priya Shah' }).waitFor();
    expect(interviewIdFromUrl()).toBe(id);
    expect((await server.api<{ total: number }>('GET', '/api/v1/interviews?limit=10')).total).toBe(1);

    // Details save as they are typed; a change still waiting is saved when the user follows a link away.
    await page.getByLabel('What you want to learn').fill('How juniors grow into researchers');
    await page.getByText('All changes saved.').waitFor();
    // A value the server refuses is named beside its field; the rest is still saved once it is fixed.
    await page.getByLabel('Video link').fill('not a link');
    await page.getByText('Not saved. Check the fields marked above.').waitFor();
    await expect(page.getByLabel('Video link').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Video link').fill('');
    await page.getByText('All changes saved.').waitFor();
    await page.getByLabel('Notes', { exact: true }).fill('Met at the design meetup in March');
    await page.getByRole('link', { name: 'Priya Shah' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Priya Shah' }).waitFor();
    await go(`/interviews/${id}`);
    await expect(page.getByLabel('What you want to learn').inputValue()).resolves.toBe('How juniors grow into researchers');
    await expect(page.getByLabel('Notes', { exact: true }).inputValue()).resolves.toBe('Met at the design meetup in March');

    // Requested, then scheduled: the form shows the time chosen in the dialog.
    await page.getByRole('button', { name: 'Mark as requested' }).click();
    await page.getByRole('button', { name: 'Mark as scheduled' }).click();
    await page.getByRole('dialog').getByLabel('Date and time').fill('2030-05-06T10:30');
    await page.getByRole('dialog').getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('link', { name: 'Interview mode' }).waitFor();
    await expect.poll(() => page.getByLabel('Date and time').inputValue()).toBe('2030-05-06T10:30');
    await expectAccessible(page, 'interview (scheduled)');
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/interview-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Interview mode opened straight from the address: Alt+S works before anything is clicked.
    await go(`/interviews/${id}/live`);
    await page.getByRole('heading', { level: 1, name: /Talking with Priya Shah/ }).waitFor();
    await page.getByText('Press Start (Alt+S)').waitFor();
    await page.keyboard.press('Alt+KeyS');
    await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    await expectAccessible(page, 'interview mode');

    // A note tagged with a key question (Alt+2: "Is it a good fit?"), and a person they suggest.
    const note = page.getByLabel(/^Note \(/);
    await note.fill('The team pairs juniors with a research mentor');
    await page.keyboard.press('Alt+Digit2');
    await expect(page.getByLabel('Key question').inputValue()).resolves.toBe('fit');
    await note.press('Enter');
    const taken = page.locator('.im-note-list');
    await taken.getByText('The team pairs juniors with a research mentor').waitFor();
    await note.fill('Most of the work is remote');
    await note.press('Enter');
    await taken.getByText('Most of the work is remote', { exact: true }).waitFor();
    await page.keyboard.press('Alt+KeyR');
    await page.keyboard.type('Ben Walsh');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Added Ben Walsh, suggested by Priya Shah.' }).waitFor();

    // A saved note can be corrected in place.
    await taken.getByRole('button', { name: 'Edit note: Most of the work is remote' }).click();
    const editor = page.getByRole('form', { name: 'Edit note: Most of the work is remote' });
    await editor.getByLabel('Note', { exact: true }).fill('Most of the work is remote, two office days a month');
    await expectAccessible(page, 'interview mode, editing a note');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await taken.getByText('Most of the work is remote, two office days a month', { exact: true }).waitFor();

    // Ending leads to the debrief, which already knows the tagged note and the referral.
    await page.getByRole('button', { name: 'End and debrief' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Priya Shah' }).waitFor();
    const debrief = page.locator('form#debrief');
    await debrief.waitFor();
    const fit = debrief.locator('fieldset', { has: page.getByText('Is it a good fit?', { exact: true }) });
    await expect(fit.getByRole('checkbox', { name: /The team pairs juniors with a research mentor/ }).isChecked()).resolves.toBe(true);
    await expect(fit.getByRole('checkbox', { name: /Most of the work is remote/ }).isChecked()).resolves.toBe(false);
    await expect(debrief.getByLabel('Who else to talk to').inputValue()).resolves.toBe('Ben Walsh');
    await debrief.getByRole('link', { name: 'Ben Walsh' }).waitFor();
    await debrief.getByLabel('What I learned').fill('Mentoring is built in. Remote work is the norm.');
    await debrief.getByText('Debrief saved.').waitFor();
    const saved = await server.api<{ debrief: { evidence: Record<string, string[]>; whoElse: string } }>('GET', `/api/v1/interviews/${id}`);
    expect(saved.debrief.whoElse).toBe('Ben Walsh');
    expect(saved.debrief.evidence.fit).toHaveLength(1);
    await expectAccessible(page, 'interview with debrief');

    // After the thank-you, interview mode is no longer offered (and its address says the conversation is over).
    await page.getByRole('button', { name: 'I sent it — record the thank-you' }).click();
    await page.getByText('Thanked', { exact: true }).first().waitFor();
    await expect(page.getByRole('link', { name: 'Interview mode' }).count()).resolves.toBe(0);
    await go(`/interviews/${id}/live`);
    await page.getByRole('heading', { level: 1, name: 'The conversation with Priya Shah is over' }).waitFor();
    await expectAccessible(page, 'interview mode after the thanks');

    // Notes stay editable on the interview page; a deleted one can be brought back.
    await go(`/interviews/${id}`);
    const notes = page.getByRole('region', { name: 'Notes from the conversation' });
    await notes.getByRole('button', { name: 'Delete note: Most of the work is remote' }).click();
    await notes.getByText('Note deleted').waitFor();
    await expect(notes.getByText('Most of the work is remote, two office days a month', { exact: true }).count()).resolves.toBe(0);
    await notes.getByRole('button', { name: 'Undo' }).click();
    await notes.getByText('Most of the work is remote, two office days a month', { exact: true }).waitFor();
    await expectAccessible(page, 'interview (thanked)');
    expect(cspViolations).toEqual([]);
  }, 120_000);

  it('shows every state on the board at 1280 px, a list grouped by state on a phone, and never scrolls the page sideways', async () => {
    await go('/interviews');
    await page.locator('.interview-card', { hasText: 'Priya Shah' }).waitFor();
    const states = ['Idea', 'Requested', 'Scheduled', 'Held', 'Thanked', 'Keeping in touch', 'No reply', 'Declined', 'Cancelled'];
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    for (const state of states) {
      const box = await page.getByRole('heading', { level: 2, name: new RegExp(`^${state} \\d+$`) }).boundingBox();
      expect(box, state).not.toBeNull();
      expect(box!.x, state).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, state).toBeLessThanOrEqual(width);
    }
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'board at 1280 px');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/board-1280.png`, fullPage: true });

    await page.setViewportSize({ width: 375, height: 740 });
    await page.reload();
    await page.locator('.interview-card', { hasText: 'Priya Shah' }).waitFor();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    // One column: each state's heading sits below the one before.
    const tops = [];
    for (const state of states) tops.push((await page.getByRole('heading', { level: 2, name: new RegExp(`^${state} \\d+$`) }).boundingBox())!.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    await expectAccessible(page, 'board at 375 px');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/board-375.png`, fullPage: true });
    await go(`/interviews`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('leaves a deleted interview with one clear message and no repeated requests', async () => {
    await go('/interviews');
    await page.getByRole('link', { name: 'Priya Shah' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Priya Shah' }).waitFor();
    const id = interviewIdFromUrl();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/v1/interviews/${id}`) asked.push(request.method());
    });
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
    await page.getByText('The interview with Priya Shah was deleted.').waitFor();
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual(['DELETE']);

    await go(`/interviews/${id}`);
    await page.getByRole('heading', { level: 1, name: 'This interview was deleted' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual(['DELETE', 'GET']);
    await expectAccessible(page, 'a deleted interview');
  });
});

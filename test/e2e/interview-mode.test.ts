/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, newPage, pageOverflow, requireBrowser, seedProfileAndExploration, signIn, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const START = new Date('2026-03-10T15:00:00Z');

describe.skipIf(!hasBrowser && !requireBrowser)('a whole conversation in interview mode, with a controlled clock', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const ids = { exploration: '', maya: '', interview: '', questions: [] as string[] };
  let cspViolations: string[] = [];

  const api = <T,>(method: string, path: string, body?: unknown) => server.api<T>(method, path, body);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    ids.exploration = await seedProfileAndExploration(server);
    const org = await api<{ id: string }>('POST', '/api/v1/organizations', { name: 'Brightpath Learning' });
    ids.maya = (await api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Maya Costa', organizationId: org.id, relationship: 'alumni', seniority: 'peer' })).id;
    ids.questions = (await api<{ items: Array<{ id: string }> }>('GET', '/api/v1/questions?limit=2&sort=category')).items.map((q) => q.id);
    ids.interview = (
      await api<{ id: string }>('POST', '/api/v1/interviews', {
        contactId: ids.maya,
        explorationIds: [ids.exploration],
        status: 'scheduled',
        scheduledAt: START.toISOString(),
        plannedMinutes: 20,
        prep: { checklist: {}, research: '', questionIds: ids.questions },
      })
    ).id;
    page = await newPage(browser);
    // Nothing may trip the strict Content-Security-Policy (no injected styles, no eval).
    cspViolations = collectCspViolations(page);
    await page.clock.install({ time: START });
    await signIn(page, server);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  const prompt = () => page.locator('.im-prompt');
  const note = () => page.getByLabel(/^Note \(/);

  it('prompts at the right moments, keeps notes through a reload, turns a referral into a linked contact, and ends in a debrief and a thank-you', async () => {
    await page.goto(`${server.origin}/interviews/${ids.interview}`);
    await page.getByRole('link', { name: 'Interview mode' }).click();
    await page.getByRole('heading', { level: 1, name: /Talking with Maya Costa/ }).waitFor();
    await page.getByText('Keyboard shortcuts').waitFor();
    await expectAccessible(page, 'interview mode');

    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    // Move to the questions with the keyboard: five steps on from "Thank them".
    for (let n = 0; n < 5; n++) {
      await page.keyboard.press('Alt+KeyN');
      await page.waitForTimeout(50);
    }
    await page.getByRole('button', { name: /Your questions/ }).and(page.locator('[aria-current="step"]')).waitFor();
    await page.getByRole('checkbox').first().click();
    await expect.poll(() => page.getByRole('checkbox').first().isChecked()).toBe(true);

    // A tagged note, saved with Enter.
    await note().fill('Juniors present first at the weekly design critique');
    await page.keyboard.press('Alt+Digit2');
    await expect(page.getByLabel('Key question').inputValue()).resolves.toBe('fit');
    await page.getByLabel('It speaks').selectOption('for');
    await note().press('Enter');
    await page.locator('.im-note-list').getByText('Juniors present first at the weekly design critique').waitFor();

    // No prompt before fifteen minutes; then the referral prompt; then wrap-up; then the end.
    await page.clock.fastForward('14:00');
    await page.getByRole('timer').filter({ hasText: '14:0' }).waitFor();
    await expect(prompt().textContent()).resolves.toBe('');
    await page.clock.fastForward('01:05');
    await prompt().getByText('Time to ask who else you should talk to').waitFor();

    // A note half typed when the page reloads is still there afterwards, and reaches the server.
    await note().fill('They hire mostly from bootcamps and career changers');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Talking with Maya Costa/ }).waitFor();
    await expect(note().inputValue()).resolves.toBe('They hire mostly from bootcamps and career changers');
    await page.clock.fastForward('00:02');
    await page.getByText('Saved as you type.').waitFor();
    const saved = await api<{ items: Array<{ body: string; agendaStep: string }> }>('GET', `/api/v1/interviews/${ids.interview}/notes`);
    expect(saved.items.map((n) => n.body)).toEqual(['Juniors present first at the weekly design critique', 'They hire mostly from bootcamps and career changers']);
    expect(saved.items[0]?.agendaStep).toBe('questions');
    // Deleted elsewhere while still being typed: the text is kept as a new note.
    const typing = (await api<{ items: Array<{ id: string; body: string }> }>('GET', `/api/v1/interviews/${ids.interview}/notes`)).items.find((n) => n.body.startsWith('They hire'));
    await api('DELETE', `/api/v1/interviews/${ids.interview}/notes/${typing?.id}`);
    await note().press('End');
    await note().pressSequentially(', mostly');
    await page.clock.fastForward('00:02');
    await page.getByText('Saved as you type.').waitFor();
    await expect
      .poll(async () => (await api<{ items: Array<{ body: string }> }>('GET', `/api/v1/interviews/${ids.interview}/notes`)).items.map((n) => n.body))
      .toEqual(['Juniors present first at the weekly design critique', 'They hire mostly from bootcamps and career changers, mostly']);
    await note().press('Enter');
    // The timer kept counting across the reload.
    await page.getByRole('timer').filter({ hasText: /^15:/ }).waitFor();

    // "Who else should I talk to?": Alt+R, the name, Enter.
    await page.keyboard.press('Alt+KeyR');
    await page.keyboard.type('Ben Walsh');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Added Ben Walsh, suggested by Maya Costa.' }).waitFor();
    await page.getByRole('link', { name: 'Ben Walsh' }).waitFor();

    await page.clock.fastForward('03:00');
    await prompt().getByText('Two minutes left').waitFor();
    await page.clock.fastForward('02:00');
    await prompt().getByText('You have reached the time you asked for').waitFor();
    await expectAccessible(page, 'interview mode, over time');

    const people = await api<{ items: Array<{ id: string; name: string; referredById: string | null; relationship: string }> }>('GET', '/api/v1/contacts?limit=50');
    const ben = people.items.find((p) => p.name === 'Ben Walsh');
    expect(ben).toMatchObject({ referredById: ids.maya, relationship: 'referral' });
    const referrals = await api<{ items: Array<{ interviewId: string }> }>('GET', `/api/v1/referrals?interviewId=${ids.interview}`);
    expect(referrals.items).toHaveLength(1);

    // Interview mode fits a phone too.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('heading', { level: 1, name: /Talking with Maya Costa/ }).waitFor();
    const overflow = await pageOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Ending the conversation marks it held and opens the debrief.
    await page.getByRole('button', { name: 'End and debrief' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Maya Costa' }).waitFor();
    await page.getByRole('heading', { name: 'Debrief' }).waitFor();
    await page.getByLabel('What I learned').fill('Critique culture is strong and welcoming. Portfolios matter more than degrees.');
    await page.getByLabel('What else I need to know').fill('How common remote roles are');
    await page.getByRole('radiogroup', { name: 'Leaning: Is it a good fit?' }).getByLabel('Clearly yes').check();
    await page.getByRole('button', { name: 'Save debrief' }).click();
    await page.getByText('Debrief saved.').waitFor();
    await page.getByText('It quotes: “Critique culture is strong and welcoming.”').waitFor();
    await expectAccessible(page, 'interview with debrief and thank-you');
    await page.getByRole('button', { name: 'I sent it — record the thank-you' }).click();
    await page.getByText('Thanked', { exact: true }).first().waitFor();

    // The decision board shows the evidence and what to ask next; it prints on one page.
    await page.goto(`${server.origin}/explorations/${ids.exploration}/decision`);
    await page.getByRole('heading', { level: 1, name: 'Decision board: UX research' }).waitFor();
    const fit = page.locator('section.card', { has: page.getByRole('heading', { name: /Is it a good fit\?/ }) });
    await fit.getByText('Juniors present first at the weekly design critique').waitFor();
    await page.getByText('Could you tell me how common remote roles are?').waitFor();
    await expectAccessible(page, 'decision board');
    // Printed, it is one A4 page without the navigation.
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    // An open point becomes a question in the bank, ready for the next interviews.
    await page.getByRole('button', { name: /^Add to my questions\s*: Could you tell me how common remote roles are/ }).click();
    await page.getByText('In your questions').waitFor();
    const bank = await api<{ items: Array<{ text: string }> }>('GET', '/api/v1/questions?limit=500');
    expect(bank.items.map((q) => q.text)).toContain('Could you tell me how common remote roles are?');

    await page.goto(`${server.origin}/insights`);
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    await page.getByRole('img', { name: /Referral graph: 2 people, 1 introduction\b/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'insights');
    expect(cspViolations).toEqual([]);
    // Once thanked, interview mode is not offered; its address says the conversation is over.
    await page.goto(`${server.origin}/interviews/${ids.interview}/live`);
    await page.getByRole('heading', { level: 1, name: 'The conversation with Maya Costa is over' }).waitFor();
  }, 90_000);
});

/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS } from '../fixtures/hostile.js';
import { assertBrowserAvailable, closeAll, collectCspViolations, hasBrowser, launch, newPage, requireBrowser, signIn, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();


const p = (n: number) => PAYLOADS[n % PAYLOADS.length] ?? '';

describe.skipIf(!hasBrowser && !requireBrowser)('hostile input stored in every text field', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const ids: Record<string, string> = {};
  const dialogs: string[] = [];
  let cspViolations: string[] = [];

  const api = <T,>(method: string, path: string, body?: unknown) => server.api<T>(method, path, body);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    await api('PATCH', '/api/v1/profile', { name: p(0), background: p(1), pitch: p(2) });
    ids.exploration = (await api<{ id: string }>('POST', '/api/v1/explorations', { title: p(3), kind: 'role', transition: 'change-career', why: p(4), conclusion: p(5) })).id;
    ids.org = (await api<{ id: string }>('POST', '/api/v1/organizations', { name: p(6), industry: p(7), notes: p(8), explorationIds: [ids.exploration] })).id;
    ids.person = (
      await api<{ id: string }>('POST', '/api/v1/contacts', {
        name: p(9),
        givenName: p(10),
        familyName: p(11),
        title: p(12),
        department: p(13),
        howWeMet: p(0),
        notes: p(1),
        tags: [p(2).slice(0, 60), p(3).slice(0, 60)],
        organizationId: ids.org,
        relationship: 'friend',
      })
    ).id;
    ids.other = (await api<{ id: string }>('POST', '/api/v1/contacts', { name: p(4), relationship: 'cold', organizationId: ids.org })).id;
    const question = await api<{ id: string }>('POST', '/api/v1/questions', { text: p(5), category: 'advice' });
    ids.interview = (
      await api<{ id: string }>('POST', '/api/v1/interviews', {
        contactId: ids.person,
        explorationIds: [ids.exploration],
        status: 'held',
        heldAt: '2026-03-09T15:00:00Z',
        objective: p(6),
        venue: p(7),
        requestMessage: p(8),
        notes: p(9),
        takeaways: p(10),
        prep: { checklist: {}, research: p(11), questionIds: [question.id] },
      })
    ).id;
    const note = await api<{ id: string }>('POST', `/api/v1/interviews/${ids.interview}/notes`, { body: p(12), keyQuestion: 'fit', stance: 'for' });
    await api('PUT', `/api/v1/interviews/${ids.interview}/debrief`, { learned: p(13), fit: p(0), unknowns: p(1), whoElse: p(2), leanings: { fit: 1 }, evidence: { fit: [note.id] } });
    await api('POST', '/api/v1/interactions', { contactId: ids.person, kind: 'note', summary: p(3) });
    await api('POST', '/api/v1/referrals', { fromContactId: ids.person, toContactId: ids.other, interviewId: ids.interview, note: p(4) });
    // Merge-field syntax in a template is refused up front (an unknown field), so templates get the others.
    await api('POST', '/api/v1/templates', { name: p(5), kind: 'thank-you', channel: 'email', subject: p(1), body: `${p(2)} {{contact.name}} {{lastTakeaway}}` });

    page = await newPage(browser);
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    cspViolations = collectCspViolations(page);
    await signIn(page, server);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('shows every payload as text on every page, and none of them runs', async () => {
    const pages = [
      '/',
      '/people',
      `/people/${ids.person}`,
      '/organizations',
      `/organizations/${ids.org}`,
      '/interviews',
      `/interviews/${ids.interview}`,
      `/interviews/${ids.interview}/live`,
      '/explorations',
      `/explorations/${ids.exploration}`,
      `/explorations/${ids.exploration}/decision`,
      '/insights',
      '/questions',
      '/templates',
      '/settings',
    ];
    for (const path of pages) {
      await page.goto(`${server.origin}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      // Hover and focus whatever is there, to give event-handler payloads their chance.
      await page.mouse.move(400, 300);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (window as unknown as { xssRan?: number }).xssRan), path).toBeUndefined();
      expect(await page.locator('main script, main iframe, main img[src="x"], main svg[onload], main details[ontoggle]').count(), path).toBe(0);
    }
    // The payloads are there, as text.
    await page.goto(`${server.origin}/people/${ids.person}`);
    await page.getByRole('heading', { level: 1, name: p(9) }).waitFor();
    await page.getByText(p(1)).first().waitFor();
    // Search shows them highlighted, still as text.
    await page.keyboard.press('Control+k');
    await page.getByLabel('Search everything').fill('xss');
    await page.getByRole('dialog').getByRole('option').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { xssRan?: number }).xssRan)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 120_000);
});

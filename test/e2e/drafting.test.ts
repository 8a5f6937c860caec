/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, newPage, pageOverflow, requireBrowser, seedProfileAndExploration, signIn, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

describe.skipIf(!hasBrowser && !requireBrowser)('drafting a request from “Whom to ask next”, in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let cspViolations: string[] = [];
  const ids = { exploration: '', maya: '' };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    // The people to choose from; everything after this is done through the pages.
    ids.exploration = await seedProfileAndExploration(server);
    await server.api('POST', '/api/v1/explorations', { title: 'Product management', kind: 'role', transition: 'change-career' });
    const org = await server.api<{ id: string }>('POST', '/api/v1/organizations', { name: 'Brightpath Learning', motivation: 3, explorationIds: [ids.exploration] });
    ids.maya = (
      await server.api<{ id: string }>('POST', '/api/v1/contacts', {
        name: 'Maya Costa',
        organizationId: org.id,
        relationship: 'alumni',
        seniority: 'one-step-above',
        emails: [{ value: 'maya@brightpath.example', label: 'work' }],
      })
    ).id;
    await server.api('POST', '/api/v1/contacts', { name: 'Cole Cold', relationship: 'cold' });
    page = await newPage(browser);
    cspViolations = collectCspViolations(page);
    await signIn(page, server);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('opens /next from the menu, drafts a request, fixes the blank the checker flags, and records it as sent', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Whom to ask' }).click();
    await page.getByRole('heading', { level: 1, name: 'Whom to ask next' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/next');
    const list = page.locator('ol.suggestions');
    await list.getByRole('link', { name: 'Maya Costa' }).waitFor();
    await list.getByRole('link', { name: 'Cole Cold' }).waitFor();
    // Ranked with reasons: the warm, well-placed alumna comes first.
    await expect(list.locator('> li').first().getByRole('link').first().textContent()).resolves.toBe('Maya Costa');
    await list.getByText(/fellow alumnus/).waitFor();
    await expectAccessible(page, 'whom to ask next');

    // Narrowed to the exploration, only people at its organisations remain.
    await page.getByLabel('Exploration').selectOption({ label: 'UX research' });
    await page.waitForFunction(() => document.querySelectorAll('ol.suggestions > li').length === 1);
    expect(new URL(page.url()).searchParams.get('exploration')).toBe(ids.exploration);

    await page.getByRole('button', { name: 'Draft request to Maya Costa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request to Maya Costa' });
    await dialog.waitFor();
    const message = dialog.getByLabel('Message');
    await expect.poll(() => message.inputValue()).toContain('I am exploring UX research');
    expect(await dialog.getByLabel('Subject').inputValue()).toBe('A question about your work at Brightpath Learning');
    expect(await dialog.getByLabel('About').inputValue()).toBe(ids.exploration);
    // Maya has no job title saved, so the merge leaves a blank; the checker flags it live.
    expect(await message.inputValue()).toContain('[contact.title]');
    await dialog.getByText('A blank still to fill in.').waitFor();
    await expectAccessible(page, 'the draft request dialog');

    // Copy and Open warn before using a draft with a blank.
    const open = dialog.getByRole('link', { name: 'Open in my mail app' });
    expect(await open.getAttribute('href')).toMatch(/^mailto:maya@brightpath\.example\?subject=A%20question%20about%20your%20work%20at%20Brightpath%20Learning&body=Hi%20Maya/);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    const warning = dialog.getByRole('alert');
    await warning.getByText(/still has a blank to fill in: “\[contact\.title\]”/).waitFor();
    await warning.getByRole('button', { name: 'Fill it in' }).click();
    await expect.poll(() => warning.count()).toBe(0);
    await expect.poll(() => message.evaluate((el) => document.activeElement === el)).toBe(true);
    await open.click();
    await dialog.getByRole('alert').getByRole('link', { name: 'Open anyway' }).waitFor();
    await dialog.getByRole('alert').getByRole('button', { name: 'Fill it in' }).click();

    // Fixed: the checker passes.
    await message.fill((await message.inputValue()).replace('[contact.title]', 'a researcher who moved from teaching'));
    await dialog.getByText('Looks good: short, about them, with a clear and small request.').waitFor();
    await expect.poll(() => dialog.getByText('A blank still to fill in.').count()).toBe(0);

    await dialog.getByRole('button', { name: 'I sent it' }).click();
    await dialog.getByText('Marked as requested').waitFor();
    await expectAccessible(page, 'the request recorded');
    await dialog.getByRole('link', { name: 'Open the conversation with Maya Costa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Maya Costa' }).waitFor();
    await page.locator('.page-header .badge', { hasText: 'Requested' }).waitFor();
    expect(await page.getByLabel('Request message').inputValue()).toContain('a researcher who moved from teaching');
    await expectAccessible(page, 'the requested interview');

    // Asked now, so no longer suggested.
    await page.getByRole('navigation').getByRole('link', { name: 'Whom to ask' }).click();
    await page.getByRole('heading', { level: 1, name: 'Whom to ask next' }).waitFor();
    await page.locator('ol.suggestions').getByRole('link', { name: 'Cole Cold' }).waitFor();
    expect(await page.locator('ol.suggestions').getByRole('link', { name: 'Maya Costa' }).count()).toBe(0);
    expect(cspViolations).toEqual([]);
  }, 90_000);

  it('drafts from a person’s page and fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.origin}/next`);
    await page.getByRole('heading', { level: 1, name: 'Whom to ask next' }).waitFor();
    await page.locator('ol.suggestions').getByRole('link', { name: 'Cole Cold' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cole Cold' }).waitFor();
    await page.getByRole('button', { name: 'Draft request' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request to Cole Cold' });
    await dialog.waitFor();
    await dialog.getByText(/no email address saved/).waitFor();
    await expectAccessible(page, 'the draft dialog on a phone');
    const overflow = await pageOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.goto(`${server.origin}/next`);
    await page.locator('ol.suggestions').waitFor();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  }, 60_000);

  it('on Today, reach-next drafts to the next person at the organisation and follow-up to the first, saying when the request went', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const requestedAt = new Date(Date.now() - 12 * 86_400_000).toISOString();
    const exploration = (await server.api<{ id: string }>('POST', '/api/v1/explorations', { title: 'Learning design', kind: 'field', transition: 'change-career' })).id;
    const org = await server.api<{ id: string }>('POST', '/api/v1/organizations', { name: 'Northwind Schools', motivation: 2, explorationIds: [exploration] });
    const ana = await server.api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Ana Silva', organizationId: org.id, relationship: 'former-colleague', title: 'Learning designer' });
    await server.api('POST', '/api/v1/contacts', { name: 'Ben Okafor', organizationId: org.id, relationship: 'friend', title: 'Curriculum lead', emails: [{ value: 'ben@northwind.example', label: 'work' }] });
    await server.api('POST', '/api/v1/interviews', { contactId: ana.id, explorationIds: [exploration], status: 'requested', requestedAt });
    const { timeZone } = await server.api<{ timeZone: string }>('GET', '/api/v1/profile');
    const sentOn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone }).format(new Date(requestedAt));

    await page.getByRole('navigation').getByRole('link', { name: 'Today' }).click();
    const reach = page.locator('li.agenda-item', { has: page.getByRole('heading', { name: 'Reach out to Ben Okafor at Northwind Schools' }) });
    await reach.waitFor();
    await reach.getByRole('button', { name: 'Draft request' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request to Ben Okafor' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Message').inputValue()).toContain('I am exploring Learning design');
    expect(await dialog.getByLabel('Message').inputValue()).toMatch(/^Hi Ben,/);
    expect(await dialog.getByLabel('About').inputValue()).toBe(exploration);
    await dialog.getByRole('button', { name: 'I sent it' }).click();
    await dialog.getByText('Marked as requested').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('heading', { name: 'Reach out to Ben Okafor at Northwind Schools' }).waitFor({ state: 'detached' });
    const bens = await server.api<{ items: Array<{ status: string; explorationIds: string[]; contact: { name: string } }> }>('GET', '/api/v1/interviews?status=requested&limit=50');
    expect(bens.items.filter((i) => i.contact.name === 'Ben Okafor')).toMatchObject([{ status: 'requested', explorationIds: [exploration] }]);

    const follow = page.locator('li.agenda-item', { has: page.getByRole('heading', { name: 'Follow up with Ana Silva' }) });
    await follow.getByRole('button', { name: 'Draft message' }).click();
    const followDialog = page.getByRole('dialog', { name: 'Follow up with Ana Silva' });
    await expect.poll(() => followDialog.getByLabel('Message').inputValue()).toContain(`I wrote on ${sentOn} to ask for a short conversation.`);
    expect(await followDialog.getByLabel('Message').inputValue()).toMatch(/^Hi Ana,/);
    await expectAccessible(page, 'the follow-up draft on Today');
    await followDialog.getByRole('button', { name: 'Close' }).click();
  }, 90_000);

  it('opens Templates on the request email, the one drafting uses', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    const chosen = page.getByLabel('Template', { exact: true });
    await expect.poll(() => chosen.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '')).toBe('Ask for advice (email)');
  }, 30_000);

  it('drafts from an idea interview and confirms there once it is requested', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('navigation').getByRole('link', { name: 'Whom to ask' }).click();
    await page.locator('ol.suggestions').getByRole('link', { name: 'Cole Cold' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cole Cold' }).waitFor();
    await page.getByRole('button', { name: 'Plan an interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Cole Cold' }).waitFor();
    await page.getByRole('region', { name: 'Where it stands' }).getByRole('button', { name: 'Draft request' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request to Cole Cold' });
    await expect.poll(() => dialog.getByLabel('Message').inputValue()).toMatch(/^Hi Cole,/);
    await dialog.getByRole('button', { name: 'I sent it' }).click();
    await dialog.getByText('Marked as requested').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('.page-header .badge', { hasText: 'Requested' }).waitFor();
    expect(await page.getByLabel('Request message').inputValue()).toMatch(/Hi Cole,/);
  }, 60_000);

  it('with nobody else at the organisation, reach-next offers whom else to ask instead of a draft to the silent person', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const org = await server.api<{ id: string }>('POST', '/api/v1/organizations', { name: 'Lonely Labs' });
    const solo = await server.api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Sol Only', organizationId: org.id, relationship: 'friend' });
    await server.api('POST', '/api/v1/interviews', { contactId: solo.id, status: 'requested', requestedAt: new Date(Date.now() - 6 * 86_400_000).toISOString() });
    await page.getByRole('navigation').getByRole('link', { name: 'Today' }).click();
    const item = page.locator('li.agenda-item', { has: page.getByRole('heading', { name: 'Find someone else to ask at Lonely Labs' }) });
    await item.waitFor();
    expect(await item.getByRole('button', { name: /^Draft/ }).count()).toBe(0);
    await item.getByRole('link', { name: 'See whom else to ask' }).click();
    await page.getByRole('heading', { level: 1, name: 'Whom to ask next' }).waitFor();
    expect(new URL(page.url()).searchParams.get('organization')).toBe(org.id);
    await page.getByText('Nobody left to ask here').waitFor();
    await expectAccessible(page, 'whom to ask next, nobody left');
  }, 60_000);
});

/// <reference lib="dom" />
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, expectAccessible, hasBrowser, launch, newPage, requireBrowser, signIn, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

/** What the server answers when something breaks on its side. */
const failure = (route: Route) =>
  route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Something went wrong on the server.' } }) });

describe.skipIf(!hasBrowser && !requireBrowser)("a person's page", () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const ids = { ana: '', ben: '' };
  const agendaRequests: string[] = [];

  const api = <T,>(method: string, path: string, body?: unknown) => server.api<T>(method, path, body);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    await api('PATCH', '/api/v1/profile', { name: 'Sam Rivera' });
    const org = await api<{ id: string }>('POST', '/api/v1/organizations', { name: 'Brightpath Learning' });
    ids.ana = (await api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Ana Asked', organizationId: org.id, relationship: 'cold' })).id;
    ids.ben = (await api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Ben Next', organizationId: org.id, relationship: 'friend' })).id;
    await api('POST', '/api/v1/contacts', { name: 'Cal Elsewhere' });
    // Ana was asked two weeks ago and has not answered: time to approach Ben.
    await api('POST', '/api/v1/interviews', { contactId: ids.ana, status: 'requested', requestedAt: new Date(Date.now() - 14 * 86_400_000).toISOString() });
    page = await newPage(browser);
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/agenda') agendaRequests.push(request.url());
    });
    await signIn(page, server);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it("shows the person's next action from their own share of the agenda", async () => {
    agendaRequests.length = 0;
    await page.goto(`${server.origin}/people/${ids.ben}`);
    await page.getByRole('heading', { level: 1, name: 'Ben Next' }).waitFor();
    const next = page.getByRole('region', { name: 'Next action' });
    await next.getByText('Reach out to Ben Next at Brightpath Learning').waitFor();
    expect(agendaRequests.length).toBeGreaterThan(0);
    for (const url of agendaRequests) expect(new URL(url).searchParams.get('contactId')).toBe(ids.ben);
  });

  it('shows why deleting, planning or logging failed, and stays on the page', async () => {
    await page.goto(`${server.origin}/people/${ids.ana}`);
    await page.getByRole('heading', { level: 1, name: 'Ana Asked' }).waitFor();

    await page.route(`**/api/v1/contacts/${ids.ana}`, (route) => (route.request().method() === 'DELETE' ? failure(route) : route.fallback()));
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete person' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Something went wrong on the server.' }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe(`/people/${ids.ana}`);
    await page.getByRole('heading', { level: 1, name: 'Ana Asked' }).waitFor();
    await expectAccessible(page, 'person page with a failed delete');
    await page.unroute(`**/api/v1/contacts/${ids.ana}`);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ana Asked' }).waitFor();
    await page.route('**/api/v1/interviews', (route) => (route.request().method() === 'POST' ? failure(route) : route.fallback()));
    await page.getByRole('button', { name: 'Plan an interview' }).click();
    // Ana already has an open interview: it asks first, and planning another is what fails.
    await page.getByRole('button', { name: 'Plan another' }).click();
    await page.getByRole('dialog').getByRole('alert').filter({ hasText: 'Something went wrong on the server.' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Something went wrong on the server.' }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe(`/people/${ids.ana}`);
    await page.unroute('**/api/v1/interviews');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ana Asked' }).waitFor();
    await page.route('**/api/v1/interactions', (route) => (route.request().method() === 'POST' ? failure(route) : route.fallback()));
    await page.getByLabel('Summary').fill('Called to say hello');
    await page.getByRole('button', { name: 'Log it' }).click();
    await page.getByRole('form', { name: 'Log an interaction' }).getByText('Something went wrong on the server.').waitFor();
    await page.unroute('**/api/v1/interactions');
  });
});

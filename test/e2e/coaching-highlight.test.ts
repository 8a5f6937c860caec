/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, newPage, requireBrowser, seedProfileAndExploration, signIn, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

describe.skipIf(!hasBrowser && !requireBrowser)('the words a coaching finding points at, in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let cspViolations: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    await seedProfileAndExploration(server);
    page = await newPage(browser);
    cspViolations = collectCspViolations(page);
    await signIn(page, server);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('marks the part of a question that raised the finding and selects it in the field on request', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Questions' }).click();
    const field = page.getByLabel('Question', { exact: true });
    const question = 'I love what your team builds. Out of interest, how much do you earn?';
    await field.fill(question);
    const marked = page.locator('.finding-where mark');
    await marked.waitFor();
    expect(await marked.textContent()).toBe('how much do you earn');
    await page.getByText(/Too personal/).waitFor();
    await expectAccessible(page, 'questions with a marked finding');
    await page.locator('.findings').screenshot({ path: '/tmp/coaching-highlight-1280.png' });

    await page.getByRole('button', { name: 'Show in the text: “how much do you earn”' }).click();
    const selection = await field.evaluate((el) => {
      const area = el as HTMLTextAreaElement;
      return { focused: document.activeElement === area, text: area.value.slice(area.selectionStart, area.selectionEnd) };
    });
    expect(selection).toEqual({ focused: true, text: 'how much do you earn' });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.locator('.findings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/coaching-highlight-375.png' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: '/tmp/coaching-highlight-page-1280.png' });
    expect(cspViolations).toEqual([]);
  });
});

/// <reference lib="dom" />
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadOrCreateSecret } from '../../src/server/secret.js';
import { startMultiUserServer, startServer, type RunningMultiUserServer, type RunningServer } from '../../src/server/start.js';
import { createUser } from '../../src/modules/accounts/accounts.usecases.js';
import { createAppContext } from '../../src/modules/repositories.js';
import { systemClock, type Clock } from '../../src/shared/clock.js';

/** Debian's chromium, or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(chromiumPath);
/** In CI a missing browser is a failure, never a skip. */
export const requireBrowser = process.env.INROADS_REQUIRE_BROWSER === '1';

export function assertBrowserAvailable(): void {
  if (!hasBrowser && requireBrowser) {
    throw new Error(`INROADS_REQUIRE_BROWSER=1 but there is no browser at ${chromiumPath}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface TestServer {
  server: RunningServer;
  home: string;
  origin: string;
  signInUrl: string;
  /** Calls the API as the owner (the launch secret as a Bearer token), for setting up data. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** The real server (as `npm start` runs it) on a temporary home and a free port. */
export async function startTestServer(options: { clock?: Clock } = {}): Promise<TestServer> {
  const home = mkdtempSync(join(tmpdir(), 'inroads-e2e-'));
  const server = await startServer(loadConfig({ home, port: 0, env: {} }), options.clock ? { clock: options.clock } : {});
  const origin = new URL(server.url).origin;
  return {
    server,
    home,
    origin,
    signInUrl: server.url,
    api: async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${origin}${path}`, {
        method,
        headers: { authorization: `Bearer ${loadOrCreateSecret(home)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    stop: async () => {
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Collects what the page reports as Content-Security-Policy violations (injected styles, eval, inline handlers). */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Runs axe-core in the page and fails on serious or critical violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${label}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/**
 * Signs in with the start link and takes onboarding's first two steps through the page
 * (profile, then the exploration "UX research in health tech"), leaving it at "Your first people".
 */
export async function onboardToFirstPeople(page: Page, signInUrl: string): Promise<void> {
  await page.goto(signInUrl);
  await page.waitForURL(/\/welcome$/);
  await page.getByLabel('Your name').fill('Sam Rivera');
  await page.getByLabel('Background').fill('Eight years teaching science.');
  await page.getByLabel('Your pitch').fill('I teach science and I am exploring UX research.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('What do you want to explore?').fill('UX research in health tech');
  await page.getByRole('button', { name: 'Start exploring' }).click();
}

/** A page in a new browser context (1280 × 900 unless told), whose steps give up after 10 s. */
export async function newPage(browser: Browser, viewport: { width: number; height: number } = { width: 1280, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** Follows the start link and waits for the first page to show its heading. */
export async function signIn(page: Page, server: TestServer): Promise<void> {
  await page.goto(server.signInUrl);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Where most tests that are not about onboarding start: a profile and the exploration "UX research". Its id. */
export async function seedProfileAndExploration(server: TestServer): Promise<string> {
  await server.api('PATCH', '/api/v1/profile', { name: 'Sam Rivera' });
  return (await server.api<{ id: string }>('POST', '/api/v1/explorations', { title: 'UX research', kind: 'role', transition: 'change-career' })).id;
}

/** Closes what a test's beforeAll opened (either may be missing when start-up failed). */
export async function closeAll(browser: Browser | undefined, server: TestServer | undefined): Promise<void> {
  await browser?.close();
  await server?.stop();
}

/** How far the page itself scrolls sideways (0 or less when it fits; a scrolling region inside it does not count). */
export const pageOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** With INROADS_SCREENSHOTS=DIR, a full-page screenshot of the page as DIR/name.png, to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.INROADS_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * Nothing sideways at 375 px: no scrolling, and every control on screen (with `items`, every
 * list item too). Cells inside a table that scrolls sideways by itself are reachable, so they count as on screen.
 */
export async function expectFitsNarrow(page: Page, label: string, { items = false }: { items?: boolean } = {}): Promise<void> {
  expect(await pageOverflow(page), `${label}: sideways scrolling at 375 px`).toBeLessThanOrEqual(0);
  const selector = `main button, main a, main select, main input, main td${items ? ', main li' : ''}`;
  const offscreen = await page.evaluate(
    (query) =>
      [...document.querySelectorAll(query)]
        .filter((e) => {
          const box = e.getBoundingClientRect();
          return box.width > 0 && !e.closest('.table-scroll') && (box.right > window.innerWidth + 1 || box.left < -1);
        })
        .map((e) => e.textContent || e.getAttribute('aria-label') || e.tagName),
    selector,
  );
  expect(offscreen, `${label}: off-screen at 375 px`).toEqual([]);
}

export interface SharedTestServer {
  server: RunningMultiUserServer;
  origin: string;
  close(): Promise<void>;
}

/** A shared (multi-user) server in a fresh home, with its first admin made as `inroads users add` would. */
export async function startSharedServer(name: string, admin: { email: string; password: string }): Promise<SharedTestServer> {
  const home = mkdtempSync(join(tmpdir(), `inroads-e2e-${name}-`));
  const server = await startMultiUserServer(loadConfig({ home, port: 0, env: {} }));
  await createUser({ ctx: createAppContext(server.handle, systemClock), input: { email: admin.email, name: 'Ada Admin', role: 'admin', password: admin.password } });
  return {
    server,
    origin: new URL(server.url).origin,
    close: async () => {
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Signs in on a shared server's sign-in page and waits for the app. */
export async function signInWithPassword(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Account' }).waitFor();
}

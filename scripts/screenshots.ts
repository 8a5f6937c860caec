/**
 * Takes the README's screenshots: the demo workspace in headless Chromium, at
 * desktop and phone sizes, light and dark. Run with `npm run screenshots`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/factory.js';
import { seedDemoWorkspace } from '../src/modules/demo/demo.seed.js';
import { createAppContext } from '../src/modules/repositories.js';
import { systemClock } from '../src/shared/clock.js';
import { startMultiUserServer, startServer } from '../src/server/start.js';
import { createUser } from '../src/modules/accounts/accounts.usecases.js';

const out = resolve('docs/screenshots');
mkdirSync(out, { recursive: true });
const home = mkdtempSync(join(tmpdir(), 'inroads-shots-'));
const config = loadConfig({ home, port: 0, env: {} });
const demo = await openDatabase({ url: config.databaseUrl });
await seedDemoWorkspace({ ctx: createAppContext(demo, systemClock) });
await demo.close();

const server = await startServer(config);
const origin = new URL(server.url).origin;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
type Shot = { file: string; path: string; width: number; height: number; scheme: 'light' | 'dark'; open?: (page: Page) => Promise<void> };
const shots: Shot[] = [
  { file: 'today.png', path: '/', width: 1280, height: 860, scheme: 'light' },
  { file: 'people.png', path: '/people', width: 1280, height: 760, scheme: 'light' },
  { file: 'interviews.png', path: '/interviews', width: 1280, height: 760, scheme: 'light' },
  { file: 'organizations-dark.png', path: '/organizations', width: 1280, height: 760, scheme: 'dark' },
  { file: 'today-phone.png', path: '/', width: 375, height: 760, scheme: 'light' },
  {
    file: 'interview-mode.png',
    path: '/interviews',
    width: 1280,
    height: 860,
    scheme: 'light',
    open: async (page) => {
      await page.locator('section.column', { has: page.getByRole('heading', { name: /^Scheduled/ }) }).getByRole('link').first().click();
      await page.getByRole('link', { name: 'Interview mode' }).click();
      await page.getByRole('heading', { level: 1, name: /Talking with/ }).waitFor();
      await page.getByLabel(/^Note \(/).fill('Most of their researchers started in teaching or nursing');
    },
  },
  {
    file: 'decision-board.png',
    path: '/explorations',
    width: 1280,
    height: 900,
    scheme: 'light',
    open: async (page) => {
      await page.getByRole('link', { name: /UX research/ }).first().click();
      await page.getByRole('link', { name: 'Decision board' }).click();
      await page.getByRole('heading', { level: 1, name: /Decision board/ }).waitFor();
    },
  },
  { file: 'insights.png', path: '/insights', width: 1280, height: 900, scheme: 'light' },
  {
    file: 'draft-request.png',
    path: '/next',
    width: 1280,
    height: 860,
    scheme: 'light',
    open: async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Whom to ask next' }).waitFor();
      await page.getByRole('button', { name: /^Draft request to / }).first().click();
      await page.getByRole('dialog').getByLabel('Message').waitFor();
    },
  },
];
try {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.scheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.goto(`${origin}${shot.path}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    if (shot.open) {
      await shot.open(page);
      await page.waitForLoadState('networkidle');
    }
    await page.screenshot({ path: join(out, shot.file) });
    await context.close();
    process.stdout.write(`docs/screenshots/${shot.file}\n`);
  }
  await sharedServerShots();
} finally {
  await browser.close();
  await server.close();
  rmSync(home, { recursive: true, force: true });
}

/** A shared server: a coach's dashboard of the explorers who share with them, and one explorer's progress. */
async function sharedServerShots(): Promise<void> {
  const sharedHome = mkdtempSync(join(tmpdir(), 'inroads-shots-mu-'));
  const shared = await startMultiUserServer(loadConfig({ home: sharedHome, port: 0, env: {} }));
  try {
    const control = createAppContext(shared.handle, systemClock);
    const password = 'correct horse battery staple';
    const { user: coach } = await createUser({ ctx: control, input: { email: 'adviser@uni.example', name: 'Rosa Alvarez', role: 'coach', password } });
    const explorers = ['Sam Okafor', 'Priya Shah', 'Jonah Reid', 'Lena Fischer'];
    for (const [n, name] of explorers.entries()) {
      const { user } = await createUser({ ctx: control, input: { email: `student${n}@uni.example`, name, role: 'explorer', password } });
      await control.repos.accounts.saveGrant({ explorerId: user.id, coachId: coach.id, scope: n % 2 ? 'progress' : 'notes', createdAt: new Date().toISOString() });
      // The first two carry the demo job search; the others have only just begun.
      if (n < 2) await shared.workspaces.use(user.id, (ctx) => seedDemoWorkspace({ ctx }));
    }
    const sharedOrigin = new URL(shared.url).origin;
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${sharedOrigin}/`);
    await page.getByLabel('Email').fill('adviser@uni.example');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Coaching' }).click();
    await page.getByRole('link', { name: 'Sam Okafor' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(out, 'coaching.png') });
    process.stdout.write('docs/screenshots/coaching.png\n');
    await context.close();
  } finally {
    await shared.close();
    rmSync(sharedHome, { recursive: true, force: true });
  }
}

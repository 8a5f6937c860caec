/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createUser, setReminderEmails } from '../../src/modules/accounts/accounts.usecases.js';
import { createContact } from '../../src/modules/contacts/contacts.usecases.js';
import { createInterview } from '../../src/modules/interviews/interviews.usecases.js';
import { updateProfile } from '../../src/modules/profile/profile.usecases.js';
import { createAppContext } from '../../src/modules/repositories.js';
import { freePort, startMultiUserServer, type RunningMultiUserServer } from '../../src/server/start.js';
import { systemClock } from '../../src/shared/clock.js';
import { createContactInput } from '../../src/shared/schemas/contacts.js';
import { createInterviewInput } from '../../src/shared/schemas/interviews.js';
import { createTestDatabase, type TestDatabase } from '../fixtures/databases.js';
import { assertBrowserAvailable, collectCspViolations, expectAccessible, hasBrowser, launch, pageOverflow, requireBrowser } from './browser.js';

assertBrowserAvailable();

const PASSWORD = 'correct horse battery staple';

/** A fixed-offset time zone in which it is now `hour` o'clock (give or take the minutes). */
function zoneWhereItIs(hour: number): string {
  const offset = (((hour - new Date().getUTCHours() + 36) % 24) - 12) as number; // -12 … 11
  // (Etc/GMT zones count the other way: Etc/GMT-5 is UTC+5.)
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

describe.skipIf(!hasBrowser && !requireBrowser)('an admin sends today’s reminders from the Administration page', () => {
  let browser: Browser;
  let server: RunningMultiUserServer;
  let database: TestDatabase;
  let smtp: SMTPServer;
  let home: string;
  let origin: string;
  const mail: string[] = [];
  const csp: string[] = [];
  /** The server's log lines (JSON), as the journal would get them. */
  const logged: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'inroads-e2e-reminders-'));
    database = await createTestDatabase('postgres');
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          mail.push(session.envelope.rcptTo.map((r) => r.address).join(','));
          callback();
        });
      },
    });
    const smtpPort = await freePort();
    await new Promise<void>((done) => smtp.listen(smtpPort, '127.0.0.1', done));
    server = await startMultiUserServer(loadConfig({ home, port: 0, database: database.url, env: {} }), {
      mail: { url: `smtp://127.0.0.1:${smtpPort}`, from: 'Inroads <inroads@uni.example>' },
      jobPollingSeconds: 0.5,
      logger: { level: 'info', stream: { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) } },
    });
    origin = new URL(server.url).origin;
    const control = createAppContext(server.handle, systemClock);
    await createUser({ ctx: control, input: { email: 'admin@uni.example', name: 'Ada Admin', role: 'admin', password: PASSWORD } });
    // Two students with a thank-you due: one where it is midday, one where it is the middle of the night.
    for (const [email, hour] of [
      ['noon@uni.example', 12],
      ['night@uni.example', 3],
    ] as const) {
      const { user } = await createUser({ ctx: control, input: { email, name: email.split('@')[0] ?? email, role: 'explorer', password: PASSWORD } });
      await setReminderEmails({ ctx: control, userId: user.id, reminderEmails: true });
      await server.workspaces.use(user.id, async (ctx) => {
        await updateProfile({ ctx, input: { timeZone: zoneWhereItIs(hour) } });
        const { contact } = await createContact({ ctx, input: createContactInput.parse({ name: 'Maya Costa' }) });
        await createInterview({ ctx, input: createInterviewInput.parse({ contactId: contact.id, status: 'held', heldAt: new Date(Date.now() - 30 * 3600_000).toISOString() }) });
      });
    }
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise<void>((done) => (smtp ? smtp.close(() => done()) : done()));
    await database?.dispose();
    rmSync(home, { recursive: true, force: true });
  });

  const adminPage = async (width: number): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    csp.push(...collectCspViolations(page));
    await page.goto(`${origin}/`);
    await page.getByLabel('Email').fill('admin@uni.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Morning reminders' }).waitFor();
    return page;
  };

  it('sees how many emails went out, and that the one for whom it is night waits for her morning', async () => {
    const page = await adminPage(1280);
    await page.getByRole('button', { name: 'Send today’s reminders' }).click();
    const status = page.getByRole('status').filter({ hasText: 'sent' });
    await status.getByText('1 email sent.').waitFor({ timeout: 30_000 });
    await status.getByText('1 person is before 07:00 where they are: theirs goes out in their normal morning round.').waitFor();
    expect(mail).toEqual(['noon@uni.example']);
    // The round is in the server's log too, in counts only.
    expect(logged.filter((l) => l.event === 'reminders.round' && l.trigger !== 'schedule')).toEqual([expect.objectContaining({ trigger: 'admin', people: 2, sent: 1, waiting: 1, msg: 'reminder round finished' })]);
    expect(JSON.stringify(logged.filter((l) => String(l.event ?? '').startsWith('reminders')))).not.toMatch(/@uni\.example/);
    await expectAccessible(page, 'administration, reminders sent');
    await page.screenshot({ path: '/tmp/inroads-reminders-1280.png', fullPage: true });

    // "Send now anyway" asks first; then the early riser gets hers, and nobody gets a second.
    await page.getByRole('button', { name: 'Send now anyway…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send now, whatever the hour?' });
    await dialog.waitFor();
    await expectAccessible(page, 'send now anyway, confirmation');
    await dialog.getByRole('button', { name: 'Send to everyone now' }).click();
    await page.getByRole('status').getByText('1 person has had today’s email already.').waitFor({ timeout: 30_000 });
    await page.getByRole('status').getByText('1 email sent.').waitFor();
    expect(mail.sort()).toEqual(['night@uni.example', 'noon@uni.example']);
    // The earlier round is listed, in counts only.
    await page.getByText(/sent by an admin: 1 email sent\./).waitFor();
    expect(await page.getByRole('region', { name: 'Morning reminders' }).getByText(/@uni\.example/).count()).toBe(0);
  }, 90_000);

  it('says that no email went out, and why, when everyone has had theirs; on a phone too', async () => {
    const page = await adminPage(375);
    await page.getByRole('button', { name: 'Send today’s reminders' }).click();
    await page.getByRole('status').getByText('No emails went out this time.').waitFor({ timeout: 30_000 });
    await page.getByRole('status').getByText('2 people have had today’s email already.').waitFor();
    expect(await pageOverflow(page)).toBe(0);
    await expectAccessible(page, 'administration at 375 px');
    await page.screenshot({ path: '/tmp/inroads-reminders-375.png', fullPage: true });
    expect(mail).toHaveLength(2);
    expect(csp).toEqual([]);
  }, 90_000);
});

/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxStatus, MailMessage } from '../../src/shared/schemas/mail.js';
import { dovecotAvailable, startDovecot, type Dovecot, type MailUser } from '../mail/dovecot.js';
import * as samples from '../mail/messages.js';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.js';
import { assertBrowserAvailable, collectCspViolations, expectAccessible, hasBrowser, launch, newPage, pageOverflow, requireBrowser, seedProfileAndExploration, signIn, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();
const SHOTS = process.env.INROADS_SCREENSHOTS;
const withDovecot = dovecotAvailable();

/**
 * The mailbox in the browser, against a real Dovecot and an SMTP sink on loopback (started here):
 * connect through Settings (trusting the self-signed certificate the first attempt shows), send a
 * request from the draft, deliver the reply into the maildir, and see it on Today with the
 * conversation moved on.
 */
describe.skipIf((!hasBrowser && !requireBrowser) || !withDovecot)('the mailbox, connected and used in the browser', () => {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  let dovecot: Dovecot | undefined;
  let sink: SmtpSink | undefined;
  let page: Page;
  let csp: string[] = [];
  let me: MailUser;
  let them: MailUser;
  let cleo: MailUser;
  let contactId = '';

  beforeAll(async () => {
    dovecot = await startDovecot({ users: 3 });
    sink = await startSmtpSink(dovecot);
    [me, them, cleo] = dovecot.users as [MailUser, MailUser, MailUser];
    server = await startTestServer();
    browser = await launch();
    // The person to write to; everything after this is done through the pages.
    await seedProfileAndExploration(server);
    contactId = (await server.api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Ben Known', relationship: 'alumni', emails: [{ value: them.address, label: 'work' }] })).id;
    page = await newPage(browser);
    csp = collectCspViolations(page);
    await signIn(page, server);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    // Disconnecting first stops the watcher before Dovecot goes away.
    await server?.api('DELETE', '/api/v1/mail/mailbox').catch(() => undefined);
    await server?.stop();
    await sink?.stop();
    await dovecot?.stop();
  });

  it('connects after the user trusts the certificate, sends a request, and shows the reply on Today', async () => {
    if (!dovecot || !sink || !server) throw new Error('set up');
    await page.goto(`${server.origin}/settings`);
    const mailbox = page.getByRole('region', { name: 'Mailbox' });
    await mailbox.getByLabel('Provider').selectOption({ label: 'Other' });
    await mailbox.getByLabel('Email address').fill(me.address);
    await mailbox.getByLabel('User name').fill(me.username);
    await mailbox.getByLabel('App password').fill(me.password);
    await mailbox.getByLabel('IMAP server').fill(dovecot.host);
    await mailbox.getByLabel('IMAP port').fill(String(dovecot.imapsPort));
    await mailbox.getByLabel('IMAP security').selectOption('tls');
    await mailbox.getByLabel('SMTP server').fill(sink.host);
    await mailbox.getByLabel('SMTP port').fill(String(sink.port));
    await mailbox.getByLabel('SMTP security').selectOption('starttls');
    await mailbox.getByRole('button', { name: 'Connect' }).click();

    // The self-signed certificate: shown with its fingerprint, connected only once trusted.
    const alert = mailbox.getByRole('alert');
    await alert.getByText(/showed a certificate that no certificate authority vouches for/).waitFor();
    expect(await alert.locator('code.fingerprint').textContent()).toBe(dovecot.certFingerprint);
    expect((await server.api<MailboxStatus>('GET', '/api/v1/mail/mailbox')).connected).toBe(false);
    await expectAccessible(page, 'the certificate to trust');
    await alert.getByLabel('I trust this certificate').check();
    await mailbox.getByRole('button', { name: 'Trust it and connect' }).click();
    await mailbox.getByRole('button', { name: 'Disconnect' }).waitFor({ timeout: 20_000 });
    await mailbox.getByText(`${dovecot.host}:${dovecot.imapsPort}, TLS (SSL)`).waitFor();
    expect(await mailbox.locator('code.fingerprint').textContent()).toBe(dovecot.certFingerprint);
    // The password is never shown again, nor kept in the page.
    expect(await page.content()).not.toContain(me.password);
    await mailbox.getByText('Watching for new mail').waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'the connected mailbox');
    if (SHOTS) {
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await mailbox.screenshot({ path: `${SHOTS}/mail-settings-connected-${width}.png` });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // A request from the draft, sent through the user's SMTP server.
    await page.goto(`${server.origin}/people/${contactId}`);
    await page.getByRole('heading', { level: 1, name: 'Ben Known' }).waitFor();
    await page.getByRole('button', { name: 'Draft request' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request to Ben Known' });
    await expect.poll(() => dialog.getByLabel('Message').inputValue()).toMatch(/^Hi Ben/);
    // Ben has no organisation, so the template leaves a blank in the subject: sending asks first.
    await dialog.getByRole('button', { name: `Send from ${me.address}` }).click();
    await dialog.getByRole('alert').getByText(/still has (a blank|\d blanks) to fill in: .*“\[organization\.name\]”/).waitFor();
    expect(sink.received).toHaveLength(0);
    await dialog.getByLabel('Subject').fill('Twenty minutes on your work?');
    await dialog.getByLabel('Message').fill('Hi Ben, I am exploring UX research and would value twenty minutes of your advice. Would a short call next week suit you?');
    await dialog.getByRole('button', { name: `Send from ${me.address}` }).click();
    // Sent: the draft says so and what moved.
    await dialog.getByText('Request sent to Ben Known; the conversation is now requested.').waitFor({ timeout: 20_000 });
    expect(sink.received.filter((m) => m.to.includes(them.address))).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const sent = (await server.api<{ items: MailMessage[] }>('GET', `/api/v1/mail/messages?contactId=${contactId}`)).items.find((m) => m.direction === 'out');
    expect(sent?.messageId).toBeTruthy();

    // Ben replies while Today is open; the watcher finds it in the maildir and Today shows it without a reload.
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    dovecot.deliver(
      me.username,
      samples.gmailReply({ from: them.address, to: me.address, subject: 'Re: your request', messageId: '<reply-web-1@inroads.test>', inReplyTo: sent?.messageId ?? '', date: new Date().toUTCString() }),
    );
    const item = page.locator('li.agenda-item', { has: page.getByRole('heading', { name: 'Ben Known replied: schedule it' }) });
    await item.waitFor({ timeout: 45_000 });
    await item.locator('.mail-quote', { hasText: 'Happy to chat! Thursday at 3 works for me' }).waitFor();
    await expectAccessible(page, 'Today with the reply');

    // The conversation: requested, and answered.
    await item.getByRole('link', { name: 'Open interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview with Ben Known' }).waitFor();
    await page.locator('.page-header .badge', { hasText: 'Requested' }).waitFor();
    await page.getByRole('region', { name: 'Where it stands' }).getByText('Replied', { exact: true }).waitFor();

    // The person's mail shows both messages.
    await page.goto(`${server.origin}/people/${contactId}`);
    const mail = page.getByRole('region', { name: 'Mail' });
    await mail.getByText('To Ben Known', { exact: true }).waitFor();
    await mail.getByText('From Ben Known', { exact: true }).waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(csp).toEqual([]);
  }, 120_000);

  it('sends the thank-you from Today’s draft (the conversation is thanked, the item goes), checks for mail now, and disconnects after asking', async () => {
    if (!sink || !server) throw new Error('set up');
    const cleoId = (await server.api<{ id: string }>('POST', '/api/v1/contacts', { name: 'Cleo Held', emails: [{ value: cleo.address, label: 'work' }] })).id;
    const heldAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const interview = await server.api<{ id: string }>('POST', '/api/v1/interviews', { contactId: cleoId, status: 'held', heldAt });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.origin}/`);
    const item = page.locator('li.agenda-item', { has: page.locator('.badge', { hasText: 'Thank' }) }).filter({ hasText: 'Cleo Held' });
    await item.getByRole('button', { name: 'Draft message' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Message').inputValue()).toContain('Cleo');
    await dialog.getByLabel('Message').fill('Dear Cleo, thank you for your time today. Your advice on research roles was exactly what I needed.');
    // The copy and "I sent it" stay beside sending.
    await dialog.getByRole('button', { name: 'Copy' }).waitFor();
    await dialog.getByRole('button', { name: /I sent it/ }).waitFor();
    const before = sink.received.length;
    await dialog.getByRole('button', { name: `Send from ${me.address}` }).click();
    await page.getByRole('status').getByText('Thank-you sent; the conversation is now thanked.').waitFor({ timeout: 20_000 });
    await dialog.waitFor({ state: 'detached' });
    expect(sink.received.slice(before).map((m) => m.to)).toEqual([[cleo.address]]);
    await expect.poll(() => item.count()).toBe(0);
    expect((await server.api<{ status: string; thankedAt: string | null }>('GET', `/api/v1/interviews/${interview.id}`)).status).toBe('thanked');
    await expectAccessible(page, 'Today after sending a thank-you');

    // Settings: one pass now, with what it found; then disconnect, after a confirmation.
    await page.goto(`${server.origin}/settings`);
    const mailbox = page.getByRole('region', { name: 'Mailbox' });
    await mailbox.getByRole('button', { name: 'Check for mail now' }).click();
    await mailbox.getByRole('status').getByText(/^Looked at \d+ messages?; kept \d+ to or from people in Inroads: /).waitFor({ timeout: 20_000 });
    await mailbox.getByRole('button', { name: 'Disconnect' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disconnect your mailbox?' });
    await confirm.getByRole('button', { name: 'Disconnect' }).click();
    await mailbox.getByRole('button', { name: 'Connect' }).waitFor();
    expect((await server.api<MailboxStatus>('GET', '/api/v1/mail/mailbox')).connected).toBe(false);
    // Without a mailbox, drafts offer no sending.
    await page.goto(`${server.origin}/people/${cleoId}`);
    await page.getByRole('button', { name: 'Draft request' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'I sent it' }).waitFor();
    expect(await page.getByRole('button', { name: /^Send from/ }).count()).toBe(0);
    expect(csp).toEqual([]);
  }, 60_000);
});

/// <reference lib="dom" />
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxStatus } from '../../src/shared/schemas/mail.js';
import { settableClock } from '../../src/shared/clock.js';
import { assertBrowserAvailable, closeAll, collectCspViolations, expectAccessible, hasBrowser, launch, pageOverflow, requireBrowser, startTestServer, type TestServer } from './browser.js';

assertBrowserAvailable();

const SHOTS = process.env.INROADS_SCREENSHOTS;

/** A loopback port nothing listens on: bound, then closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const crlf = (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r\n'));

/** Maya's answer to the request, as her mail app would save it (no References: matched by her address). */
const reply = crlf(`From: Maya Costa <maya@brightpath.example>
To: Sam Rivera <sam@example.com>
Subject: Re: A question about your work
Date: Thu, 11 Mar 2027 16:20:00 +0000
Message-ID: <reply-1@brightpath.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Happy to talk! Thursday at 3 works for me, or Friday morning.

Maya
`);

/** A delivery-status report: mail to Leo's old address came back. */
const bounce = crlf(`From: Mail Delivery System <MAILER-DAEMON@mail.example>
To: sam@example.com
Subject: Undelivered Mail Returned to Sender
Date: Thu, 11 Mar 2027 17:00:00 +0000
Message-ID: <bounce-1@mail.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="report-b1"

--report-b1
Content-Type: text/plain; charset=utf-8

Your message could not be delivered to leo@oldjob.example: there is no such mailbox.

--report-b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example

Final-Recipient: rfc822; leo@oldjob.example
Original-Recipient: rfc822; leo@oldjob.example
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <leo@oldjob.example>: mailbox unavailable

--report-b1
Content-Type: text/rfc822-headers

From: Sam Rivera <sam@example.com>
To: Leo Park <leo@oldjob.example>
Subject: Catching up
Date: Thu, 11 Mar 2027 16:59:00 +0000
Message-ID: <orig-1@example.com>

--report-b1--
`);

/** A request written from the user's own mail app to Ines, whose conversation is still an idea. */
const sentByMe = crlf(`From: Sam Rivera <sam@example.com>
To: Ines Duarte <ines@clinic.example>
Subject: Twenty minutes on clinical research?
Date: Wed, 10 Mar 2027 10:00:00 +0000
Message-ID: <sent-1@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi Ines, would you have twenty minutes to tell me about your work?
`);

/**
 * Mail without a password, from a blank workspace and through the pages only: a request recorded
 * by hand, a saved reply and a bounce dropped on Today (through the file button), and what they
 * change. Then the mailbox form, against a port where nothing listens.
 */
describe.skipIf(!hasBrowser && !requireBrowser)('mail from .eml files and the mailbox form, in the browser', () => {
  // A Tuesday morning (the browser and the profile are in UTC).
  const clock = settableClock('2027-03-02T09:00:00Z');
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let csp: string[] = [];
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  /** With INROADS_SCREENSHOTS set, the page at 1280 and at 375 px wide. */
  const shot = async (name: string) => {
    if (!SHOTS) return;
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/mail-${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  const item = (title: RegExp) => page.locator('li.agenda-item', { has: page.getByRole('heading', { name: title }) });

  beforeAll(async () => {
    server = await startTestServer({ clock });
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', locale: 'en-GB' });
    await context.clock.install({ time: clock.now() });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    csp = collectCspViolations(page);
  }, 60_000);
  afterAll(() => closeAll(browser, server));

  it('records a reply, a bounce and a request sent from the mail app from dropped .eml files: “replied: schedule it” with the snippet and the request answered, “fix this address” settled by a new address, “mark as requested” in one click', async () => {
    await page.goto(server.signInUrl);
    await page.waitForURL(/\/welcome$/);
    await page.getByLabel('Your name').fill('Sam Rivera');
    await page.getByLabel('Background').fill('Eight years teaching science.');
    await page.getByLabel('Your pitch').fill('I teach science and I am exploring UX research.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What do you want to explore?').fill('UX research in health tech');
    await page.getByRole('button', { name: 'Start exploring' }).click();
    await page.getByRole('heading', { name: 'Your first people' }).waitFor();
    for (const [name, email] of [
      ['Maya Costa', 'maya@brightpath.example'],
      ['Leo Park', 'leo@oldjob.example'],
      ['Ines Duarte', 'ines@clinic.example'],
    ] as const) {
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Add person' }).click();
      await page.getByRole('status').filter({ hasText: name }).waitFor();
    }
    await page.getByRole('button', { name: 'Finish and go to Today' }).click();
    await h1('Today').waitFor();

    // The request, sent from the user's own mail app and recorded with "I sent it".
    await nav('People').click();
    await page.getByRole('main').getByRole('link', { name: 'Maya Costa' }).click();
    await h1('Maya Costa').waitFor();
    await page.getByRole('button', { name: 'Draft request' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request to Maya Costa' });
    await expect.poll(() => dialog.getByLabel('Message').inputValue()).toContain('UX research in health tech');
    // No mailbox connected: nothing offers to send from one.
    expect(await dialog.getByRole('button', { name: /^Send from/ }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'I sent it' }).click();
    await dialog.getByText('Marked as requested').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // A conversation with Ines, still an idea.
    await nav('People').click();
    await page.getByRole('main').getByRole('link', { name: 'Ines Duarte' }).click();
    await h1('Ines Duarte').waitFor();
    await page.getByRole('button', { name: 'Plan an interview' }).click();
    await h1('Interview with Ines Duarte').waitFor();
    const inesInterview = page.url();

    // Eight business days on, still no reply: Today says to follow up.
    clock.set('2027-03-12T09:00:00Z');
    await page.clock.setSystemTime(new Date('2027-03-12T09:00:00Z'));
    await nav('Today').click();
    await h1('Today').waitFor();
    const followUp = page.locator('li.agenda-item', { has: page.locator('.badge', { hasText: 'Follow up' }) });
    await followUp.getByRole('heading', { name: /Maya Costa/ }).waitFor();

    // Her reply and a bounce, saved from the mail app, added with the keyboard-usable file button.
    const files = page.getByLabel('Add emails (.eml)');
    await files.setInputFiles([
      { name: 'maya-reply.eml', mimeType: 'message/rfc822', buffer: reply },
      { name: 'bounce.eml', mimeType: 'message/rfc822', buffer: bounce },
      { name: 'to-ines.eml', mimeType: 'message/rfc822', buffer: sentByMe },
    ]);
    const results = page.getByRole('list', { name: 'What the emails added' });
    await results.getByText(/maya-reply\.eml — Reply/).waitFor();
    await results.getByText(/bounce\.eml — Bounce/).waitFor();
    await results.getByRole('link', { name: 'Maya Costa' }).waitFor();

    // Today: schedule it, with the first lines of her reply; the follow-up is settled.
    const schedule = item(/Maya Costa replied: schedule it/);
    await schedule.locator('.mail-quote', { hasText: 'Happy to talk! Thursday at 3 works for me' }).waitFor();
    await schedule.getByRole('button', { name: 'Schedule it' }).waitFor();
    await expect.poll(() => followUp.count()).toBe(0);
    // The bounce: fix Leo's address, which is named.
    const fix = page.locator('li.agenda-item', { has: page.locator('.badge', { hasText: 'Fix address' }) });
    await fix.getByRole('heading', { name: /Leo Park/ }).waitFor();
    await fix.getByText(/leo@oldjob\.example/).waitFor();
    await fix.getByRole('button', { name: 'Fix the address' }).waitFor();
    await expectAccessible(page, 'Today with mail items');
    await shot('today');

    // Written to Ines from the mail app: recorded as the request in one click, and the item goes.
    const asked = item(/Did you ask Ines Duarte for a conversation\?/);
    await asked.getByRole('button', { name: 'Mark as requested' }).click();
    await expect.poll(() => asked.count()).toBe(0);
    await page.goto(inesInterview);
    await page.locator('.page-header .badge', { hasText: 'Requested' }).waitFor();
    await nav('Today').click();
    await h1('Today').waitFor();

    // Fixing the address from the item: the person's form opens on Today, and the new address settles it.
    await fix.getByRole('button', { name: 'Fix the address' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Leo Park' });
    expect(await edit.getByLabel('Email').inputValue()).toBe('leo@oldjob.example');
    await edit.getByLabel('Email').fill('leo@newjob.example');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => fix.count()).toBe(0);

    // Her conversation is no longer waiting for a reply.
    await schedule.getByRole('link', { name: 'Open interview' }).click();
    await h1('Interview with Maya Costa').waitFor();
    await page.getByText('They replied: agree a time, then mark the conversation scheduled.').waitFor();
    const facts = page.getByRole('region', { name: 'Where it stands' }).locator('dl.facts');
    await facts.getByText('Replied', { exact: true }).waitFor();
    expect(await page.getByText('No reply after three business days?').count()).toBe(0);

    // On her page, the mail list shows the reply (direction, subject, snippet).
    await page.getByRole('link', { name: 'Maya Costa' }).first().click();
    await h1('Maya Costa').waitFor();
    const mail = page.getByRole('region', { name: 'Mail' });
    await mail.getByText('From Maya Costa', { exact: true }).waitFor();
    await mail.getByText('Re: A question about your work').waitFor();
    await mail.getByText(/Happy to talk!/).waitFor();
    await mail.getByLabel('Add emails (.eml)').waitFor();
    await expectAccessible(page, 'the person page with mail');
    await shot('person');

    // Scheduling from Today's item moves the conversation and settles the item.
    await nav('Today').click();
    await schedule.getByRole('button', { name: 'Schedule it' }).click();
    const when = page.getByRole('dialog', { name: 'When will you talk with Maya Costa?' });
    await when.getByLabel('Date and time').fill('2027-03-18T15:00');
    await when.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(() => schedule.count()).toBe(0);

    // On a phone, Today with its drop zone fits the screen.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByLabel('Add emails (.eml)').waitFor();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(csp).toEqual([]);
  }, 120_000);

  it('names the server it could not reach when connecting a mailbox, and stores nothing', async () => {
    const [imapPort, smtpPort] = [await closedPort(), await closedPort()];
    await nav('Settings').click();
    await h1('Settings').waitFor();
    const mailbox = page.getByRole('region', { name: 'Mailbox' });
    await mailbox.getByText('Only messages to or from people you have in Inroads.', { exact: false }).waitFor();
    await mailbox.getByText('never whole messages, never attachments', { exact: false }).waitFor();
    await mailbox.getByText('stored encrypted on this computer and is never shown again', { exact: false }).waitFor();

    // A preset fills the servers in.
    await mailbox.getByLabel('Provider').selectOption({ label: 'Fastmail' });
    expect(await mailbox.getByLabel('IMAP server').inputValue()).toBe('imap.fastmail.com');
    expect(await mailbox.getByLabel('SMTP port').inputValue()).toBe('465');

    // Nothing filled in: the fields say what is missing.
    await mailbox.getByRole('button', { name: 'Connect' }).click();
    await mailbox.getByText('Enter the address you send mail from.').waitFor();
    await expect(mailbox.getByLabel('Email address').getAttribute('aria-invalid')).resolves.toBe('true');

    await mailbox.getByLabel('Provider').selectOption({ label: 'Other' });
    await mailbox.getByLabel('Email address').fill('sam@example.com');
    await mailbox.getByLabel('App password').fill('abcd efgh ijkl mnop');
    await mailbox.getByLabel('IMAP server').fill('127.0.0.1');
    await mailbox.getByLabel('IMAP port').fill(String(imapPort));
    await mailbox.getByLabel('IMAP security').selectOption('none');
    await mailbox.getByLabel('SMTP server').fill('127.0.0.1');
    await mailbox.getByLabel('SMTP port').fill(String(smtpPort));
    await mailbox.getByLabel('SMTP security').selectOption('none');
    await mailbox.getByRole('button', { name: 'Connect' }).click();
    const alert = mailbox.getByRole('alert');
    // Whichever server was tried first is named, with its address.
    const named = new RegExp(`The (reading \\(IMAP\\) server at 127\\.0\\.0\\.1:${imapPort}|sending \\(SMTP\\) server at 127\\.0\\.0\\.1:${smtpPort}) could not be reached\\.`);
    await alert.getByText(named).waitFor();
    await expectAccessible(page, 'Settings with a mailbox error');
    await shot('settings-error');

    // Nothing was stored: the server says so, and the page still offers the form after a reload.
    const status = await server.api<MailboxStatus>('GET', '/api/v1/mail/mailbox');
    expect(status.connected).toBe(false);
    expect(status.address).toBeNull();
    await page.reload();
    await page.getByRole('region', { name: 'Mailbox' }).getByRole('button', { name: 'Connect' }).waitFor();
    expect(await page.getByRole('button', { name: 'Disconnect' }).count()).toBe(0);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('region', { name: 'Mailbox' }).getByLabel('IMAP server').waitFor();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'Settings on a phone');
    expect(csp).toEqual([]);
  }, 60_000);
});

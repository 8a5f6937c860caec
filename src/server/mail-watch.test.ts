/**
 * The mailbox end to end below the web app: Inroads connects to a real Dovecot (started by
 * the test on loopback), sends a request through an SMTP sink that delivers into Dovecot's
 * maildirs, and its watcher notices the reply while IDLE, also after Dovecot was killed and
 * restarted. Two watchers on one workspace share it by lease. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContact, anInterview } from '../../test/fixtures/builders.js';
import { createTestWorkspace, dialects, type TestWorkspace } from '../../test/fixtures/databases.js';
import { dovecotAvailable, startDovecot, type Dovecot } from '../../test/mail/dovecot.js';
import * as samples from '../../test/mail/messages.js';
import { startSmtpSink, type SmtpSink } from '../../test/mail/smtp-sink.js';
import { getAgenda } from '../modules/followups/followups.usecases.js';
import { connectMailbox, mailboxStatus, sendMail } from '../modules/mail/mail.usecases.js';
import { connectMailboxInput } from '../shared/schemas/mail.js';
import { createMailServices } from './mail-services.js';
import { startMailWatch, type MailWatch } from './mail-watch.js';

const run = dovecotAvailable();

function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      if (await check().catch(() => false)) return resolve();
      if (Date.now() > until) return reject(new Error(`Gave up waiting for ${what}`));
      setTimeout(() => void tick(), 50);
    };
    void tick();
  });
}

describe.runIf(run).each(dialects)('the mailbox watched on %s', (dialect) => {
  let dovecot: Dovecot;
  let sink: SmtpSink;
  let w: TestWorkspace;
  const watches: MailWatch[] = [];
  const mail = createMailServices({ key: Buffer.alloc(32, 3), client: { connectionTimeoutMs: 3000, socketTimeoutMs: 5000 } });
  const workspace = () => ({ id: 'one', use: <T>(work: (ctx: TestWorkspace['ctx']) => Promise<T>) => work(w.ctx) });
  const watch = (leaseMs: number) => {
    const started = startMailWatch({ mail, workspaces: async () => [workspace()], leaseMs, sweepMs: 150, watchdogMs: 2000, maxBackoffMs: 500 });
    watches.push(started);
    return started;
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    sink = await startSmtpSink(dovecot);
    // The clock is real here: IDLE, leases and backoff run on real time.
    w = await createTestWorkspace(dialect, { now: () => new Date() });
  });
  afterAll(async () => {
    for (const started of watches) await started.stop();
    await sink?.stop();
    await dovecot?.stop();
    await w?.dispose();
  });

  it('sends a request, then catches the reply while IDLE, and again after Dovecot dies and comes back', async () => {
    const ada = dovecot.users[0];
    const ben = dovecot.users[1];
    if (!ada || !ben) throw new Error('the harness has users');
    const ctx = w.ctx;
    await connectMailbox({
      ctx,
      mail,
      input: connectMailboxInput.parse({
        address: ada.address,
        username: ada.username,
        imap: { host: dovecot.host, port: dovecot.imapsPort, security: 'tls' },
        smtp: { host: sink.host, port: sink.port, security: 'none' },
        secret: ada.password,
        trustCertificate: dovecot.certFingerprint,
      }),
    });
    const person = await aContact(ctx, { name: 'Ben Known', emails: [{ label: 'work', value: ben.address }] });
    const idea = await anInterview(ctx, { contactId: person.id });
    const sent = await sendMail({ ctx, mail, input: { kind: 'request', contactId: person.id, interviewId: idea.id, subject: 'Twenty minutes on your work?', body: 'Hi Ben, could we talk?' } });
    expect(sent.interviewStatus).toBe('requested');
    // It went out through SMTP with the Message-ID Inroads recorded, and a copy is in Sent.
    expect(sink.received.at(-1)?.raw.toString()).toContain(sent.message.messageId ?? 'none');
    await waitFor(async () => dovecot.flagsOf(ada.username, 'Sent').length === 1, 'the copy in Sent');

    const first = watch(60_000);
    await waitFor(async () => (await mailboxStatus({ ctx })).watching && first.watching('one'), 'the watcher to hold the mailbox');
    // The first pass reads the Sent copy (Inroads' own message: nothing new is kept).
    await waitFor(async () => (await mailboxStatus({ ctx })).lastSyncAt !== null, 'the first pass');

    dovecot.deliver(
      ada.username,
      samples.gmailReply({ from: ben.address, to: ada.address, subject: 'Re: Twenty minutes on your work?', messageId: '<reply-1@known.test>', inReplyTo: sent.message.messageId ?? '' }),
    );
    await waitFor(async () => (await ctx.repos.interviews.get(idea.id))?.repliedAt != null, 'the reply to be noticed while IDLE');
    const agenda = await getAgenda({ ctx });
    expect(agenda.items.find((i) => i.key === `schedule:${idea.id}`)).toMatchObject({ title: 'Ben Known replied: schedule it' });

    // Dovecot dies under the IDLE connection and comes back: the watcher reconnects and still sees new mail.
    await dovecot.kill();
    await dovecot.restart();
    dovecot.deliver(ada.username, samples.forward({ from: ben.address, to: ada.address, subject: 'a colleague to meet', messageId: '<fwd-1@known.test>' }));
    await waitFor(async () => (await ctx.repos.mail.messages({ contactId: person.id, limit: 10 })).some((m) => m.outcome === 'forward'), 'the forward after the restart');
    expect((await ctx.repos.mail.mailbox())?.state).toBe('ok');
  }, 90_000);

  it('lets one watcher hold a mailbox, and another take over when it stops', async () => {
    const [first] = watches;
    if (!first) throw new Error('the first test started a watcher');
    const second = watch(1_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(first.watching('one')).toBe(true);
    expect(second.watching('one')).toBe(false);
    await first.stop();
    await waitFor(async () => second.watching('one'), 'the second watcher to take over');
    expect((await mailboxStatus({ ctx: w.ctx })).watching).toBe(true);
  }, 30_000);
});

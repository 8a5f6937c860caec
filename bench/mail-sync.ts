/**
 * The mailbox as Inroads uses it, against a real Dovecot on loopback: the first sync of a
 * mailbox of `messages` messages, `known` of them from people in Inroads (the whole pass:
 * reading, matching, recording), with its time and peak memory; then the time from a
 * reply's delivery, while the watcher is IDLE, to its "schedule it" item on Today.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/factory.js';
import { getAgenda } from '../src/modules/followups/followups.usecases.js';
import { sealSecret } from '../src/modules/mail/mail.crypto.js';
import { syncMailbox } from '../src/modules/mail/mail.usecases.js';
import { recordRequestSent } from '../src/modules/outreach/outreach.usecases.js';
import { createContact } from '../src/modules/contacts/contacts.usecases.js';
import { createAppContext } from '../src/modules/repositories.js';
import { createMailServices } from '../src/server/mail-services.js';
import { startMailWatch } from '../src/server/mail-watch.js';
import { systemClock } from '../src/shared/clock.js';
import { createContactInput } from '../src/shared/schemas/contacts.js';
import { prng } from '../src/shared/random.js';
import { findDovecot, startDovecot } from '../test/mail/dovecot.js';
import { plain } from '../test/mail/messages.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
const MB = 1024 * 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const WORDS = ['thanks', 'meeting', 'project', 'report', 'schedule', 'update', 'team', 'review', 'budget', 'plan', 'notes', 'draft', 'call', 'week'];

async function until(check: () => Promise<boolean>): Promise<void> {
  const limit = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > limit) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function benchMailSync(options: { messages: number; known: number }): Promise<string[]> {
  if (!findDovecot()) return ['| mail sync | not measured: Dovecot is not installed (apt-get install dovecot-imapd) | |'];
  const dovecot = await startDovecot({ users: 1 });
  const home = mkdtempSync(join(tmpdir(), 'inroads-bench-mail-'));
  const handle = await openDatabase({ url: join(home, 'inroads.db') });
  const ctx = createAppContext(handle, systemClock);
  const mail = createMailServices({ key: Buffer.alloc(32, 9) });
  try {
    const user = dovecot.users[0];
    if (!user) throw new Error('no user');
    const people = Math.max(1, Math.ceil(options.known / 5));
    log(`Mail sync: ${people} people in Inroads, ${options.messages.toLocaleString('en')} messages of which ${options.known} from them…`);
    const addresses: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < people; i++) {
      const address = `person${i}@known.test`;
      const { contact } = await createContact({ ctx, input: createContactInput.parse({ name: `Known Person ${i}`, emails: [{ label: 'work', value: address }] }) });
      addresses.push(address);
      ids.push(contact.id);
    }
    // Half of them were asked for a conversation a fortnight ago.
    const asked = new Date(Date.now() - 14 * 86_400_000).toISOString();
    for (const id of ids.slice(0, Math.ceil(people / 2))) await recordRequestSent({ ctx, input: { contactId: id, body: 'Could we talk?', at: asked } });
    const random = prng(23);
    const every = options.messages / Math.max(1, options.known);
    const now = Date.now();
    for (let i = 0; i < options.messages; i++) {
      const isKnown = Math.floor(i % every) === 0 && Math.floor(i / every) < options.known;
      const from = isKnown ? (addresses[Math.floor(i / every) % addresses.length] ?? '') : `sender${Math.floor(random.next() * 3000)}@elsewhere.test`;
      const words = Array.from({ length: 60 + Math.floor(random.next() * 300) }, () => random.pick(WORDS)).join(' ');
      const arrivedAt = new Date(now - Math.floor(((options.messages - i) / options.messages) * 300 * 86_400_000));
      dovecot.deliver(user.username, plain({ from, to: user.address, subject: `Message ${i} about the ${random.pick(WORDS)}`, messageId: `<s${i}@bench.test>`, date: arrivedAt.toUTCString() }, words), {
        arrivedAt,
        flags: 'S',
      });
    }
    // SMTP plays no part here, so the mailbox is stored as connecting would store it, without the SMTP check.
    await ctx.repos.mail.saveMailbox({
      address: user.address,
      username: user.username,
      imap: { host: dovecot.host, port: dovecot.imapPort, security: 'none' },
      smtp: { host: dovecot.host, port: 1, security: 'none' },
      authKind: 'password',
      sealedSecret: sealSecret(Buffer.alloc(32, 9), user.password),
      trustedCertificate: null,
      saveSentCopy: false,
      cursor: { inbox: null, sent: null },
      state: 'ok',
      lastError: null,
      lastSyncAt: null,
      connectedAt: new Date().toISOString(),
      leaseHolder: null,
      leaseUntil: null,
    });

    log('Mail sync: the first sync…');
    globalThis.gc?.();
    const startRss = process.memoryUsage().rss;
    let peak = startRss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const began = performance.now();
    const result = await syncMailbox({ ctx, mail });
    const seconds = (performance.now() - began) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    log('Mail sync: a reply delivered while IDLE → its item on Today, 5 times…');
    const watch = startMailWatch({ mail, workspaces: async () => [{ id: 'bench', use: (work) => work(ctx) }], watchdogMs: 600_000 });
    const latencies: number[] = [];
    try {
      await until(async () => watch.watching('bench'));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const waiting = await ctx.repos.mail.interviewsOf(ids.slice(0, Math.ceil(people / 2)));
      const open = waiting.filter((i) => i.status === 'requested' && !i.repliedAt);
      for (let round = 0; round < 5; round++) {
        const interview = open[round];
        const address = addresses[ids.indexOf(interview?.contactId ?? '')];
        if (!interview || !address) break;
        await new Promise((resolve) => setTimeout(resolve, 300));
        const start = performance.now();
        dovecot.deliver(user.username, plain({ from: address, to: user.address, subject: 'Re: Could we talk?', messageId: `<today${round}@known.test>` }, 'Gladly, how about Thursday?'));
        await until(async () => (await getAgenda({ ctx })).items.some((item) => item.key === `schedule:${interview.id}`));
        latencies.push(performance.now() - start);
      }
    } finally {
      await watch.stop();
    }
    return [
      '',
      `| mail sync (Inroads against Dovecot on loopback, ${options.messages.toLocaleString('en')} messages, ${options.known} from ${people} people in Inroads) | time | memory | result |`,
      '|---|---|---|---|',
      `| first sync: read, match and record | ${seconds.toFixed(2)} s | RSS peak ${(peak / MB).toFixed(0)} MB (+${((peak - startRss) / MB).toFixed(0)} MB during the sync) | ${result.scanned.toLocaleString('en')} looked at, ${result.kept} kept, ${result.replies} replies |`,
      `| reply delivered during IDLE → "schedule it" on Today (median of ${latencies.length}) | ${median(latencies).toFixed(0)} ms | | all: ${latencies.map((x) => x.toFixed(0)).join(', ')} ms |`,
      'Targets: first sync ≤ 10 s and ≤ 200 MB; delivery to Today while IDLE ≤ 2 s.',
    ];
  } finally {
    await handle.close();
    await dovecot.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

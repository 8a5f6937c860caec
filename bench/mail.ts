/**
 * The mail client against a real Dovecot on loopback: the first pass over a mailbox of
 * `messages` messages of which `known` come from people in Inroads (time and memory), and
 * the time from a delivery during IDLE to `onNewMail` (and to the message being fetched).
 */
import { randomBytes } from 'node:crypto';
import { createMailClient } from '../src/modules/mail/mail.client.js';
import type { MailCredentials, MailEnvelope, SyncCursor } from '../src/modules/mail/mail.ports.js';
import { prng } from '../src/shared/random.js';
import { findDovecot, startDovecot } from '../test/mail/dovecot.js';
import { plain } from '../test/mail/messages.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const MB = 1024 * 1024;
const WORDS = ['thanks', 'meeting', 'project', 'report', 'schedule', 'update', 'team', 'review', 'budget', 'plan', 'notes', 'draft', 'call', 'week'];

async function waitUntil(condition: () => boolean): Promise<void> {
  const until = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > until) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

export interface MailBenchOptions {
  messages: number;
  known: number;
}

/** Samples RSS and heap every few milliseconds while `work` runs; returns the peaks above the starting point. */
async function withMemoryPeak<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number; rssPeak: number; rssIncrease: number; heapIncrease: number }> {
  globalThis.gc?.();
  const start = process.memoryUsage();
  let rssPeak = start.rss;
  let heapPeak = start.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    rssPeak = Math.max(rssPeak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const began = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await work();
    sample();
    const used = process.cpuUsage(cpu);
    return { result, seconds: (performance.now() - began) / 1000, cpuSeconds: (used.user + used.system) / 1e6, rssPeak, rssIncrease: rssPeak - start.rss, heapIncrease: heapPeak - start.heapUsed };
  } finally {
    clearInterval(timer);
  }
}

export async function benchMail(options: MailBenchOptions): Promise<string[]> {
  if (!findDovecot()) return [`| mail | not measured: Dovecot is not installed (apt-get install dovecot-imapd) | |`];
  const dovecot = await startDovecot({ users: 1 });
  const client = createMailClient();
  try {
    const user = dovecot.users[0];
    if (!user) throw new Error('no user');
    const credentials: MailCredentials = {
      address: user.address,
      username: user.username,
      imap: { host: dovecot.host, port: dovecot.imapPort, security: 'none' },
      smtp: { host: dovecot.host, port: 1, security: 'none' },
      auth: { kind: 'password', password: user.password },
      trustedCertificate: null,
    };

    log(`Mail: writing a maildir of ${options.messages.toLocaleString('en')} messages, ${options.known} from people in Inroads…`);
    const random = prng(17);
    const knownPeople = Array.from({ length: Math.max(1, Math.ceil(options.known / 5)) }, (_, i) => `person${i}@known.test`);
    const knownSet = new Set(knownPeople);
    // Spread the known messages evenly; some messages carry a 200 KB attachment that must never be downloaded.
    const every = options.messages / Math.max(1, options.known);
    const attachment = randomBytes(150 * 1024).toString('base64').replace(/(.{76})/g, '$1\r\n');
    const now = Date.now();
    let attachments = 0;
    for (let i = 0; i < options.messages; i++) {
      const isKnown = Math.floor(i % every) === 0 && Math.floor(i / every) < options.known;
      const from = isKnown ? (knownPeople[Math.floor(i / every) % knownPeople.length] ?? '') : `sender${Math.floor(random.next() * 3000)}@elsewhere.test`;
      const words = Array.from({ length: 60 + Math.floor(random.next() * 300) }, () => random.pick(WORDS)).join(' ');
      const arrivedAt = new Date(now - Math.floor(((options.messages - i) / options.messages) * 300 * 24 * 3600 * 1000));
      let raw = plain({ from, to: user.address, subject: `Message ${i} about the ${random.pick(WORDS)}`, messageId: `<m${i}@bench.test>`, date: arrivedAt.toUTCString() }, words);
      if (i % 20 === 7) {
        attachments++;
        raw = raw
          .replace('Content-Type: text/plain; charset=utf-8', 'Content-Type: multipart/mixed; boundary="att"')
          .replace(`\r\n\r\n${words}`, `\r\n\r\n--att\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${words}\r\n--att\r\nContent-Type: application/pdf; name="deck.pdf"\r\nContent-Disposition: attachment; filename="deck.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--att--`);
      }
      dovecot.deliver(user.username, raw, { arrivedAt, flags: 'S' });
    }
    const isWanted = (envelope: MailEnvelope) => [...envelope.from, ...envelope.to, ...envelope.cc].some((a) => knownSet.has(a.address));

    log('Mail: first pass (Dovecot has never opened this mailbox)…');
    const cold = await withMemoryPeak(() => client.fetchNew(credentials, { inbox: null, sent: null }, isWanted));
    if (cold.result.messages.length !== options.known) throw new Error(`expected ${options.known} wanted messages, got ${cold.result.messages.length}`);
    log('Mail: first pass again (Dovecot has its index now)…');
    const warm = await withMemoryPeak(() => client.fetchNew(credentials, { inbox: null, sent: null }, isWanted));
    const next = await withMemoryPeak(() => client.fetchNew(credentials, cold.result.cursor, isWanted));

    log('Mail: delivery during IDLE → onNewMail, 5 times…');
    let cursor: SyncCursor = cold.result.cursor;
    let calls = 0;
    let fetched: string[] = [];
    const watcher = client.watch(credentials, {
      watchdogMs: 600_000,
      onNewMail: async () => {
        calls++;
        const found = await client.fetchNew(credentials, cursor, isWanted);
        cursor = found.cursor;
        fetched = fetched.concat(found.messages.map((m) => m.messageId ?? ''));
      },
    });
    const toCall: number[] = [];
    const toFetched: number[] = [];
    try {
      await waitUntil(() => watcher.watching && calls > 0 && fetched !== null);
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const before = calls;
        const id = `<idle${round}@known.test>`;
        const start = performance.now();
        dovecot.deliver(user.username, plain({ from: knownPeople[0] ?? '', to: user.address, subject: 'A reply', messageId: id }, 'Happy to talk.'));
        await waitUntil(() => calls > before);
        toCall.push(performance.now() - start);
        await waitUntil(() => fetched.includes(id));
        toFetched.push(performance.now() - start);
      }
    } finally {
      await watcher.stop();
    }

    const row = (name: string, r: typeof cold) =>
      `| ${name} | ${r.seconds.toFixed(2)} s (Inroads' process used ${r.cpuSeconds.toFixed(2)} s of CPU) | RSS peak ${(r.rssPeak / MB).toFixed(0)} MB (+${(r.rssIncrease / MB).toFixed(0)} MB), heap +${(r.heapIncrease / MB).toFixed(0)} MB | ${r.result.scanned.toLocaleString('en')} scanned, ${r.result.messages.length} kept |`;
    return [
      '',
      `| mail (imapflow against Dovecot on loopback, ${options.messages.toLocaleString('en')} messages, ${options.known} from known people, ${attachments} with a 150 KB attachment) | time | memory | messages |`,
      '|---|---|---|---|',
      row('first fetchNew, Dovecot cold (builds its index)', cold),
      row('first fetchNew, Dovecot warm', warm),
      row('next fetchNew, nothing new', next),
      `| delivery during IDLE → onNewMail (median of 5) | ${median(toCall).toFixed(0)} ms | | all: ${toCall.map((x) => x.toFixed(0)).join(', ')} ms |`,
      `| delivery during IDLE → message fetched (median of 5) | ${median(toFetched).toFixed(0)} ms | | all: ${toFetched.map((x) => x.toFixed(0)).join(', ')} ms |`,
      'Targets: first sync ≤ 10 s and ≤ 200 MB; delivery to Today while IDLE ≤ 2 s (this measures the client part).',
    ];
  } finally {
    await dovecot.stop();
  }
}

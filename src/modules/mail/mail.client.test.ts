/**
 * The mail client against real servers on loopback: Dovecot (started by the test from
 * test/mail/dovecot.ts) and an smtp-server sink that delivers into Dovecot's maildirs.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../server/start.js';
import { dovecotAvailable, startDovecot, type Dovecot } from '../../../test/mail/dovecot.js';
import * as mail from '../../../test/mail/messages.js';
import { oauthToken, startSmtpSink, type SmtpSink } from '../../../test/mail/smtp-sink.js';
import { createMailClient } from './mail.client.js';
import { MailConnectionError, type MailCredentials, type MailEnvelope, type MailMessageFacts, type SyncCursor } from './mail.ports.js';

const run = dovecotAvailable();

/** A TCP relay that records what the client sends, to prove which FETCH commands were issued. */
async function recordingProxy(targetPort: number): Promise<{ port: number; sent: () => string; freeze: () => void; close: () => Promise<void> }> {
  const port = await freePort();
  let log = '';
  const sockets = new Set<Socket>();
  // Frozen connections stay open but carry nothing, as when a NAT box forgets an idle connection.
  const frozen = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      if (frozen.has(client)) return;
      log += chunk.toString('latin1');
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!frozen.has(client)) client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    port,
    sent: () => log,
    freeze: () => {
      for (const socket of sockets) frozen.add(socket);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function waitFor(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) resolve();
      else if (Date.now() > until) reject(new Error(`Gave up waiting for ${what}`));
      else setTimeout(check, 25);
    };
    check();
  });
}

/** Whether an IMAP sequence set ("1:4,7,9:*") includes a UID. */
function covers(set: string, uid: number): boolean {
  return set.split(',').some((part) => {
    const [low = '', high = low] = part.split(':');
    return uid >= Number(low) && (high === '*' || uid <= Number(high));
  });
}

async function failure(promise: Promise<unknown>): Promise<MailConnectionError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MailConnectionError) return error;
    throw error;
  }
  throw new Error('expected a MailConnectionError');
}

describe.runIf(run)('mail client against Dovecot and an SMTP sink', () => {
  let dovecot: Dovecot;
  let sink: SmtpSink;
  const client = createMailClient({ connectionTimeoutMs: 5000 });

  const credentials = (username: string, change: Partial<MailCredentials> = {}): MailCredentials => {
    const user = dovecot.users.find((u) => u.username === username);
    if (!user) throw new Error(username);
    return {
      address: user.address,
      username: user.username,
      imap: { host: dovecot.host, port: dovecot.imapPort, security: 'none' },
      smtp: { host: sink.host, port: sink.port, security: 'none' },
      auth: { kind: 'password', password: user.password },
      trustedCertificate: null,
      ...change,
    };
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    sink = await startSmtpSink(dovecot);
  });
  afterAll(async () => {
    await sink?.stop();
    await dovecot?.stop();
  });

  describe('verify', () => {
    test('signs in to IMAP and SMTP with the right password', async () => {
      const before = sink.connections;
      await client.verify(credentials('ada'));
      expect(sink.connections).toBe(before + 1);
    });

    test('XOAUTH2 hands the access token to SMTP', async () => {
      // Dovecot here has no OAuth back end, so only SMTP's side is checked, through nodemailer's send.
      const ada = credentials('ada', { auth: { kind: 'xoauth2', accessToken: oauthToken('ada') } });
      const sent = await client.send(ada, { from: { name: null, address: 'ada@inroads.test' }, to: [{ name: null, address: 'outside@known.test' }], subject: 'Token', text: 'Hi' });
      expect(sink.received.at(-1)?.user).toBe('ada');
      expect(sink.received.at(-1)?.raw.toString()).toContain(sent.messageId);
    });

    test('XOAUTH2 hands the access token to IMAP (this Dovecot has no OAuth back end, so it refuses it as "auth")', async () => {
      const proxy = await recordingProxy(dovecot.imapPort);
      try {
        const ada = credentials('ada', { imap: { host: '127.0.0.1', port: proxy.port, security: 'none' }, auth: { kind: 'xoauth2', accessToken: 'the-access-token' } });
        const error = await failure(client.verify(ada));
        expect(error.reason).toBe('auth');
        expect(error.message).not.toContain('the-access-token');
        const sasl = Buffer.from('user=ada\x01auth=Bearer the-access-token\x01\x01').toString('base64');
        expect(proxy.sent()).toMatch(new RegExp(`AUTHENTICATE XOAUTH2 ${sasl.replace(/[+/=]/g, (c) => `\\${c}`)}`));
      } finally {
        await proxy.close();
      }
    });

    test('a wrong password is "auth", and SMTP is never contacted', async () => {
      const before = sink.connections;
      const error = await failure(client.verify(credentials('ada', { auth: { kind: 'password', password: 'not-it' } })));
      expect(error.reason).toBe('auth');
      expect(error.server).toBe('imap');
      expect(error.message).toMatch(/refused the user name or password/);
      expect(error.message).not.toContain('not-it');
      expect(sink.connections).toBe(before);
    });

    test('a wrong SMTP password is "auth" on the SMTP side', async () => {
      const ada = credentials('ada');
      const smtpOnly = { ...ada, smtp: ada.smtp };
      const error = await failure(
        client.send({ ...smtpOnly, auth: { kind: 'password', password: 'nope' } }, { from: { name: null, address: ada.address }, to: [{ name: null, address: 'x@known.test' }], subject: 's', text: 't' }),
      );
      expect(error.reason).toBe('auth');
      expect(error.server).toBe('smtp');
    });

    test('a port nobody listens on is "unreachable"', async () => {
      const closed = await freePort();
      const error = await failure(client.verify(credentials('ada', { imap: { host: '127.0.0.1', port: closed, security: 'tls' } })));
      expect(error.reason).toBe('unreachable');
      expect(error.server).toBe('imap');
    });

    test('a server that never greets is "timeout"', async () => {
      const port = await freePort();
      const sockets: Socket[] = [];
      const silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', () => resolve()));
      try {
        const quick = createMailClient({ connectionTimeoutMs: 500 });
        const error = await failure(quick.verify(credentials('ada', { imap: { host: '127.0.0.1', port, security: 'none' } })));
        expect(error.reason).toBe('timeout');
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });

    test('a self-signed certificate is refused with its fingerprint, then accepted once trusted', async () => {
      const tls = (trustedCertificate: string | null) =>
        credentials('ada', {
          imap: { host: dovecot.host, port: dovecot.imapsPort, security: 'tls' },
          smtp: { host: sink.host, port: sink.port, security: 'starttls' },
          trustedCertificate,
        });
      const refused = await failure(client.verify(tls(null)));
      expect(refused.reason).toBe('certificate');
      expect(refused.server).toBe('imap');
      expect(refused.fingerprint).toBe(dovecot.certFingerprint);
      expect(refused.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(refused.message).toContain(dovecot.certFingerprint);

      // The user looked at it and chose to trust it: IMAP (implicit TLS) and SMTP (STARTTLS) both accept exactly that one.
      await client.verify(tls(dovecot.certFingerprint));

      // Trusting some other certificate does not let this one through.
      const other = dovecot.certFingerprint.startsWith('00') ? `11${dovecot.certFingerprint.slice(2)}` : `00${dovecot.certFingerprint.slice(2)}`;
      const mismatch = await failure(client.verify(tls(other)));
      expect(mismatch.reason).toBe('certificate');
      expect(mismatch.fingerprint).toBe(dovecot.certFingerprint);
    });

    test('STARTTLS on IMAP with the trusted certificate', async () => {
      const refused = await failure(client.verify(credentials('ada', { imap: { host: dovecot.host, port: dovecot.imapPort, security: 'starttls' } })));
      expect(refused.reason).toBe('certificate');
      expect(refused.fingerprint).toBe(dovecot.certFingerprint);
      await client.verify(credentials('ada', { imap: { host: dovecot.host, port: dovecot.imapPort, security: 'starttls' }, trustedCertificate: dovecot.certFingerprint }));
    });
  });

  describe('fetchNew', () => {
    const known = new Set(['carol@known.test', 'dave@known.test', 'erin@known.test', 'gone@known.test']);
    const isWanted = (envelope: MailEnvelope) => [...envelope.from, ...envelope.to, ...envelope.cc].some((a) => known.has(a.address));
    const SECRET = 'the-stranger-body-4711';
    let ben: MailCredentials;
    let proxy: Awaited<ReturnType<typeof recordingProxy>>;
    let first: { messages: MailMessageFacts[]; scanned: number; cursor: SyncCursor };
    const bySubject = (subject: string) => first.messages.find((m) => m.subject === subject);

    beforeAll(async () => {
      proxy = await recordingProxy(dovecot.imapPort);
      ben = credentials('ben', { imap: { host: '127.0.0.1', port: proxy.port, security: 'none' } });
      const to = 'ben@inroads.test';
      dovecot.deliver('ben', mail.request({ from: to, to: 'carol@known.test', subject: 'Chat about climate work?', messageId: '<req-1@inroads.test>' }), { folder: 'Sent', flags: 'S' });
      dovecot.deliver('ben', mail.gmailReply({ from: 'carol@known.test', to, subject: 'Re: Chat about climate work?', messageId: '<r1@known.test>', inReplyTo: '<req-1@inroads.test>' }));
      dovecot.deliver('ben', mail.stranger({ from: 'someone@else.test', to, subject: 'Hello from a stranger', messageId: '<s1@else.test>' }, SECRET));
      dovecot.deliver('ben', mail.outlookReply({ from: 'erin@known.test', to, subject: 'RE: Twenty minutes?', messageId: '<r2@known.test>', inReplyTo: '<req-3@inroads.test>' }));
      dovecot.deliver('ben', mail.autoReply({ from: 'dave@known.test', to, subject: 'Coffee?', messageId: '<a1@known.test>', inReplyTo: '<req-4@inroads.test>' }));
      dovecot.deliver('ben', mail.bounce({ from: 'mailer-daemon@mx.inroads.test', to, subject: '', messageId: '<b1@mx.inroads.test>', failed: 'gone@known.test', original: '<req-2@inroads.test>' }));
      dovecot.deliver('ben', mail.bounceWithMessage({ from: 'x', to, subject: 'Delivery Status Notification (Failure)', messageId: '<b2@googlemail.test>', failed: 'Typo@Known.test', original: '<req-5@inroads.test>' }));
      dovecot.deliver('ben', mail.forward({ from: 'carol@known.test', to, subject: 'Intro: Frank', messageId: '<f1@known.test>' }));
      // Older than a year: a first pass does not go back that far.
      dovecot.deliver('ben', mail.request({ from: 'carol@known.test', to, subject: 'Long ago', messageId: '<old@known.test>', date: 'Mon, 1 Dec 2024 10:00:00 +0000' }), {
        arrivedAt: new Date(Date.now() - 700 * 24 * 3600 * 1000),
      });
      first = await client.fetchNew(ben, { inbox: null, sent: null }, isWanted);
    });
    afterAll(async () => {
      await proxy?.close();
    });

    test('returns the wanted messages of the inbox and the Sent folder, with what Inroads needs to match them', () => {
      expect(first.scanned).toBe(8);
      expect(first.messages.map((m) => `${m.folder}:${m.subject}`).sort()).toEqual(
        [
          'inbox:Automatic reply: Coffee?',
          'inbox:Delivery Status Notification (Failure)',
          'inbox:Fwd: Intro: Frank',
          'inbox:RE: Twenty minutes?',
          'inbox:Re: Chat about climate work?',
          'inbox:Undelivered Mail Returned to Sender',
          'sent:Chat about climate work?',
        ].sort(),
      );
    });

    test('a reply carries In-Reply-To and References, and a snippet without the quoted request', () => {
      const reply = bySubject('Re: Chat about climate work?');
      expect(reply).toMatchObject({
        messageId: '<r1@known.test>',
        inReplyTo: '<req-1@inroads.test>',
        references: ['<older@x.test>', '<req-1@inroads.test>'],
        from: [{ name: 'Carol Known', address: 'carol@known.test' }],
        to: [{ name: null, address: 'ben@inroads.test' }],
        autoSubmitted: null,
        contentType: 'multipart/alternative',
        bounce: null,
        date: '2026-12-01T10:00:00.000Z',
      });
      expect(reply?.snippet).toBe('Happy to chat! Thursday at 3 works for me — see you then.');
    });

    test('an Outlook reply without References still has In-Reply-To; its base64 text is decoded and the original trimmed', () => {
      const reply = bySubject('RE: Twenty minutes?');
      expect(reply?.inReplyTo).toBe('<req-3@inroads.test>');
      expect(reply?.references).toEqual([]);
      expect(reply?.from[0]).toEqual({ name: 'Erin Known', address: 'erin@known.test' });
      expect(reply?.snippet).toBe('Yes, glad to help. Next week is best.');
    });

    test('an auto-reply carries its markers, lower-cased', () => {
      expect(bySubject('Automatic reply: Coffee?')).toMatchObject({ autoSubmitted: 'auto-replied', xAutoreply: 'yes', precedence: 'auto_reply', snippet: 'I am out of the office until Monday.' });
    });

    test('a bounce names the failed recipient and the original Message-ID, though its sender is nobody known', () => {
      const report = bySubject('Undelivered Mail Returned to Sender');
      expect(report?.contentType).toBe('multipart/report; report-type=delivery-status');
      expect(report?.bounce).toEqual({ failedRecipients: ['gone@known.test'], originalMessageId: '<req-2@inroads.test>' });
      expect(report?.snippet).toMatch(/^This is the mail system at host mx\.inroads\.test\./);
    });

    test('a bounce that returns the whole original message: its headers are read, not its body', () => {
      const report = bySubject('Delivery Status Notification (Failure)');
      expect(report?.bounce).toEqual({ failedRecipients: ['typo@known.test'], originalMessageId: '<req-5@inroads.test>' });
      expect(report?.snippet).toMatch(/^Address not found\. Your message wasn't delivered to Typo@Known\.test/);
    });

    test('a forward keeps the note above it', () => {
      expect(bySubject('Fwd: Intro: Frank')?.snippet).toBe('Thought you two should meet.');
    });

    test('the Sent folder is read too', () => {
      expect(bySubject('Chat about climate work?')).toMatchObject({ folder: 'sent', messageId: '<req-1@inroads.test>', to: [{ name: null, address: 'carol@known.test' }] });
    });

    test("a stranger's message is neither returned nor read past its headers, and nothing is marked \\Seen", async () => {
      expect(first.messages.some((m) => m.from.some((a) => a.address === 'someone@else.test'))).toBe(false);
      // Find the stranger's UID, then look at every FETCH the client sent: only header fields were asked of it.
      const look = new ImapFlow({ host: dovecot.host, port: dovecot.imapPort, secure: false, doSTARTTLS: false, auth: { user: 'ben', pass: dovecot.users[1]?.password ?? '' }, logger: false });
      await look.connect();
      let strangerUid = 0;
      try {
        await look.mailboxOpen('INBOX', { readOnly: true });
        const found = (await look.search({ from: 'someone@else.test' }, { uid: true })) || [];
        strangerUid = found[0] ?? 0;
      } finally {
        await look.logout();
      }
      expect(strangerUid).toBeGreaterThan(0);
      const bodyFetches = proxy
        .sent()
        .split('\r\n')
        .filter((line) => /UID FETCH/i.test(line) && /(BODY|BINARY)(\.PEEK)?\[(?!HEADER\.FIELDS)/i.test(line));
      expect(bodyFetches.length).toBeGreaterThan(0);
      for (const line of bodyFetches) {
        const set = line.match(/UID FETCH (\S+)/i)?.[1] ?? '';
        expect(covers(set, strangerUid), line).toBe(false);
      }
      expect(proxy.sent()).not.toMatch(/BODY\[/i);
      expect(dovecot.flagsOf('ben').filter((flags) => flags.includes('S'))).toEqual([]);
    });

    test('the cursor makes the next pass return nothing, then only what is new', async () => {
      const second = await client.fetchNew(ben, first.cursor, isWanted);
      expect(second.messages).toEqual([]);
      expect(second.scanned).toBe(0);
      expect(second.cursor).toEqual(first.cursor);

      dovecot.deliver('ben', mail.gmailReply({ from: 'dave@known.test', to: 'ben@inroads.test', subject: 'Re: Coffee?', messageId: '<r3@known.test>', inReplyTo: '<req-4@inroads.test>' }));
      const third = await client.fetchNew(ben, second.cursor, isWanted);
      expect(third.messages.map((m) => m.messageId)).toEqual(['<r3@known.test>']);
      expect(third.scanned).toBe(1);
      expect(third.cursor.inbox?.lastUid).toBe((first.cursor.inbox?.lastUid ?? 0) + 1);
    });

    test('a changed UIDVALIDITY reads the folder again from its start', async () => {
      const stale = { inbox: { uidValidity: '1', lastUid: 999 }, sent: first.cursor.sent };
      const again = await client.fetchNew(ben, stale, isWanted);
      expect(again.messages.map((m) => m.messageId)).toContain('<r1@known.test>');
      expect(again.cursor.inbox?.uidValidity).toBe(first.cursor.inbox?.uidValidity);
    });
  });

  describe('send and appendToSent', () => {
    test('sends through SMTP with its own Message-ID and threading headers, and files the identical message in Sent', async () => {
      const cleo = credentials('cleo');
      const { messageId, raw } = await client.send(cleo, {
        from: { name: 'Cleo User', address: 'cleo@inroads.test' },
        to: [{ name: 'Dan', address: 'dan@inroads.test' }],
        subject: 'Thank you for the chat',
        text: 'It was very helpful. Thank you!',
        inReplyTo: '<r9@inroads.test>',
        references: ['<r8@inroads.test>'],
      });
      expect(messageId).toMatch(/^<[0-9a-f-]{36}@inroads\.test>$/);
      const received = sink.received.find((r) => r.raw.toString().includes(messageId));
      expect(received?.to).toEqual(['dan@inroads.test']);
      expect(received?.raw.equals(raw)).toBe(true);
      const text = raw.toString();
      expect(text).toContain(`Message-ID: ${messageId}`);
      expect(text).toContain('In-Reply-To: <r9@inroads.test>');
      expect(text).toMatch(/References: <r8@inroads\.test>\s+<r9@inroads\.test>/);

      // Dan got it through the sink.
      const dan = await client.fetchNew(credentials('dan'), { inbox: null, sent: null }, () => true);
      expect(dan.messages.find((m) => m.messageId === messageId)).toMatchObject({ subject: 'Thank you for the chat', snippet: 'It was very helpful. Thank you!', inReplyTo: '<r9@inroads.test>' });

      await client.appendToSent(cleo, raw);
      const look = new ImapFlow({ host: dovecot.host, port: dovecot.imapPort, secure: false, doSTARTTLS: false, auth: { user: 'cleo', pass: cleo.auth.kind === 'password' ? cleo.auth.password : '' }, logger: false });
      await look.connect();
      try {
        await look.mailboxOpen('Sent', { readOnly: true });
        const copy = await look.fetchOne('*', { source: true, flags: true });
        expect(copy && copy.source?.equals(raw)).toBe(true);
        expect(copy && [...(copy.flags ?? [])]).toContain('\\Seen');
      } finally {
        await look.logout();
      }
    });
  });

  describe('watch', () => {
    test('a message delivered during IDLE calls onNewMail', { timeout: 60_000 }, async () => {
      let calls = 0;
      const watcher = client.watch(credentials('dan'), {
        onNewMail: async () => {
          calls++;
        },
        watchdogMs: 600_000,
      });
      try {
        await waitFor(() => watcher.watching && calls >= 1, 'the first call after connecting');
        // Let IDLE start, then deliver: only EXISTS can cause the next call (the watchdog is ten minutes away).
        await new Promise((resolve) => setTimeout(resolve, 300));
        const before = calls;
        dovecot.deliver('dan', mail.plain({ from: 'x@known.test', to: 'dan@inroads.test', subject: 'During IDLE', messageId: '<idle1@known.test>' }, 'Hi'));
        await waitFor(() => calls > before, 'onNewMail after the delivery');
      } finally {
        await watcher.stop();
      }
      expect(watcher.watching).toBe(false);
    });

    test('calls never overlap, and stop waits for the running one', { timeout: 60_000 }, async () => {
      let active = 0;
      let most = 0;
      let calls = 0;
      const watcher = client.watch(credentials('dan'), {
        onNewMail: async () => {
          active++;
          most = Math.max(most, active);
          calls++;
          await new Promise((resolve) => setTimeout(resolve, 150));
          active--;
        },
        watchdogMs: 20,
      });
      await waitFor(() => calls >= 3, 'a few watchdog calls');
      await watcher.stop();
      expect(most).toBe(1);
      expect(active).toBe(0);
      const after = calls;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(calls).toBe(after);
    });

    test('an IDLE connection that silently stops carrying data is found out by the watchdog and replaced', { timeout: 60_000 }, async () => {
      const proxy = await recordingProxy(dovecot.imapPort);
      const quick = createMailClient({ connectionTimeoutMs: 1000 });
      const dan = credentials('dan', { imap: { host: '127.0.0.1', port: proxy.port, security: 'none' } });
      let connects = 0;
      let wasWatching = false;
      let calls = 0;
      const watcher = quick.watch(dan, {
        onNewMail: async () => {
          calls++;
        },
        watchdogMs: 300,
        maxBackoffMs: 200,
      });
      const track = setInterval(() => {
        if (watcher.watching && !wasWatching) connects++;
        wasWatching = watcher.watching;
      }, 5);
      try {
        await waitFor(() => connects === 1, 'the first connection');
        proxy.freeze();
        await waitFor(() => connects === 2, 'a new connection after the NOOP went unanswered');
        await new Promise((resolve) => setTimeout(resolve, 300));
        const before = calls;
        await waitFor(() => calls > before, 'onNewMail on the new connection');
      } finally {
        clearInterval(track);
        await watcher.stop();
        await proxy.close();
      }
      expect(connects).toBeGreaterThanOrEqual(2);
      expect(proxy.sent()).toMatch(/ NOOP\r\n/);
    });

    test('Dovecot killed during IDLE and restarted: the watcher reconnects and still catches the reply', { timeout: 90_000 }, async () => {
      const dan = credentials('dan');
      let cursor: SyncCursor = (await client.fetchNew(dan, { inbox: null, sent: null }, () => false)).cursor;
      const seen: string[] = [];
      const errors: string[] = [];
      const watcher = client.watch(dan, {
        onNewMail: async () => {
          const found = await client.fetchNew(dan, cursor, () => true);
          cursor = found.cursor;
          seen.push(...found.messages.map((m) => m.subject));
        },
        onError: (error) => errors.push(error.message),
        watchdogMs: 500,
        maxBackoffMs: 400,
      });
      try {
        await waitFor(() => watcher.watching, 'the watcher to connect');
        await dovecot.kill();
        await waitFor(() => !watcher.watching, 'the watcher to notice');
        await dovecot.restart();
        await waitFor(() => watcher.watching, 'the watcher to reconnect');
        dovecot.deliver('dan', mail.plain({ from: 'carol@known.test', to: 'dan@inroads.test', subject: 'After the restart', messageId: '<after@known.test>' }, 'Still here.'));
        await waitFor(() => seen.includes('After the restart'), 'the reply after the restart');
      } finally {
        await watcher.stop();
      }
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.join('\n')).not.toContain(dan.auth.kind === 'password' ? dan.auth.password : '');
    });
  });
});

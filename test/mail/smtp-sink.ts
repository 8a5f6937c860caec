/**
 * An SMTP receiver for tests (smtp-server from npm) on a free loopback port. It accepts the
 * Dovecot harness's users (password, or XOAUTH2 with the token `token-<username>`), offers
 * STARTTLS with the harness's certificate, records every message, and delivers each one into
 * the maildir of the recipients that are harness users, so IMAP sees it.
 */
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../src/server/start.js';
import type { Dovecot } from './dovecot.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  user: string;
}

export interface SmtpSink {
  host: string;
  port: number;
  received: ReceivedMail[];
  /** How many connections were opened (a test can check that nothing reached SMTP). */
  readonly connections: number;
  stop(): Promise<void>;
}

export const oauthToken = (username: string) => `token-${username}`;

export async function startSmtpSink(dovecot: Dovecot): Promise<SmtpSink> {
  const host = '127.0.0.1';
  const port = await freePort(host);
  const received: ReceivedMail[] = [];
  let connections = 0;
  const server = new SMTPServer({
    secure: false,
    key: dovecot.keyPem,
    cert: dovecot.certPem,
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
    allowInsecureAuth: true,
    logger: false,
    banner: 'Inroads test sink',
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      const user = dovecot.users.find((u) => u.username === auth.username);
      const ok = user && (auth.method === 'XOAUTH2' ? auth.accessToken === oauthToken(user.username) : auth.password === user.password);
      if (!ok) return callback(new Error('Invalid user name or password'));
      callback(null, { user: user.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '';
        received.push({ from, to, raw, user: String(session.user ?? '') });
        for (const address of to) {
          const local = dovecot.users.find((u) => u.address === address);
          if (local) dovecot.deliver(local.username, raw);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  server.on('error', () => undefined);
  return {
    host,
    port,
    received,
    get connections() {
      return connections;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

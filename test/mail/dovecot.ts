/**
 * A private Dovecot IMAP server for tests and benches: a configuration, passwd-file users,
 * maildirs and a self-signed certificate in a temp directory, and `dovecot -F` on free
 * loopback ports as a child process. It never runs mail processes as root: when the tests
 * run as root (as in CI) Dovecot is started as `nobody`; otherwise as the current user.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/server/start.js';

export interface MailUser {
  username: string;
  password: string;
  address: string;
}

export interface DeliverOptions {
  /** 'INBOX' (default) or 'Sent'. */
  folder?: 'INBOX' | 'Sent';
  /** The arrival time (Maildir keeps it as the file's modification time, which IMAP reports as INTERNALDATE). */
  arrivedAt?: Date;
  /** Flags to set on arrival (Maildir info letters), e.g. 'S' for \Seen. Puts the message in cur/. */
  flags?: string;
}

export interface Dovecot {
  host: string;
  /** Plain IMAP, with STARTTLS offered. */
  imapPort: number;
  /** IMAP over implicit TLS. */
  imapsPort: number;
  users: MailUser[];
  /** PEM of the self-signed certificate and its key (the SMTP sink offers the same one). */
  certPem: string;
  keyPem: string;
  /** SHA-256 fingerprint of the certificate, "AB:CD:…". */
  certFingerprint: string;
  dir: string;
  /** Puts a message into a user's maildir atomically (tmp/, then rename into new/), as a delivery agent would. */
  deliver(username: string, raw: string | Buffer, options?: DeliverOptions): string;
  /** The Maildir flag letters of every message of a folder, by file (for tests that check \Seen). */
  flagsOf(username: string, folder?: 'INBOX' | 'Sent'): string[];
  /** Kills Dovecot abruptly (SIGKILL to its whole process group), as a crash would. */
  kill(): Promise<void>;
  /** Starts Dovecot again on the same ports with the same data. */
  restart(): Promise<void>;
  /** Stops Dovecot and removes the temp directory. */
  stop(): Promise<void>;
}

const DOVECOT_PATHS = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];

export function findDovecot(): string | null {
  for (const path of DOVECOT_PATHS) if (existsSync(path)) return path;
  try {
    const found = execFileSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/**
 * Whether the mail tests can run. A missing Dovecot fails the run in CI (never a skip) and
 * locally too, unless INROADS_ALLOW_MISSING_DOVECOT=1 says the developer accepts skipping them.
 */
export function dovecotAvailable(): boolean {
  if (findDovecot()) return true;
  if (process.env.CI) throw new Error('Dovecot is not installed: the mail tests need it (install dovecot-imapd; .ci/run does).');
  if (process.env.INROADS_ALLOW_MISSING_DOVECOT === '1') return false;
  throw new Error('Dovecot is not installed: install dovecot-imapd, or set INROADS_ALLOW_MISSING_DOVECOT=1 to skip the mail tests.');
}

interface RunAs {
  name: string;
  group: string;
  uid: number;
  gid: number;
}

function lookup(database: 'passwd' | 'group', key: string): string[] {
  return execFileSync('getent', [database, key], { encoding: 'utf8' }).trim().split(':');
}

function runAs(): RunAs {
  const me = userInfo();
  if (me.uid !== 0) {
    const group = lookup('group', String(me.gid))[0] ?? String(me.gid);
    return { name: me.username, group, uid: me.uid, gid: me.gid };
  }
  const [name = 'nobody', , uid = '65534', gid = '65534'] = lookup('passwd', 'nobody');
  const group = lookup('group', gid)[0] ?? 'nogroup';
  return { name, group, uid: Number(uid), gid: Number(gid) };
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}

function selfSignedCertificate(dir: string): { certPem: string; keyPem: string; fingerprint: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=mail.inroads.test', '-addext', 'subjectAltName=DNS:mail.inroads.test,IP:127.0.0.1'],
    { stdio: 'ignore' },
  );
  const certPem = readFileSync(cert, 'utf8');
  return { certPem, keyPem: readFileSync(key, 'utf8'), fingerprint: new X509Certificate(certPem).fingerprint256 };
}

function waitForGreeting(host: string, port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect({ host, port });
      let seen = '';
      const retry = (why: string) => {
        socket.destroy();
        if (Date.now() > until) reject(new Error(`Dovecot did not answer on ${host}:${port}: ${why}`));
        else setTimeout(attempt, 50);
      };
      socket.setTimeout(2000, () => retry('timeout'));
      socket.on('data', (chunk) => {
        seen += chunk.toString();
        if (seen.includes('* OK')) {
          socket.end('a LOGOUT\r\n');
          socket.destroy();
          resolve();
        }
      });
      socket.on('error', (error) => retry(error.message));
    };
    attempt();
  });
}

let counter = 0;

export async function startDovecot(options: { users?: number } = {}): Promise<Dovecot> {
  const binary = findDovecot();
  if (!binary) throw new Error('Dovecot is not installed (dovecot-imapd).');
  const account = runAs();
  // Dovecot runs as another user when we are root: its directory must be reachable by that user,
  // which a TMPDIR inside root's home would not be.
  const parent = account.uid !== userInfo().uid && existsSync('/tmp') ? '/tmp' : tmpdir();
  const dir = mkdtempSync(join(parent, 'inroads-dovecot-'));
  chmodSync(dir, 0o755);
  const host = '127.0.0.1';
  const imapPort = await freePort(host);
  let imapsPort = await freePort(host);
  while (imapsPort === imapPort) imapsPort = await freePort(host);
  const { certPem, keyPem, fingerprint } = selfSignedCertificate(dir);

  const userCount = options.users ?? 4;
  const users: MailUser[] = Array.from({ length: userCount }, (_, i) => {
    const username = ['ada', 'ben', 'cleo', 'dan', 'eve', 'finn'][i] ?? `user${i}`;
    return { username, password: `pw-${username}-${randomBytes(4).toString('hex')}`, address: `${username}@inroads.test` };
  });
  const homes = join(dir, 'home');
  for (const user of users) {
    for (const folder of ['', '.Sent']) for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(homes, user.username, 'Maildir', folder, sub), { recursive: true });
    writeFileSync(join(homes, user.username, 'Maildir', '.Sent', 'maildirfolder'), '');
  }
  writeFileSync(
    join(dir, 'passwd'),
    users.map((u) => `${u.username}:{PLAIN}${u.password}:${account.uid}:${account.gid}::${join(homes, u.username)}::`).join('\n') + '\n',
  );
  for (const sub of ['run', 'state', 'log']) mkdirSync(join(dir, sub));
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    `# Written by test/mail/dovecot.ts for one test run.
protocols = imap
listen = ${host}
base_dir = ${join(dir, 'run')}
state_dir = ${join(dir, 'state')}
log_path = ${join(dir, 'log', 'dovecot.log')}
default_internal_user = ${account.name}
default_internal_group = ${account.group}
default_login_user = ${account.name}
first_valid_uid = 1
first_valid_gid = 0
last_valid_uid = 0
ssl = yes
ssl_cert = <${join(dir, 'cert.pem')}
ssl_key = <${join(dir, 'key.pem')}
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2
auth_failure_delay = 0
mail_location = maildir:~/Maildir
mailbox_idle_check_interval = 1 secs
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}
}
userdb {
  driver = passwd-file
  args = username_format=%u ${join(dir, 'passwd')}
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
service imap-login {
  chroot =
  inet_listener imap {
    address = ${host}
    port = ${imapPort}
  }
  inet_listener imaps {
    address = ${host}
    port = ${imapsPort}
    ssl = yes
  }
}
service imap-urlauth-login {
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  if (account.uid !== userInfo().uid) chownTree(dir, account.uid, account.gid);

  let child: ChildProcess | null = null;
  const launch = async () => {
    const started = spawn(binary, ['-F', '-c', conf], {
      uid: account.uid,
      gid: account.gid,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
    });
    let errors = '';
    started.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise<never>((_, reject) =>
      started.once('exit', (code) => {
        const log = existsSync(join(dir, 'log', 'dovecot.log')) ? readFileSync(join(dir, 'log', 'dovecot.log'), 'utf8') : '';
        reject(new Error(`dovecot exited with ${code}: ${errors}\n${log.slice(-2000)}`));
      }),
    );
    exited.catch(() => undefined);
    child = started;
    // Dovecot runs in its own process group: if this process ends without stop(), take it down too.
    const pid = started.pid;
    const onExit = () => {
      try {
        if (pid) process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    process.once('exit', onExit);
    started.once('exit', () => process.off('exit', onExit));
    // Both listeners open together; the plain one answers with a greeting.
    await Promise.race([waitForGreeting(host, imapPort, 15_000), exited]);
  };
  const killGroup = async (signal: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running?.pid || running.exitCode !== null) return;
    const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    try {
      process.kill(-running.pid, signal);
    } catch {
      return;
    }
    await gone;
    // The master is gone; its children (imap, imap-login, auth) share its process group and got the signal too.
    // Give them a moment to let go of the ports.
    await new Promise((resolve) => setTimeout(resolve, 100));
  };
  await launch();

  const folderPath = (username: string, folder: 'INBOX' | 'Sent') => join(homes, username, 'Maildir', folder === 'Sent' ? '.Sent' : '');

  return {
    host,
    imapPort,
    imapsPort,
    users,
    certPem,
    keyPem,
    certFingerprint: fingerprint,
    dir,
    deliver(username, raw, deliverOptions = {}) {
      const base = folderPath(username, deliverOptions.folder ?? 'INBOX');
      if (!existsSync(base)) throw new Error(`No maildir for ${username}`);
      const now = deliverOptions.arrivedAt ?? new Date();
      const name = `${Math.floor(now.getTime() / 1000)}.M${(now.getTime() % 1000) * 1000}P${process.pid}Q${++counter}R${randomBytes(4).toString('hex')}.${hostname()}`;
      const temp = join(base, 'tmp', name);
      writeFileSync(temp, raw, { mode: 0o644 });
      utimesSync(temp, now, now);
      const target = deliverOptions.flags === undefined ? join(base, 'new', name) : join(base, 'cur', `${name}:2,${deliverOptions.flags}`);
      renameSync(temp, target);
      return target;
    },
    flagsOf(username, folder = 'INBOX') {
      const base = folderPath(username, folder);
      return [...readdirSync(join(base, 'new')).map(() => ''), ...readdirSync(join(base, 'cur')).map((file) => file.split(':2,')[1] ?? '')];
    },
    kill: () => killGroup('SIGKILL'),
    restart: async () => {
      await killGroup('SIGKILL');
      await launch();
    },
    async stop() {
      await killGroup('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

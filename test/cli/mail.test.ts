import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotAvailable, startDovecot, type Dovecot } from '../mail/dovecot.js';
import * as samples from '../mail/messages.js';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.js';

const BIN = resolve('bin/inroads.js');

/** Runs the CLI without blocking this process (the SMTP sink answers from here). */
function run(home: string, args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, '--home', home, ...args], { env: { ...process.env, INROADS_DATABASE_URL: '', INROADS_HOME: '', INROADS_MAIL_KEY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe.runIf(dovecotAvailable())('inroads mail', () => {
  let home: string;
  let dovecot: Dovecot;
  let sink: SmtpSink;
  beforeAll(async () => {
    if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('Build first: npm run build (npm test does this for you).');
    home = mkdtempSync(join(tmpdir(), 'inroads-mail-cli-'));
    dovecot = await startDovecot();
    sink = await startSmtpSink(dovecot);
  });
  afterAll(async () => {
    await sink?.stop();
    await dovecot?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  const connectArgs = () => [
    'mail',
    'connect',
    '--address',
    dovecot.users[0]?.address ?? '',
    '--user',
    dovecot.users[0]?.username ?? '',
    '--imap-host',
    dovecot.host,
    '--imap-port',
    String(dovecot.imapsPort),
    '--smtp-host',
    sink.host,
    '--smtp-port',
    String(sink.port),
    '--smtp-security',
    'none',
    '--password-stdin',
  ];

  it('connects only with the right password and a certificate the user trusts, and keeps the password sealed', async () => {
    expect((await run(home, ['mail', 'status'])).stdout).toContain('No mailbox is connected');
    const password = dovecot.users[0]?.password ?? '';

    const untrusted = await run(home, connectArgs(), `${password}\n`);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toContain('IMAP (incoming) server');
    expect((await run(home, ['mail', 'status'])).stdout).toContain('No mailbox is connected');

    const trusted = [...connectArgs(), '--trust-certificate', dovecot.certFingerprint];
    const wrong = await run(home, trusted, 'not-the-password\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/refused the user name or password/);
    expect(wrong.stderr).not.toContain('not-the-password');
    expect((await run(home, ['mail', 'status'])).stdout).toContain('No mailbox is connected');

    const ok = await run(home, trusted, `${password}\n`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`Connected. Mailbox ${dovecot.users[0]?.address}`);
    expect(ok.stdout).toContain('never whole messages or attachments');
    expect(ok.stdout).not.toContain(password);
    const key = join(home, 'mail.key');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    // The password is nowhere in the database file.
    expect(readFileSync(join(home, 'inroads.db')).includes(Buffer.from(password))).toBe(false);
    const status = JSON.parse((await run(home, ['mail', 'status', '--json'])).stdout);
    expect(status).toMatchObject({ connected: true, address: dovecot.users[0]?.address, trustedCertificate: dovecot.certFingerprint });
    expect(JSON.stringify(status)).not.toContain(password);
  }, 180_000);

  it('syncs once, reads .eml files with the same matching, and disconnects', async () => {
    const ben = dovecot.users[1]?.address ?? '';
    const added = await run(home, ['contacts', 'add', '--name', 'Ben Known', '--email', ben, '--json']);
    expect(added.code, added.stderr).toBe(0);
    const contact = JSON.parse(added.stdout);
    const interview = JSON.parse((await run(home, ['interviews', 'add', '--contact', contact.id, '--json'])).stdout);
    expect((await run(home, ['interviews', 'move', interview.id, 'requested', '--at', '2026-11-28T10:00:00Z'])).code).toBe(0);

    // An Outlook reply with no References, found by its sender; and a stranger's message, not kept.
    dovecot.deliver(dovecot.users[0]?.username ?? '', samples.outlookReply({ from: ben, to: dovecot.users[0]?.address ?? '', subject: 'RE: Advice', messageId: '<o-1@known.test>', inReplyTo: '<unknown@elsewhere>' }));
    dovecot.deliver(dovecot.users[0]?.username ?? '', samples.stranger({ from: 'someone@stranger.test', to: dovecot.users[0]?.address ?? '', subject: 'Offer', messageId: '<s-1@stranger.test>' }, 'secret words'));
    const sync = await run(home, ['mail', 'sync', '--json']);
    expect(sync.code, sync.stderr).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ scanned: 2, kept: 1, replies: 1 });

    const dir = mkdtempSync(join(tmpdir(), 'inroads-eml-'));
    const file = join(dir, 'bounce.eml');
    writeFileSync(file, samples.bounce({ from: 'mailer-daemon@inroads.test', to: dovecot.users[0]?.address ?? '', subject: 'Undelivered', messageId: '<b-1@inroads.test>', failed: ben, original: '<x@inroads.test>' }));
    const imported = await run(home, ['mail', 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('bounce.eml: Ben Known. A delivery failure');
    const broken = join(dir, 'empty.eml');
    writeFileSync(broken, '');
    const refused = await run(home, ['mail', 'import', broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('files.0.content');
    rmSync(dir, { recursive: true, force: true });

    expect((await run(home, ['mail', 'disconnect'])).stdout).toContain('the password is deleted');
    expect((await run(home, ['mail', 'status'])).stdout).toContain('No mailbox is connected');
  }, 180_000);
});

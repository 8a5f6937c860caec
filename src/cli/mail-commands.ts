import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { connectMailbox, disconnectMailbox, importMail, mailboxStatus, syncMailbox } from '../modules/mail/mail.usecases.js';
import { localMailKeyFor, createMailServices } from '../server/mail-services.js';
import { AppError } from '../shared/errors.js';
import { connectMailboxInput, importMailInput, type MailboxStatus } from '../shared/schemas/mail.js';
import { configFrom, parseInput, withContext } from './context.js';
import { print, printJson, shortDate } from './output.js';

const PRIVACY =
  'Inroads reads only messages to or from people you have in Inroads, and keeps their sender, recipients, subject, date and a short snippet: never whole messages or attachments.';

function formatStatus(status: MailboxStatus): string {
  if (!status.connected) return 'No mailbox is connected. Connect one with: inroads mail connect --address you@example.org --imap-host … --smtp-host … --password-stdin';
  return [
    `Mailbox ${status.address} (signs in as ${status.username})`,
    `  IMAP  ${status.imap?.host}:${status.imap?.port} (${status.imap?.security})`,
    `  SMTP  ${status.smtp?.host}:${status.smtp?.port} (${status.smtp?.security})`,
    `  Last checked  ${status.lastSyncAt ? shortDate(status.lastSyncAt) : 'not yet'}${status.state === 'error' && status.lastError ? `\n  Problem       ${status.lastError}` : ''}`,
    `  Watching      ${status.watching ? 'yes (a running Inroads keeps it open)' : 'no (start Inroads, or run inroads mail sync)'}`,
    '',
    PRIVACY,
  ].join('\n');
}

async function readSecret(flags: { passwordStdin?: boolean; passwordFile?: string }): Promise<string> {
  if (flags.passwordFile) return readFileSync(resolve(flags.passwordFile), 'utf8').split(/\r?\n/)[0] ?? '';
  if (flags.passwordStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const fromEnv = process.env.INROADS_MAIL_PASSWORD;
  if (fromEnv) return fromEnv;
  throw new AppError('usage', 2, 'Give the app password with --password-stdin, --password-file FILE or INROADS_MAIL_PASSWORD (never on the command line, where other users could see it).');
}

export function registerMailCommands(program: Command): void {
  const mail = program.command('mail').description('your own mailbox: send from drafts, notice replies and sent mail, read .eml files');
  const services = () => createMailServices({ key: localMailKeyFor(configFrom(program).home) });

  mail
    .command('connect')
    .description('connect a mailbox with IMAP and SMTP (an app password, or an OAuth token with --xoauth2); checks both servers first and stores nothing if either refuses')
    .requiredOption('--address <email>', 'the address you send from')
    .option('--user <name>', 'the sign-in name, when it is not the address')
    .requiredOption('--imap-host <host>', 'incoming (IMAP) server')
    .option('--imap-port <port>', 'IMAP port', '993')
    .option('--imap-security <tls|starttls|none>', 'IMAP security', 'tls')
    .requiredOption('--smtp-host <host>', 'outgoing (SMTP) server')
    .option('--smtp-port <port>', 'SMTP port', '465')
    .option('--smtp-security <tls|starttls|none>', 'SMTP security', 'tls')
    .option('--password-stdin', 'read the app password (or token) from standard input')
    .option('--password-file <file>', 'read the app password (or token) from the first line of a file')
    .option('--xoauth2', 'the secret is an OAuth access token (XOAUTH2), not a password')
    .option('--trust-certificate <sha256>', 'trust this self-signed certificate (the fingerprint a failed attempt printed)')
    .option('--no-sent-copy', 'do not put a copy of sent mail in Sent (for providers that file it themselves)')
    .option('--json', 'print the mailbox as the API returns it')
    .action(
      async (flags: {
        address: string;
        user?: string;
        imapHost: string;
        imapPort: string;
        imapSecurity: string;
        smtpHost: string;
        smtpPort: string;
        smtpSecurity: string;
        passwordStdin?: boolean;
        passwordFile?: string;
        xoauth2?: boolean;
        trustCertificate?: string;
        sentCopy: boolean;
        json?: boolean;
      }) => {
        const secret = await readSecret(flags);
        const input = parseInput(connectMailboxInput, {
          address: flags.address,
          ...(flags.user ? { username: flags.user } : {}),
          imap: { host: flags.imapHost, port: flags.imapPort, security: flags.imapSecurity },
          smtp: { host: flags.smtpHost, port: flags.smtpPort, security: flags.smtpSecurity },
          authKind: flags.xoauth2 ? 'xoauth2' : 'password',
          secret,
          ...(flags.trustCertificate ? { trustCertificate: flags.trustCertificate.toUpperCase() } : {}),
          ...(flags.sentCopy === false ? { saveSentCopy: false } : {}),
        });
        const status = await withContext(program, (ctx) => connectMailbox({ ctx, mail: services(), input }));
        if (flags.json) return printJson(status);
        print(`Connected. ${formatStatus(status)}`);
      },
    );

  mail
    .command('status')
    .description('the connected mailbox and when it was last read (never its password)')
    .option('--json', 'print the mailbox as the API returns it')
    .action(async (flags: { json?: boolean }) => {
      const status = await withContext(program, (ctx) => mailboxStatus({ ctx }));
      if (flags.json) return printJson(status);
      print(formatStatus(status));
    });

  mail
    .command('disconnect')
    .description('forget the mailbox and delete its password (messages kept for people stay in their history)')
    .action(async () => {
      await withContext(program, (ctx) => disconnectMailbox({ ctx, mail: services() }));
      print('Disconnected; the password is deleted.');
    });

  mail
    .command('sync')
    .description('read what is new in the mailbox once')
    .option('--json', 'print the counts as the API returns them')
    .action(async (flags: { json?: boolean }) => {
      const result = await withContext(program, (ctx) => syncMailbox({ ctx, mail: services() }));
      if (flags.json) return printJson(result);
      print(
        `Looked at ${result.scanned} new ${result.scanned === 1 ? 'message' : 'messages'}; kept ${result.kept} to or from people in Inroads: ${result.replies} ${result.replies === 1 ? 'reply' : 'replies'}, ${result.autoReplies} automatic, ${result.bounces} undelivered, ${result.sent} sent by you.`,
      );
    });

  mail
    .command('import')
    .description('read .eml files (all or nothing) with the same matching as the mailbox; needs no password')
    .argument('<files...>', '.eml files')
    .option('--json', 'print the result as the API returns it')
    .action(async (files: string[], flags: { json?: boolean }) => {
      const input = parseInput(importMailInput, {
        files: files.map((file) => {
          try {
            return { name: basename(file), content: readFileSync(resolve(file), 'utf8') };
          } catch (error) {
            throw new AppError('imports.unreadable', 1, `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }),
      });
      const result = await withContext(program, (ctx) => importMail({ ctx, mail: services(), input }));
      if (flags.json) return printJson(result);
      for (const file of result.files) print(`${file.name}: ${file.contact ? `${file.contact.name}. ` : ''}${file.note}`);
    });
}

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { integrityProblems, isPostgresUrl, openDatabase } from '../db/factory.js';
import { adminExists } from '../modules/accounts/accounts.usecases.js';
import { createAppContext } from '../modules/repositories.js';
import { systemClock } from '../shared/clock.js';
import { runningServer } from '../server/home-lock.js';
import { loadOrCreateSecret, localUrl } from '../server/secret.js';
import { AppError } from '../shared/errors.js';
import { logLevelFrom } from '../server/logging.js';
import { mailSettingsFrom } from '../server/mailer.js';
import { oidcSettingsFrom } from '../server/oidc.js';
import { configFrom } from './context.js';
import { print, printJson } from './output.js';

const portOption = (value: string) => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${value}"`);
  return port;
};

/** Ctrl+C or a service manager's stop closes the server cleanly, then exits. */
function closeOnSignals(close: () => Promise<void>): void {
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

interface ServeOptions {
  port?: number;
  host?: string;
  demo?: boolean;
  multiUser?: boolean;
  publicUrl?: string;
  trustProxy?: string;
}

const trustProxyValue = (value: string | undefined): boolean | string | undefined =>
  value === undefined ? undefined : value === 'true' ? true : value === 'false' ? false : value;

async function serveMultiUser(program: Command, options: ServeOptions): Promise<void> {
  if (options.demo) throw new AppError('usage', 2, '--demo is for one person on one computer; it cannot be combined with --multi-user');
  const config = configFrom(program, { port: options.port, host: options.host });
  const { startMultiUserServer } = await import('../server/start.js');
  const server = await startMultiUserServer(config, {
    publicUrl: options.publicUrl ?? process.env.INROADS_PUBLIC_URL,
    trustProxy: trustProxyValue(options.trustProxy ?? process.env.INROADS_TRUST_PROXY),
    logger: { level: logLevelFrom(process.env.INROADS_LOG_LEVEL) },
    mail: mailSettingsFrom(process.env),
    reminderCron: process.env.INROADS_REMINDER_CRON,
    jobPollingSeconds: process.env.INROADS_JOB_POLL_SECONDS ? Number(process.env.INROADS_JOB_POLL_SECONDS) : undefined,
    log: (message) => print(`  Note: ${message}`),
    oidc: oidcSettingsFrom(process.env),
  });
  const hasAdmin = await adminExists({ ctx: createAppContext(server.handle, systemClock) });
  const sso = server.sso ? `${server.sso.name} (${server.sso.issuer})${server.sso.only ? ', the only way to sign in' : ''}` : null;
  for (const line of multiUserStartupText({ url: server.url, location: server.handle.location, dialect: server.handle.dialect, reminders: server.jobs !== null, hasAdmin, sso })) print(line);
  closeOnSignals(server.close);
}

/** What a shared server says when it starts; it asks for the first admin only while there is none. */
export function multiUserStartupText(state: { url: string; location: string; dialect: 'sqlite' | 'postgres'; reminders: boolean; hasAdmin: boolean; sso?: string | null }): string[] {
  return [
    'Inroads is running for many users.',
    `  Address:  ${state.url}`,
    `  Accounts: ${state.location}${state.dialect === 'sqlite' ? ' (SQLite; one host only)' : ' (PostgreSQL; a schema per user)'}`,
    `  Reminders: ${state.reminders ? 'on (job queue in PostgreSQL, mail over SMTP)' : 'off (they need PostgreSQL and INROADS_SMTP_URL)'}`,
    ...(state.sso ? [`  Single sign-on: ${state.sso}`] : []),
    ...(state.hasAdmin ? [] : ['  Add the first admin with: inroads users add EMAIL --name NAME --role admin']),
    'Press Ctrl+C to stop.',
  ];
}

async function serve(program: Command, options: ServeOptions): Promise<void> {
  if (options.multiUser) return serveMultiUser(program, options);
  const config = configFrom(program, { port: options.port, host: options.host });
  // The web server is loaded only by the commands that serve, so the others start quickly.
  const { startServer, demoDatabasePath } = await import('../server/start.js');
  if (options.demo) await ensureDemo(demoDatabasePath(config.home));
  const server = await startServer(config, { logger: true, demo: options.demo === true });
  print(`Inroads is running${options.demo ? ' with the demo workspace' : ''}.`);
  print(`  Open:  ${server.url}`);
  print(`  Data:  ${server.handle.location}${server.handle.dialect === 'sqlite' ? ' (SQLite)' : ' (PostgreSQL)'}`);
  print(`  Home:  ${config.home}`);
  if (server.handle.migration.applied.length > 0) print(`  Schema updated: ${server.handle.migration.applied.join(', ')}`);
  if (server.handle.quickCheck === 'skipped') print('  Note: the database is too large to check quickly at every start; run `inroads db check` now and then.');
  print('Press Ctrl+C to stop.');
  closeOnSignals(server.close);
}

/** The full check: SQLite's integrity_check and foreign_key_check, read only; a file that cannot be opened is a problem too. */
async function checkDatabase(url: string): Promise<{ database: string; dialect: 'sqlite' | 'postgres'; ok: boolean; problems: string[] }> {
  if (!isPostgresUrl(url) && !existsSync(url.replace(/^sqlite:(\/\/)?/, ''))) throw new AppError('db.missing', 1, `There is no database at ${url} to check.`);
  let handle;
  try {
    handle = await openDatabase({ url, migrate: false });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'db.damaged' || error.code === 'db.unavailable')) return { database: url, dialect: 'sqlite', ok: false, problems: [error.message] };
    throw error;
  }
  try {
    let problems: string[] = [];
    try {
      problems = handle.sqlite ? integrityProblems(handle.sqlite) : [];
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    return { database: handle.location, dialect: handle.dialect, ok: problems.length === 0, problems };
  } finally {
    await handle.close();
  }
}

async function ensureDemo(databaseUrl: string): Promise<void> {
  const handle = await openDatabase({ url: databaseUrl });
  try {
    const ctx = createAppContext(handle, systemClock);
    const { seedDemoWorkspace } = await import('../modules/demo/demo.seed.js');
    const { created } = await seedDemoWorkspace({ ctx });
    if (created) print('Created the demo workspace (fictional people and organisations).');
  } finally {
    await handle.close();
  }
}

export function registerServerCommands(program: Command): void {
  program
    .command('serve', { isDefault: true })
    .description('start the local server and print the link to open (the default command)')
    .option('--port <n>', 'port to listen on (default 4580 or $INROADS_PORT)', portOption)
    .option('--host <address>', 'address to bind (default 127.0.0.1; anything else exposes your data on the network)')
    .option('--demo', 'open the separate demo workspace instead of your own')
    .option('--multi-user', 'serve many people with accounts (PostgreSQL recommended; see docs/deployment.md)')
    .option('--public-url <url>', 'multi-user: the address people use, e.g. https://inroads.example.edu ($INROADS_PUBLIC_URL)')
    .option('--trust-proxy <value>', 'multi-user: proxies to believe about client addresses: true, or addresses/CIDRs ($INROADS_TRUST_PROXY)')
    .action(async (options: ServeOptions) => serve(program, options));

  program
    .command('demo')
    .description('open a separate demo workspace filled with a realistic, fictional job search')
    .option('--port <n>', 'port to listen on', portOption)
    .action(async (options: { port?: number }) => serve(program, { ...options, demo: true }));

  program
    .command('open')
    .description('print the sign-in link for the running server and open it in a browser')
    .option('--port <n>', 'port the server listens on', portOption)
    .option('--json', 'print { url } as JSON')
    .option('--no-browser', 'only print the link')
    .action((options: { port?: number; json?: boolean; browser: boolean }) => {
      const config = configFrom(program, { port: options.port });
      // The server running on this home says where it listens; otherwise the configured address.
      const running = options.port === undefined ? runningServer(config.home) : null;
      const base = running && running.mode === 'local' ? running.url : localUrl(config.host, config.port);
      const url = `${base}?token=${loadOrCreateSecret(config.home)}`;
      if (options.port === undefined && !running) process.stderr.write('Inroads does not seem to be running on this home; start it first (npm start, or this program with no command).\n');
      if (options.json) printJson({ url });
      else print(url);
      if (options.browser && !process.env.CI && existsSync('/usr/bin/xdg-open')) {
        spawn('/usr/bin/xdg-open', [url], { detached: true, stdio: 'ignore' }).unref();
      }
    });

  const db = program.command('db').description('database maintenance');
  db.command('check')
    .description('check the whole database for damage (SQLite integrity_check); exits 1 when it finds any')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = configFrom(program);
      const report = await checkDatabase(config.databaseUrl);
      if (options.json) printJson(report);
      else if (report.ok) print(`${report.database} is sound${report.dialect === 'postgres' ? ' (PostgreSQL checks its own pages; Inroads found its schema in order)' : ' (integrity_check: ok)'}.`);
      else print(`${report.database} is damaged:\n${report.problems.map((p) => `  ${p}`).join('\n')}\nOpen your latest backup (made with \`inroads backup FILE\`) with \`inroads --database FILE\`.`);
      if (!report.ok) process.exitCode = 1;
    });
  db.command('migrate')
    .description('bring the database schema up to date (also done automatically at start)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = configFrom(program);
      const handle = await openDatabase({ url: config.databaseUrl });
      await handle.close();
      const report = { database: handle.location, dialect: handle.dialect, ...handle.migration };
      if (options.json) printJson(report);
      else
        print(
          report.applied.length > 0
            ? `Applied ${report.applied.join(', ')} to ${report.database}.`
            : `${report.database} is up to date (${report.current ?? 'no schema'}).`,
        );
    });
}

import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { isPostgresUrl, openDatabase, type DatabaseHandle } from '../db/factory.js';
import { lockHome } from './home-lock.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { buildApp } from './app.js';
import { allowedHostsFor, openCommandFor } from './security.js';
import { createWorkspaces } from './workspace.js';
import { createAppContext, type AppContext } from '../modules/repositories.js';
import { postgresUserWorkspaces, sqliteUserWorkspaces, type UserWorkspaces } from './user-workspaces.js';
import { startJobs, type Jobs } from './jobs.js';
import { createMailer, type MailSettings } from './mailer.js';
import { mailKeyFromEnv } from './mail-key.js';
import { createMailServices, localMailKeyFor } from './mail-services.js';
import { startMailWatch, type MailWatch } from './mail-watch.js';
import { workspaceRemover } from './workspace-removal.js';
import type { SendMail } from '../modules/reminders/reminders.usecases.js';
import { loadOrCreateSecret, localUrl, securePrivateHome, startUrl } from './secret.js';
import type { LogSettings } from './logging.js';
import { connectOidc, type OidcSettings } from './oidc.js';
import { SSO_CALLBACK_PATH } from '../shared/schemas/sso.js';
import type { IdentityProvider } from '../modules/sso/sso.usecases.js';
import type { App } from './types.js';

/** A port nothing listens on now (the OS picks it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface RunningServer {
  app: App;
  handle: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: boolean;
  /** Open the demo workspace (in the home's demo/ folder) first; the configured database stays the user's own. */
  demo?: boolean;
  /** The source of "now" for everything the server does (tests pass a settable clock). */
  clock?: Clock;
}

/** The demo workspace's file in a home. */
export const demoDatabasePath = (home: string) => join(home, 'demo', 'inroads.db');

/** Opens the database (migrating it), builds the app and listens. */
export async function startServer(requested: Config, options: StartOptions = {}): Promise<RunningServer> {
  // Port 0 means "any free port": pick it now, because the Host check must know the real one.
  const config = requested.port === 0 ? { ...requested, port: await freePort(requested.host) } : requested;
  const clock = options.clock ?? systemClock;
  const demoUrl = demoDatabasePath(config.home);
  // Started in the demo: either asked for, or the demo file given as the database (then the own workspace is the home's default).
  const startsInDemo = options.demo === true || config.databaseUrl === demoUrl;
  const ownUrl = config.databaseUrl === demoUrl ? join(config.home, 'inroads.db') : config.databaseUrl;
  securePrivateHome(config.home);
  // One server per home: a second one is told where the first runs (and `inroads open` finds it).
  const release = lockHome(config.home, { url: localUrl(config.host, config.port), mode: 'local' });
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ url: startsInDemo ? demoUrl : ownUrl, check: true, readers: config.readers });
  } catch (error) {
    release();
    throw error;
  }
  const secret = loadOrCreateSecret(config.home);
  const workspaces = createWorkspaces(handle, clock, demoUrl, startsInDemo ? { in: 'demo', ownUrl, readers: config.readers } : { in: 'own' });
  // The mailbox is watched in whichever workspace is open (the demo has none, so nothing is watched there).
  let watch: MailWatch | null = null;
  const mail = createMailServices({ key: localMailKeyFor(config.home), onMailboxChanged: () => void watch?.refresh() });
  watch = startMailWatch({ mail, workspaces: async () => [{ id: 'local', use: (work) => work(workspaces.live) }] });
  const app = await buildApp({
    ctx: workspaces.live,
    workspaces,
    mail,
    secret,
    allowedHosts: allowedHostsFor(config.host, config.port),
    openCommand: openCommandFor(config.home),
    handle,
    logger: options.logger ?? false,
    validateResponses: false,
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await watch.stop();
    await app.close();
    await handle.close();
    release();
    throw error;
  }
  return {
    app,
    handle,
    url: startUrl(config.host, config.port, secret),
    close: async () => {
      await watch?.stop();
      await app.close();
      await workspaces.close();
      await handle.close();
      release();
    },
  };
}

export interface MultiUserOptions {
  /** The address people use, e.g. https://inroads.example.edu (behind a reverse proxy); cookies are Secure when it is https. */
  publicUrl?: string | undefined;
  /** Fastify's trustProxy: which proxies to believe about the client's address (for rate limits). */
  trustProxy?: boolean | string | undefined;
  /** The request and event log (see logging.ts); off unless given. */
  logger?: boolean | LogSettings | undefined;
  /** Connections in the pool shared by every user's workspace (PostgreSQL). */
  poolSize?: number;
  /** SMTP settings for the morning reminders; they run through the job queue on PostgreSQL. */
  mail?: MailSettings | null;
  /** When the reminder round is planned (cron, UTC). */
  reminderCron?: string | undefined;
  /** How often idle job workers poll (tests make it short). */
  jobPollingSeconds?: number | undefined;
  /** Where start-up notes go (the CLI prints them). */
  log?: (message: string) => void;
  /** Single sign-on with an OpenID provider (INROADS_OIDC_*); the provider is reached at start. */
  oidc?: OidcSettings | null;
}

export interface RunningMultiUserServer extends RunningServer {
  workspaces: UserWorkspaces;
  /** The job queue's workers, when reminders are configured (PostgreSQL and SMTP). */
  jobs: Jobs | null;
  /** The identity provider, when single sign-on is set up. */
  sso: IdentityProvider | null;
}

/** The hosts and origins a multi-user server answers to: its public address and its own. */
export function multiUserAddresses(host: string, port: number, publicUrl: string | undefined): { hosts: string[]; origins: string[]; secure: boolean } {
  const hosts = allowedHostsFor(host, port);
  const origins = hosts.map((h) => `http://${h}`);
  if (!publicUrl) return { hosts, origins, secure: false };
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new AppError('config.public_url', 1, `--public-url must be an address such as https://inroads.example.edu (got "${publicUrl}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('config.public_url', 1, '--public-url must start with https:// (or http:// for a test install)');
  return { hosts: [url.host, ...hosts], origins: [url.origin, ...origins], secure: url.protocol === 'https:' };
}

/**
 * Many users on one service: accounts in the configured database, each user's data
 * in a schema of its own (PostgreSQL) or a file of its own (SQLite, one host only).
 * No state lives in the process, so several instances can share one database.
 */
export async function startMultiUserServer(requested: Config, options: MultiUserOptions = {}): Promise<RunningMultiUserServer> {
  const config = requested.port === 0 ? { ...requested, port: await freePort(requested.host) } : requested;
  const addresses = multiUserAddresses(config.host, config.port, options.publicUrl);
  // The identity provider is reached first: a server that cannot offer the sign-in it was set up with does not start.
  const sso: IdentityProvider | null = options.oidc ? await connectOidc(options.oidc, new URL(SSO_CALLBACK_PATH, options.publicUrl ?? localUrl(config.host, config.port)).href) : null;
  const onSqlite = !isPostgresUrl(config.databaseUrl);
  if (onSqlite) securePrivateHome(config.home);
  // Instances may share one PostgreSQL database; SQLite files belong to one server only.
  const release = onSqlite ? lockHome(config.home, { url: options.publicUrl ?? localUrl(config.host, config.port), mode: 'multi-user' }) : () => undefined;
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ url: config.databaseUrl, check: true });
  } catch (error) {
    release();
    throw error;
  }
  const control = createAppContext(handle, systemClock);
  let workspaces: UserWorkspaces;
  let pool: { end(): Promise<void> } | null = null;
  if (handle.dialect === 'postgres') {
    const { Pool } = (await import('pg')).default;
    const shared = new Pool({ connectionString: config.databaseUrl, max: options.poolSize ?? 20 });
    workspaces = postgresUserWorkspaces(shared, systemClock);
    pool = shared;
  } else {
    workspaces = sqliteUserWorkspaces(join(config.home, 'users'), systemClock);
  }
  const log = options.log ?? (() => undefined);
  const appUrl = options.publicUrl ?? localUrl(config.host, config.port);
  let jobs: Jobs | null = null;
  let mailer: { send: SendMail; close(): void } | null = null;
  // Reset links go out by email on either database; reminders need PostgreSQL's job queue.
  if (options.mail) mailer = await createMailer(options.mail);
  const reminders = mailer !== null && handle.dialect === 'postgres';
  if (options.mail && !reminders) log('Reminder emails need PostgreSQL (their job queue lives there); they are off on SQLite.');
  // Each user's mailbox lives in their own workspace; every instance sweeps them all and a lease keeps one watcher per mailbox.
  let watch: MailWatch | null = null;
  const mailKey = mailKeyFromEnv(process.env);
  const mail = createMailServices({ key: mailKey, onMailboxChanged: () => void watch?.refresh() });
  if (mailKey) {
    watch = startMailWatch({
      mail,
      log,
      workspaces: async () => (await control.repos.accounts.users()).filter((u) => !u.disabledAt).map((u) => ({ id: u.id, use: <T>(work: (ctx: AppContext) => Promise<T>) => workspaces.use(u.id, work) })),
    });
  }
  const app = await buildApp({
    ctx: control,
    mail,
    multiUser: {
      control,
      workspaces,
      allowedHosts: addresses.hosts,
      allowedOrigins: addresses.origins,
      secureCookies: addresses.secure,
      // (The queue starts below, once the app's log exists for it to write rounds to.)
      planReminders: reminders ? (round) => (jobs ? jobs.planReminders(round) : Promise.reject(new Error('the job queue is not running'))) : null,
      removeWorkspace: workspaceRemover(handle, join(config.home, 'users')),
      sendMail: mailer?.send ?? null,
      appUrl,
      sso,
    },
    trustProxy: options.trustProxy,
    allowedHosts: addresses.hosts,
    handle,
    logger: options.logger ?? false,
    validateResponses: false,
  });
  if (mailer && reminders) {
    try {
      jobs = await startJobs({ databaseUrl: config.databaseUrl, control, workspaces, send: mailer.send, appUrl, cron: options.reminderCron, pollingIntervalSeconds: options.jobPollingSeconds, log, logger: app.log });
    } catch (error) {
      await watch?.stop();
      mailer.close();
      await app.close();
      await workspaces.close();
      await pool?.end();
      await handle.close();
      release();
      throw error;
    }
  }
  const close = async () => {
    await watch?.stop();
    await app.close();
    await jobs?.stop();
    mailer?.close();
    await workspaces.close();
    await pool?.end();
    await handle.close();
    release();
  };
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await close();
    throw error;
  }
  return { app, handle, workspaces, jobs, url: appUrl, sso, close };
}

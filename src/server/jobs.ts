import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import type { AppContext } from '../modules/repositories.js';
import { reminderRecipients, sendMorningReminder, type SendMail } from '../modules/reminders/reminders.usecases.js';
import type { UserWorkspaces } from './user-workspaces.js';

/** Background work: the morning reminders, through pg-boss's queue in the shared PostgreSQL database. */
export interface Jobs {
  /** Queues a reminder round now, sent whatever the hour where each person is (an admin's "send now"). */
  planReminders(): Promise<void>;
  stop(): Promise<void>;
}

export const QUEUES = { plan: 'reminders-plan', send: 'reminders-send' } as const;
/**
 * A round is planned every hour; each person's email goes out in the first round
 * after 07:00 in their own time zone, once a day.
 */
export const DEFAULT_REMINDER_CRON = '5 * * * *';
/** The advisory-lock key under which one instance at a time sets the queue up. */
const SETUP_LOCK = 461_780_273;

export interface JobsOptions {
  databaseUrl: string;
  control: AppContext;
  workspaces: UserWorkspaces;
  send: SendMail;
  /** The address in the email that opens Inroads. */
  appUrl: string;
  cron?: string;
  /** How often idle workers look for jobs. */
  pollingIntervalSeconds?: number;
  log?: (message: string) => void;
}

/**
 * Starts the queue and its workers. Any number of instances may run this against
 * one database: pg-boss hands each job to one worker, the schedule fires once,
 * and each person's reminder is sent once a day (see sendMorningReminder).
 */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { default: Boss } = await import('pg-boss');
  const worker = `${hostname()}:${process.pid}`;
  const log = options.log ?? (() => undefined);
  const boss: PgBoss = new Boss({ connectionString: options.databaseUrl, schema: 'inroads_jobs', max: 4 });
  boss.on('error', (error) => log(`job queue: ${error.message}`));
  // Instances starting together would race to create the queue's tables (PostgreSQL reports a deadlock):
  // one sets up at a time, under an advisory lock.
  const { Client } = (await import('pg')).default;
  const lock = new Client({ connectionString: options.databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
    await boss.start();
    for (const name of Object.values(QUEUES)) if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, retryLimit: 3, retryDelay: 60, retryBackoff: true });
    await boss.schedule(QUEUES.plan, options.cron ?? DEFAULT_REMINDER_CRON, {}, { tz: 'UTC' });
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => undefined);
    await lock.end();
  }

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work<{ force?: boolean }>(QUEUES.plan, polling, async (jobs) => {
    const force = jobs.some((job) => job.data.force === true);
    const recipients = await reminderRecipients({ control: options.control });
    // A job per person; sending checks their local hour and claims their day, so a repeated round sends nothing twice.
    if (recipients.length > 0) await boss.insert(recipients.map((user) => ({ name: QUEUES.send, data: { userId: user.id, force } })));
  });
  await boss.work<{ userId: string; force?: boolean }>(QUEUES.send, { ...polling, batchSize: 5 }, async (jobs) => {
    for (const job of jobs) {
      const found = await options.control.repos.accounts.userById(job.data.userId);
      if (!found || found.disabledAt || !found.reminderEmails) continue;
      const { passwordHash: _hash, ...user } = found;
      await options.workspaces.use(user.id, (ctx) => sendMorningReminder({ control: options.control, ctx, user, worker, appUrl: options.appUrl, send: options.send, force: job.data.force === true }));
    }
  });
  return {
    planReminders: async () => {
      await boss.send(QUEUES.plan, { force: true });
    },
    stop: () => boss.stop({ graceful: true, wait: true }),
  };
}

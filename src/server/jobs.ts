import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import type { AppContext } from '../modules/repositories.js';
import { OUTCOME, openReminderRound, planReminderRound, recordReminderOutcome, sendMorningReminder, type SendMail } from '../modules/reminders/reminders.usecases.js';
import type { ReminderRound } from '../shared/schemas/reminders.js';
import type { UserWorkspaces } from './user-workspaces.js';

/** Background work: the morning reminders, through pg-boss's queue in the shared PostgreSQL database. */
export interface Jobs {
  /** Queues an opened round now (an admin's "send now"); `force` sends whatever the hour where each person is. */
  planReminders(round: { id: string; force: boolean }): Promise<void>;
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
  /** The server's log, where each finished round is written (counts only). */
  logger?: { info(fields: object, message: string): void; warn(fields: object, message: string): void } | undefined;
}

/** A round's counts as one log line (never who got what). */
const roundFields = (round: ReminderRound) => ({
  event: 'reminders.round',
  roundId: round.id,
  trigger: round.trigger,
  people: round.people,
  sent: round.sent,
  waiting: round.waiting,
  nothingDue: round.nothingDue,
  alreadySent: round.alreadySent,
  failed: round.failed,
});

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
  const control = options.control;
  const finished = (round: ReminderRound | null) => {
    if (round) options.logger?.info(roundFields(round), 'reminder round finished');
  };
  await boss.work<{ roundId?: string; force?: boolean }>(QUEUES.plan, polling, async (jobs) => {
    for (const job of jobs) {
      // The hourly schedule's jobs come without a round: it is opened here.
      const roundId = job.data.roundId ?? (await openReminderRound({ control, trigger: 'schedule' })).id;
      const force = job.data.force === true;
      const { recipients, finished: empty } = await planReminderRound({ control, roundId });
      finished(empty);
      // A job per person; sending checks their local hour and claims their day, so a repeated round sends nothing twice.
      if (recipients.length > 0) await boss.insert(recipients.map((user) => ({ name: QUEUES.send, data: { userId: user.id, force, roundId } })));
    }
  });
  // One person per job, so a failed send is retried on its own, and counted once: when it succeeds, or on its last try.
  await boss.work<{ userId: string; force?: boolean; roundId?: string }>(QUEUES.send, { ...polling, batchSize: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) {
      const { roundId } = job.data;
      const count = async (outcome: Parameters<typeof recordReminderOutcome>[0]['outcome']) => {
        if (roundId) finished(await recordReminderOutcome({ control, roundId, outcome }));
      };
      const found = await control.repos.accounts.userById(job.data.userId);
      if (!found || found.disabledAt || !found.reminderEmails) {
        await count('dropped');
        continue;
      }
      const { passwordHash: _hash, ...user } = found;
      try {
        const outcome = await options.workspaces.use(user.id, (ctx) => sendMorningReminder({ control, ctx, user, worker, appUrl: options.appUrl, send: options.send, force: job.data.force === true }));
        await count(OUTCOME[outcome]);
      } catch (error) {
        const last = job.retryCount >= job.retryLimit;
        options.logger?.warn({ event: 'reminders.send_failed', roundId, userId: user.id, attempt: job.retryCount + 1, last, err: error }, 'a reminder could not be sent');
        if (last) await count('failed');
        throw error;
      }
    }
  });
  return {
    planReminders: async (round) => {
      await boss.send(QUEUES.plan, { roundId: round.id, force: round.force });
    },
    stop: () => boss.stop({ graceful: true, wait: true }),
  };
}

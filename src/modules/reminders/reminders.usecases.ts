import { newId } from '../../shared/ids.js';
import type { Account } from '../../shared/schemas/accounts.js';
import type { ReminderOutcome, ReminderRound, ReminderTrigger } from '../../shared/schemas/reminders.js';
import { getAgenda } from '../followups/followups.usecases.js';
import { now, workCalendar } from '../references.js';
import type { AppContext } from '../repositories.js';
import { composeReminder, dayIn, dueToday, hourIn, REMINDER_HOUR } from './reminders.rules.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** Everyone who asked for the morning reminder (active accounts only). */
export async function reminderRecipients({ control }: { control: AppContext }): Promise<Account[]> {
  return (await control.repos.accounts.reminderRecipients()).map((u) => ({ ...u, reminderEmails: true }));
}

/**
 * Sends one person their morning reminder for the day it is where they are, once
 * it is 07:00 there (or at once when `force`d, as an admin's "send now" is), and once:
 * the day's row in the reminder log is claimed first, so a second worker (or a
 * retried job) finds it taken and sends nothing. A failed send gives the claim back.
 */
export async function sendMorningReminder({
  control,
  ctx,
  user,
  worker,
  appUrl,
  send,
  force = false,
}: {
  control: AppContext;
  ctx: AppContext;
  user: Account;
  worker: string;
  appUrl: string;
  send: SendMail;
  force?: boolean;
}): Promise<'sent' | 'too-early' | 'nothing-due' | 'already-sent'> {
  const at = now(ctx);
  const { timeZone } = await workCalendar(ctx);
  const day = dayIn(at, timeZone);
  // (Someone who already had today's email, say from an admin's "anyway", is not "waiting" for 07:00: they are done.)
  if (await control.repos.accounts.reminderSent(user.id, day)) return 'already-sent';
  if (!force && hourIn(at, timeZone) < REMINDER_HOUR) return 'too-early';
  const items = dueToday((await getAgenda({ ctx, at })).items, day, timeZone);
  if (items.length === 0) return 'nothing-due';
  if (!(await control.repos.accounts.claimReminder({ userId: user.id, day, sentAt: at, items: items.length, worker }))) return 'already-sent';
  try {
    await send({ to: user.email, ...composeReminder({ name: user.name, items, day, appUrl }) });
  } catch (error) {
    await control.repos.accounts.releaseReminder(user.id, day);
    throw error;
  }
  return 'sent';
}

/** How long the rounds are kept for the Administration page. */
const ROUND_KEEP_DAYS = 90;

/** What sendMorningReminder's answer counts as in a round. */
export const OUTCOME: Record<Awaited<ReturnType<typeof sendMorningReminder>>, ReminderOutcome> = {
  sent: 'sent',
  'too-early': 'waiting',
  'nothing-due': 'nothingDue',
  'already-sent': 'alreadySent',
};

/** Opens a round of reminders (its people are counted when it is planned); rounds older than 90 days are let go. */
export async function openReminderRound({ control, trigger, startedBy = null }: { control: AppContext; trigger: ReminderTrigger; startedBy?: string | null }): Promise<ReminderRound> {
  const at = now(control);
  const round: ReminderRound = { id: newId(), trigger, startedAt: at, finishedAt: null, people: null, sent: 0, waiting: 0, nothingDue: 0, alreadySent: 0, failed: 0 };
  await control.repos.reminders.deleteRoundsBefore(new Date(Date.parse(at) - ROUND_KEEP_DAYS * 86_400_000).toISOString());
  await control.repos.reminders.insertRound({ ...round, startedBy });
  return round;
}

/**
 * An admin's "send today's reminders": a round is opened and handed to the queue (`queue`), which sends
 * each person theirs once it is 07:00 where they are, or at once when the admin chose `anyway`.
 * Nothing is left behind when the queue refuses it.
 */
export async function startReminderRound({
  control,
  startedBy,
  anyway,
  queue,
}: {
  control: AppContext;
  startedBy: string;
  anyway: boolean;
  queue: (round: { id: string; force: boolean }) => Promise<void>;
}): Promise<{ round: ReminderRound }> {
  const round = await openReminderRound({ control, trigger: anyway ? 'admin-anyway' : 'admin', startedBy });
  try {
    await queue({ id: round.id, force: anyway });
  } catch (error) {
    await control.repos.reminders.deleteRound(round.id);
    throw error;
  }
  return { round };
}

/** Plans a round: who asked for reminders now. The round is finished at once when nobody has. */
export async function planReminderRound({ control, roundId }: { control: AppContext; roundId: string }): Promise<{ recipients: Account[]; finished: ReminderRound | null }> {
  const recipients = await reminderRecipients({ control });
  const done = await control.repos.reminders.setPeople(roundId, recipients.length, now(control));
  return { recipients, finished: done ? await settled(control, roundId) : null };
}

/**
 * A round just finished. The hourly schedule runs 24 rounds a day and most send nothing (nobody new has reached
 * 07:00): those are not kept, so the Administration page lists the rounds that did something and the admin's own.
 */
async function settled(control: AppContext, roundId: string): Promise<ReminderRound | null> {
  const round = (await control.repos.reminders.round(roundId)) ?? null;
  if (round && round.trigger === 'schedule' && round.sent === 0 && round.failed === 0) await control.repos.reminders.deleteRound(round.id);
  return round;
}

/** Counts one person's outcome in a round; answers the round when that was the last one, so it can be reported. */
export async function recordReminderOutcome({ control, roundId, outcome }: { control: AppContext; roundId: string; outcome: ReminderOutcome | 'dropped' }): Promise<ReminderRound | null> {
  const done = await control.repos.reminders.countOutcome(roundId, outcome, now(control));
  return done ? settled(control, roundId) : null;
}

/** The latest rounds, newest first, for the Administration page. */
export async function recentReminderRounds({ control, limit = 5 }: { control: AppContext; limit?: number }): Promise<{ items: ReminderRound[] }> {
  return { items: await control.repos.reminders.recentRounds(limit) };
}

import type { Account } from '../../shared/schemas/accounts.js';
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
  if (!force && hourIn(at, timeZone) < REMINDER_HOUR) return 'too-early';
  const day = dayIn(at, timeZone);
  if (await control.repos.accounts.reminderSent(user.id, day)) return 'already-sent';
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

import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';

/** Who started a round of morning reminders: the hourly schedule, or an admin (keeping the 07:00 rule, or "anyway"). */
export const reminderTriggers = ['schedule', 'admin', 'admin-anyway'] as const;
export type ReminderTrigger = (typeof reminderTriggers)[number];

/**
 * A round of morning reminders and what it did, in counts only (never who). Each
 * person who asked for reminders is one of: sent, waiting (before 07:00 where they
 * are: their email goes in a later round), nothing due, already sent today, or
 * failed. `people` is null until the round has been planned; the round is finished
 * when the counts add up to it.
 */
export const reminderRoundSchema = z.object({
  id: idSchema,
  trigger: z.enum(reminderTriggers),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  people: z.number().int().nullable(),
  sent: z.number().int(),
  waiting: z.number().int(),
  nothingDue: z.number().int(),
  alreadySent: z.number().int(),
  failed: z.number().int(),
});
export type ReminderRound = z.infer<typeof reminderRoundSchema>;

/** An admin's "send today's reminders": `anyway` also sends to people for whom it is not yet 07:00. */
export const runRemindersInput = z.object({ anyway: z.boolean().default(false) }).strict();
export type RunRemindersInput = z.infer<typeof runRemindersInput>;
export const reminderRoundResponse = z.object({ round: reminderRoundSchema });
export type ReminderRoundResponse = z.infer<typeof reminderRoundResponse>;
export const reminderRoundsResponse = z.object({ items: z.array(reminderRoundSchema) });
export type ReminderRounds = z.infer<typeof reminderRoundsResponse>;

/** The outcome of one person's reminder in a round. */
export type ReminderOutcome = 'sent' | 'waiting' | 'nothingDue' | 'alreadySent' | 'failed';

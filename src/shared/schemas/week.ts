import { z } from 'zod';
import { agendaKinds } from './agenda.js';
import { computedDate, computedDateTime, idSchema, isoDateTime } from './common.js';

/** What the user aims for each week. Thank-yous on time are followed as a rate, not a target. */
export const weeklyTargetsSchema = z.object({
  requests: z.number().int(),
  conversations: z.number().int(),
  people: z.number().int(),
  /** When the user last set them; null while the suggested targets stand. */
  updatedAt: isoDateTime.nullable(),
});
export type WeeklyTargets = z.infer<typeof weeklyTargetsSchema>;

const target = (max: number) =>
  z
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'must be 0 or more' })
    .max(max, { message: `must be at most ${max}` });

export const weeklyTargetsInput = z
  .object({ requests: target(100), conversations: target(50), people: target(200) })
  .partial()
  .strict();
export type WeeklyTargetsInput = z.infer<typeof weeklyTargetsInput>;

export const weekQuery = z.object({
  at: isoDateTime.optional().describe('Review the week as if it were this instant (plan ahead, or look back).'),
});
export type WeekQuery = z.infer<typeof weekQuery>;

const measure = z.object({ done: z.number(), target: z.number(), met: z.boolean() });

export const weekHistoryEntry = z.object({
  /** The first day of the week, in the user's time zone (Monday, or the first working day after the weekend). */
  week: computedDate,
  requests: z.number(),
  replies: z.number(),
  conversations: z.number(),
  people: z.number(),
  onTarget: z.boolean(),
});
export type WeekHistoryEntry = z.infer<typeof weekHistoryEntry>;

export const weekActionKinds = [...agendaKinds, 'reach-out'] as const;

export const weekSchema = z.object({
  at: isoDateTime,
  timeZone: z.string(),
  week: z.object({
    start: computedDate,
    end: computedDate,
    /** The last working day of the week: the review falls due then. */
    lastWorkingDay: computedDate,
    reviewDue: z.boolean(),
  }),
  targets: weeklyTargetsSchema,
  progress: z.object({
    requests: measure,
    conversations: measure,
    people: measure,
    replies: z.number(),
    /** Conversations this week thanked within a day, of those whose day has passed; rate null when none. */
    thankYous: z.object({ onTime: z.number(), due: z.number(), rate: z.number().nullable() }),
  }),
  onTarget: z.boolean(),
  /** Weeks on target in a row, ending with this week when it is already on target, or else last week. */
  streak: z.number(),
  /** The weeks before this one and this one, oldest first. */
  history: z.array(weekHistoryEntry),
  stalled: z.object({
    requests: z.array(
      z.object({ interviewId: idSchema, contactId: idSchema, name: z.string(), requestedAt: isoDateTime, businessDays: z.number() }),
    ),
    overdue: z.array(z.object({ key: z.string(), kind: z.enum(agendaKinds), title: z.string(), due: computedDateTime, contactId: idSchema.nullable() })),
    keepInTouch: z.array(z.object({ key: z.string(), title: z.string(), due: computedDateTime, contactId: idSchema.nullable() })),
  }),
  nextActions: z.array(
    z.object({ kind: z.enum(weekActionKinds), title: z.string(), reason: z.string(), contactId: idSchema.nullable(), due: computedDateTime.nullable() }),
  ),
});
export type Week = z.infer<typeof weekSchema>;
export const weeklyTargetsResponse = z.object({ targets: weeklyTargetsSchema });
export type WeeklyTargetsResponse = z.infer<typeof weeklyTargetsResponse>;

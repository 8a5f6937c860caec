import { z } from 'zod';
import { computedDateTime, idSchema, isoDateTime } from './common.js';

/** Agenda kinds are part of the public contract (domain.md). */
export const agendaKinds = ['prepare', 'confirm', 'thank-you', 'reach-next', 'follow-up', 'check-in', 'contact-referral', 'report-back', 'debrief', 'lead', 'schedule', 'fix-address', 'mark-requested'] as const;
export type AgendaKind = (typeof agendaKinds)[number];

export const agendaItemStates = ['open', 'done', 'snoozed', 'dismissed'] as const;

export const agendaItemSchema = z.object({
  /** Stable identity: recomputing the agenda gives the same key for the same duty. */
  key: z.string(),
  kind: z
    .enum(agendaKinds)
    .describe(
      "What the duty is; `lead` is a lead's dated next step (the key is `lead:<lead id>`, the lead's person, conversation and organisation are set). From the connected mailbox: `schedule` (a person replied to a request: agree a time; `quote` holds the start of the reply), `fix-address` (mail to a person's address bounced; `email` is that address), `mark-requested` (the user wrote to a person with an idea conversation from their own mail app; `mailMessageId` is that message).",
    ),
  due: computedDateTime,
  overdue: z.boolean(),
  title: z.string(),
  /** One sentence: why this is on the agenda. */
  reason: z.string(),
  /** The suggested next step. */
  action: z.string(),
  contactId: idSchema.nullable(),
  interviewId: idSchema.nullable(),
  organizationId: idSchema.nullable(),
  referralId: idSchema.nullable(),
  /** reach-next: the person suggested; thank-you: handwritten or email. */
  suggestedContactId: idSchema.nullable(),
  suggestedFormat: z.enum(['email', 'handwritten']).nullable(),
  /** schedule: the first lines of the reply. */
  quote: z.string().nullable().optional(),
  /** fix-address: the address that bounced. */
  email: z.string().nullable().optional(),
  /** mark-requested: the message seen in the Sent folder. */
  mailMessageId: idSchema.nullable().optional(),
  state: z.enum(agendaItemStates),
  snoozedUntil: isoDateTime.nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const agendaQuery = z.object({
  from: isoDateTime.optional().describe('Only items due at or after this instant (overdue items are always included unless from is given).'),
  to: isoDateTime.optional().describe('Only items due before this instant; defaults to seven days from now.'),
  at: isoDateTime.optional().describe('Compute the agenda as if it were this instant (planning ahead).'),
  include: z.enum(['open', 'all']).default('open').describe('`all` also lists items marked done or dismissed, and snoozed ones.'),
  contactId: idSchema.optional().describe("Only this person's items: theirs, and those that suggest approaching them next."),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .optional()
    .describe('At most this many items of each group (overdue, due today, due later), the soonest first; `totals` still counts them all.'),
});

export type AgendaQuery = z.infer<typeof agendaQuery>;

export const agendaTotals = z.object({ overdue: z.number().int(), today: z.number().int(), later: z.number().int() });
export const agendaResponse = z.object({
  at: isoDateTime,
  timeZone: z.string(),
  /** When the day of `at` ends in the user's time zone: items due before it (and not overdue) are today's. */
  todayEndsAt: computedDateTime,
  /** How many items each group holds, whether or not `limit` left some out. */
  totals: agendaTotals,
  items: z.array(agendaItemSchema),
});
export type Agenda = z.infer<typeof agendaResponse>;

export const agendaStateInput = z
  .object({
    state: z.enum(agendaItemStates),
    /** Required when snoozing: when the item should come back. */
    until: isoDateTime.optional(),
  })
  .strict();
export type AgendaStateInput = z.infer<typeof agendaStateInput>;

/** `/agenda/items/:key/state` */
export const agendaItemParams = z.object({ key: z.string().min(1).max(200) });
export const agendaItemStateSchema = z.object({ key: z.string(), state: z.string(), snoozedUntil: isoDateTime.nullable() });
export type AgendaItemState = z.infer<typeof agendaItemStateSchema>;

/** The message an agenda item calls for, drafted from the user's templates. */
export const agendaDraftInput = z.object({ kind: z.enum(agendaKinds), contactId: idSchema, interviewId: idSchema.optional() }).strict();
export type AgendaDraftInput = z.infer<typeof agendaDraftInput>;
export const agendaDraftSchema = z.object({ subject: z.string().nullable(), body: z.string(), templateId: idSchema.nullable() });
export type AgendaDraft = z.infer<typeof agendaDraftSchema>;
